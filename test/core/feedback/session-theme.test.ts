/** A session's theme comes from the pair's track and the plan's topic for that session only. */
import { describe, expect, it } from 'vitest';
import { NO_TRACK_THEME, sessionTheme } from '../../../src/core/feedback/session-theme.ts';

const genAi = { name: 'GenAI tools', sessionTopics: ['Prompting basics', 'Copilot in meetings'], reflectionQuestions: [] };

describe('sessionTheme', () => {
  it('is the track and the topic its agenda showed, the plan starting again after its end', () => {
    expect(sessionTheme(genAi, 1)).toBe('GenAI tools: Prompting basics');
    expect(sessionTheme(genAi, 2)).toBe('GenAI tools: Copilot in meetings');
    expect(sessionTheme(genAi, 3)).toBe('GenAI tools: Prompting basics');
  });

  it('is the track alone without a plan, and for a session outside the booked series', () => {
    expect(sessionTheme({ name: 'Strategy', sessionTopics: [], reflectionQuestions: [] }, 4)).toBe('Strategy');
    expect(sessionTheme(genAi, null)).toBe('GenAI tools');
  });

  it('names pairs that follow no track', () => {
    expect(sessionTheme(null, 1)).toBe(NO_TRACK_THEME);
  });
});
