import { describe, expect, it } from 'vitest';
import { userId } from '../../../src/core/ids.ts';
import { actionItemsFrom, actionsVisibleTo } from '../../../src/core/sessions/action-items.ts';
import { agendaFor, type BacklogItem, type Track } from '../../../src/core/sessions/agenda.ts';
import { DEFAULT_REFLECTION_QUESTIONS } from '../../../src/core/sessions/reflection-questions.ts';
import { pairId, sessionId } from '../../../src/core/sessions/session.ts';
import { epochMs } from '../../../src/core/time.ts';

const A = userId('u-a');
const B = userId('u-b');
const pair = { id: pairId('pair-7'), sessionCount: 6 };
const track: Track = {
  name: 'GenAI tools',
  sessionTopics: ['Basics', 'Prompting', 'Agents'],
  reflectionQuestions: ['Q1', 'Q2', 'Q3', 'Q4', 'Q5'],
};
const item = (id: string, addedAt: number, done = false): BacklogItem => ({ id, text: `item ${id}`, addedBy: A, addedAt: epochMs(addedAt), done });

describe('agendaFor', () => {
  it('says which session of how many and picks the track topic for it, starting the plan again after its end', () => {
    expect(agendaFor(pair, 2, track, [], [])).toMatchObject({ sessionIndex: 2, sessionCount: 6, topic: 'Prompting', trackName: 'GenAI tools' });
    expect(agendaFor(pair, 4, track, [], []).topic).toBe('Basics');
    expect(agendaFor(pair, 6, track, [], []).topic).toBe('Agents');
    expect(agendaFor(pair, 1, { ...track, sessionTopics: [] }, [], []).topic).toBe('GenAI tools');
    expect(agendaFor(pair, 1, null, [], [])).toMatchObject({ topic: null, trackName: null });
  });

  it('picks two different reflection questions, the same every time, moving on each session', () => {
    const first = agendaFor(pair, 1, track, [], []).reflectionQuestions;
    expect(agendaFor(pair, 1, track, [], []).reflectionQuestions).toEqual(first);
    expect(first[0]).not.toBe(first[1]);
    for (const q of first) expect(track.reflectionQuestions).toContain(q);
    const second = agendaFor(pair, 2, track, [], []).reflectionQuestions;
    expect(second).not.toEqual(first);
    const all = [1, 2, 3, 4, 5].flatMap((n) => agendaFor({ ...pair, sessionCount: 5 }, n, track, [], []).reflectionQuestions);
    expect(new Set(all)).toEqual(new Set(track.reflectionQuestions));
  });

  it('uses the default questions when the track has fewer than two', () => {
    for (const t of [null, { ...track, reflectionQuestions: ['Only one'] }]) {
      const [q1, q2] = agendaFor(pair, 3, t, [], []).reflectionQuestions;
      expect(DEFAULT_REFLECTION_QUESTIONS).toContain(q1);
      expect(DEFAULT_REFLECTION_QUESTIONS).toContain(q2);
      expect(q1).not.toBe(q2);
    }
  });

  it('lists open backlog items oldest first, at most five, and counts the rest', () => {
    const backlog = [item('g', 7), item('a', 1), item('done', 0, true), item('c', 3), item('b', 2), item('e', 5), item('d', 4), item('f', 6)];
    const agenda = agendaFor(pair, 1, track, backlog, []);
    expect(agenda.backlog.map((i) => i.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(agenda.moreBacklog).toBe(2);
  });

  it('carries last session’s open actions, private to their owner', () => {
    const s = sessionId('s1');
    const actions = actionItemsFrom([
      { sessionId: s, authorId: A, action: ' Try Copilot ' },
      { sessionId: s, authorId: B, action: 'Read the strategy' },
      { sessionId: s, authorId: B, action: '   ' },
    ]);
    const agenda = agendaFor(pair, 2, track, [], [...actions, { ...actions[0]!, text: 'old', done: true }]);
    expect(agenda.openActions.map((a) => a.text)).toEqual(['Try Copilot', 'Read the strategy']);
    expect(actionsVisibleTo(agenda.openActions, A).map((a) => a.text)).toEqual(['Try Copilot']);
    expect(actionsVisibleTo(agenda.openActions, B).map((a) => a.text)).toEqual(['Read the strategy']);
    expect(actionsVisibleTo([{ ...actions[1]!, sharedWithPair: true }], A).map((a) => a.text)).toEqual(['Read the strategy']);
  });

  it('refuses a session outside the series', () => {
    expect(() => agendaFor(pair, 0, track, [], [])).toThrow(/Session 0 is not in a series of 6/);
    expect(() => agendaFor(pair, 7, track, [], [])).toThrow(/not in a series/);
    expect(() => agendaFor(pair, 1.5, track, [], [])).toThrow(/not in a series/);
  });
});
