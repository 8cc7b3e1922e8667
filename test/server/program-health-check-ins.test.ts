/**
 * Check-in flags in program health: which pairs were sent the private check-in after two missed
 * sessions in a row (the same rule the bot follows), and what the admin sees of the answers — a
 * count and a suggested action for the pair, never who answered what.
 */
import { describe, expect, it } from 'vitest';
import { missedStreaks } from '../../src/core/feedback/missed-streaks.ts';
import { withOutcomes } from '../../src/core/sessions/outcome.ts';
import { pairId, sessionId, type Session } from '../../src/core/sessions/session.ts';
import { epochMs } from '../../src/core/time.ts';
import { userId } from '../../src/core/ids.ts';
import { pairCheckIns, type CheckInReply, type SessionReport } from '../../src/server/routes/program-health-check-ins.ts';
import type { ProgramHealthFacts } from '../../src/server/routes/program-health-source.ts';
import { summariseProgramHealth } from '../../src/server/routes/program-health-summary.ts';

const WEEK = 7 * 86_400_000;
const T0 = Date.UTC(2026, 0, 5, 11);
const NOW = Date.UTC(2026, 3, 1);

const report = (pair: string, n: number, happened: SessionReport['happened'], who = 'a'): SessionReport & { who: string } => ({
  pairId: pair,
  sessionId: `${pair}-s${n}`,
  sessionEnd: T0 + n * WEEK,
  happened,
  who,
});

describe('pairCheckIns', () => {
  it('finds two missed sessions in a row with the key the bot sends the check-in under', () => {
    const reports = [report('p1', 0, 'held'), report('p1', 1, 'no-show'), report('p1', 2, 'no-show', 'b'), report('p2', 0, 'no-show'), report('p2', 1, 'held'), report('p2', 2, 'no-show')];
    // The bot's own rule over the same sessions (src/engagement plans check-ins from it).
    const sessions: Session[] = reports.map((r) => ({ id: sessionId(r.sessionId), pairId: pairId(r.pairId), index: 0, start: epochMs(r.sessionEnd), end: epochMs(r.sessionEnd), people: [userId('a'), userId('b')] }));
    const botKeys = missedStreaks(withOutcomes(sessions, reports.map((r) => ({ sessionId: sessionId(r.sessionId), happened: r.happened })))).map((s) => s.key);
    expect(botKeys).toEqual(['missed-streak:p1:p1-s2']);
    expect(pairCheckIns(reports, [])).toEqual([{ pairId: 'p1', streakKey: 'missed-streak:p1:p1-s2', since: T0 + 2 * WEEK, answered: 0, choices: [] }]);
  });

  it('believes a held over a no-show for the same session, as the bot does', () => {
    expect(pairCheckIns([report('p1', 0, 'no-show'), report('p1', 1, 'no-show'), report('p1', 1, 'held', 'b')], [])).toEqual([]);
  });

  it('counts who answered the latest check-in and which answers were given, each once', () => {
    const reports = [0, 1, 2, 3, 4].map((n) => report('p1', n, n === 2 ? 'held' : 'no-show'));
    const replies: CheckInReply[] = [
      { pairId: 'p1', streakKey: 'missed-streak:p1:p1-s1', userId: 'a', choice: 'pause' },
      { pairId: 'p1', streakKey: 'missed-streak:p1:p1-s4', userId: 'a', choice: 'contact' },
      { pairId: 'p1', streakKey: 'missed-streak:p1:p1-s4', userId: 'B', choice: 'contact' },
    ];
    expect(pairCheckIns(reports, replies)).toEqual([{ pairId: 'p1', streakKey: 'missed-streak:p1:p1-s4', since: T0 + 4 * WEEK, answered: 2, choices: ['contact'] }]);
  });
});

describe('check-ins in the pairs at risk', () => {
  const facts = (checkIns: ProgramHealthFacts['checkIns']): ProgramHealthFacts => ({
    programId: 'prog',
    programName: 'Pilot',
    enrolled: 4,
    pairs: [
      { id: 'p1', cycle: 1, memberIds: ['m1', 's1'], endedAt: null, endReason: null },
      { id: 'p2', cycle: 1, memberIds: ['m2', 's2'], endedAt: null, endReason: null },
    ],
    sessions: ['p1', 'p2'].map((id) => ({ pairId: id, bookingStates: ['booked'], planned: 6, past: 4, cancelled: 0 })),
    weeks: [],
    names: new Map([['m1', 'Ana'], ['s1', 'Bo'], ['m2', 'Cy'], ['s2', 'Di']]),
    feedback: null,
    checkIns,
  });
  const checkIn = (choices: string[], answered = choices.length) => ({ pairId: 'p1', streakKey: 'missed-streak:p1:x', since: T0, answered, choices });

  it('flags the pair with when, how many of the two answered, and a neutral action', () => {
    const health = summariseProgramHealth(facts([checkIn([])]), NOW);
    expect(health.atRisk.pairs).toEqual([
      {
        pairId: 'p1',
        cycle: 1,
        people: ['Ana', 'Bo'],
        reasons: ['check-in-sent'],
        actions: [expect.stringMatching(/nobody has answered yet: follow up with each of them on their own — never say who missed/)],
        checkIn: { since: new Date(T0).toISOString(), answered: 0, of: 2 },
      },
    ]);
  });

  it('turns the answers into one action for the pair, the most pressing first, and a new partner into a re-pair', () => {
    const actionFor = (choices: string[]) => summariseProgramHealth(facts([checkIn(choices)]), NOW).atRisk.pairs[0]!;
    expect(actionFor(['keep']).actions[0]).toMatch(/want to keep their time/);
    expect(actionFor(['keep', 'reschedule']).actions[0]).toMatch(/A better time was asked for/);
    expect(actionFor(['pause', 'reschedule']).actions[0]).toMatch(/A break was asked for/);
    expect(actionFor(['contact', 'pause']).actions[0]).toMatch(/asked to get in touch: contact both sides/);
    const repair = actionFor(['keep', 'new-partner']);
    expect(repair.reasons).toEqual(['re-pair-requested']);
    expect(repair.actions[0]).toMatch(/offer both a no-fault re-pair/);
  });

  it('never says which person gave which answer', () => {
    const health = summariseProgramHealth(facts([checkIn(['new-partner', 'keep'])]), NOW);
    const text = JSON.stringify(health);
    for (const raw of ['"new-partner"', '"keep"', '"choices"', 'streak']) expect(text).not.toContain(raw);
    for (const name of ['Ana', 'Bo']) expect(health.atRisk.pairs[0]!.actions.join(' ')).not.toContain(name);
  });
});
