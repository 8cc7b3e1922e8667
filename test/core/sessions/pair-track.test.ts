/** The track a pair follows, and the topic each of its sessions gets from that track's plan. */
import { describe, expect, it } from 'vitest';
import { agendaFor, sessionTopic } from '../../../src/core/sessions/agenda.ts';
import { pairTrack } from '../../../src/core/sessions/pair-track.ts';
import { pairId } from '../../../src/core/sessions/session.ts';

const program = {
  topicTracks: ['GenAI tools', 'Social media', 'Strategy'],
  trackPlans: [
    { track: 'GenAI tools', sessionTopics: ['Prompting basics', 'Meeting notes with AI', 'Agents at work'], reflectionQuestions: ['What did you automate this week?', 'Which prompt failed, and why?'] },
    { track: 'Social media', sessionTopics: ['Your first post'], reflectionQuestions: [] },
  ],
};

describe('pairTrack', () => {
  it('takes the first program track the mentor teaches and the mentee wants to learn, with its plan', () => {
    const track = pairTrack(program, { canTeach: ['Social media', 'genai-tools'] }, { wantsToLearn: ['GenAI Tools', 'Social media'] });
    expect(track).toEqual({
      name: 'GenAI tools',
      sessionTopics: ['Prompting basics', 'Meeting notes with AI', 'Agents at work'],
      reflectionQuestions: ['What did you automate this week?', 'Which prompt failed, and why?'],
    });
  });

  it('prefers a track both sides share over one only one side named', () => {
    expect(pairTrack(program, { canTeach: ['GenAI tools', 'Social media'] }, { wantsToLearn: ['Social media'] })?.name).toBe('Social media');
  });

  it('falls back to a track either side named, then to the only track, then to none', () => {
    expect(pairTrack(program, { canTeach: ['Knitting'] }, { wantsToLearn: ['Strategy'] })).toEqual({ name: 'Strategy', sessionTopics: [], reflectionQuestions: [] });
    expect(pairTrack({ topicTracks: ['GenAI tools'] }, undefined, undefined)?.name).toBe('GenAI tools');
    expect(pairTrack(program, { canTeach: ['Knitting'] }, { wantsToLearn: ['Cooking'] })).toBeNull();
  });
});

describe('the topic of session n', () => {
  const track = pairTrack(program, { canTeach: ['GenAI tools'] }, { wantsToLearn: ['GenAI tools'] });

  it('is the plan\'s topic n, the plan again for a longer series, the track name without a plan', () => {
    expect([1, 2, 3, 4].map((n) => sessionTopic(track, n))).toEqual(['Prompting basics', 'Meeting notes with AI', 'Agents at work', 'Prompting basics']);
    expect(sessionTopic({ name: 'Strategy', sessionTopics: [], reflectionQuestions: [] }, 2)).toBe('Strategy');
    expect(sessionTopic(null, 1)).toBeNull();
  });

  it('reaches the agenda of that session, with the track\'s own reflection questions', () => {
    const agenda = agendaFor({ id: pairId('pair-1'), sessionCount: 6 }, 2, track, [], []);
    expect(agenda).toMatchObject({ sessionIndex: 2, trackName: 'GenAI tools', topic: 'Meeting notes with AI' });
    expect([...agenda.reflectionQuestions].sort()).toEqual(['Which prompt failed, and why?', 'What did you automate this week?'].sort());
  });
});
