import { describe, expect, it } from 'vitest';
import { escapeCardText, welcomeCard } from '../../src/teams/cards/welcome-card.ts';
import { cardProblems } from './validate-card.ts';

describe('welcome card', () => {
  it('is a valid Adaptive Card 1.5 that greets the person and links to the tab', () => {
    const card = JSON.parse(JSON.stringify(welcomeCard({ givenName: 'Priya', tabUrl: 'https://upward.example/tab/' })));
    expect(cardProblems(card)).toEqual([]);
    expect(card.body[0].text).toBe('Welcome to Upward, Priya!');
    expect(card.actions).toEqual([expect.objectContaining({ type: 'Action.OpenUrl', url: 'https://upward.example/tab/' })]);
  });

  it('escapes markdown in a typed name so it renders literally', () => {
    const card = JSON.parse(JSON.stringify(welcomeCard({ givenName: '[click](http://evil)**', tabUrl: 'https://u/tab/' })));
    expect(card.body[0].text).toBe('Welcome to Upward, \\[click\\]\\(http://evil\\)\\*\\*!');
    expect(escapeCardText('a_b')).toBe('a\\_b');
  });

  it('greets without a name when none is known', () => {
    const card = JSON.parse(JSON.stringify(welcomeCard({ givenName: undefined, tabUrl: 'https://u/tab/' })));
    expect(card.body[0].text).toBe('Welcome to Upward!');
  });

  it('the parser used above really catches broken cards', () => {
    expect(cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] })).not.toEqual([]);
    expect(
      cardProblems({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text', id: 'a' }, { type: 'Input.Text', id: 'a' }] }),
    ).toContain('Duplicate Id "a".');
  });
});
