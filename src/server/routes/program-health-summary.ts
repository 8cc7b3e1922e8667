/**
 * Program health for the program team: sessions planned and held per week, feedback completion,
 * ratings in aggregate only (never under five people, never one person's), and pairs that need
 * attention with what to do about each. Pure: facts and `now` in, the summary out.
 */
import type { PairAtRisk, ProgramHealth, RiskReason } from '../../contracts/program-health.ts';
import { aggregateRatings, MIN_AGGREGATE_GROUP, type Feedback } from '../../core/feedback/index.ts';
import { reciprocityOf, RECENT_SESSIONS } from '../../core/feedback/reciprocity.ts';
import { aggregateThemes } from '../../core/feedback/themes-aggregate.ts';
import type { PairCheckIn } from './program-health-check-ins.ts';
import type { HealthFeedback, HealthPairSessions, ProgramHealthFacts } from './program-health-source.ts';

/** Most pairs listed as at risk; `atRisk.total` still counts them all. */
export const MAX_AT_RISK_LISTED = 50;
/** Cancelled or missed sessions of one pair that make it worth a look. */
const SESSIONS_FOR_CONCERN = 2;

const ACTIONS: Record<RiskReason, string> = {
  'no-meeting-booked': 'No common time was found or booking failed: book the pair again from Scheduling, or ask them to agree a time.',
  'not-scheduled': 'The pair has no meetings yet: schedule the cohort, or book this pair on its own.',
  'sessions-cancelled': 'Several sessions were cancelled: check in with both sides and offer a different regular time.',
  'missed-sessions': 'Sessions were missed: send both a neutral check-in (never say who missed) and offer a no-fault re-pair.',
  'no-feedback': 'No feedback after several sessions: remind the pair that feedback is private and takes a minute.',
  're-pair-requested': 'One side left the pair (no fault): run matching to find a new partner for whoever is left without one.',
  'check-in-sent': 'Both were sent a private check-in: follow up with each of them on their own, never saying who missed.',
};

/**
 * What to do after a check-in, from the answers given — worded for the pair, never for one of
 * them, so the action cannot be read as who asked for what. The most pressing answer wins.
 */
function checkInAction(checkIn: PairCheckIn): string {
  const gave = (choice: string) => checkIn.choices.includes(choice);
  const neutral = 'never say who missed or who asked.';
  if (gave('new-partner')) return `A new partner was asked for in the private check-in: offer both a no-fault re-pair (end the pair, then run matching) — ${neutral}`;
  if (gave('contact')) return `The program team was asked to get in touch: contact both sides, each on their own — ${neutral}`;
  if (gave('pause')) return `A break was asked for: suggest pausing until a date that suits both — ${neutral}`;
  if (gave('reschedule')) return `A better time was asked for: offer both a different regular time (book the pair again from Scheduling) — ${neutral}`;
  if (gave('keep')) return 'Both sides who answered want to keep their time: nothing to do unless the next session is missed too.';
  return `Both were sent a private check-in and nobody has answered yet: follow up with each of them on their own — ${neutral}`;
}

const DAY_MS = 86_400_000;
/**
 * A logged meeting's day is the logger's date, stored as that date's UTC midnight, while a booked
 * start is an instant. Zones run from UTC+14 to UTC−12, so the logger's date began up to 14 hours
 * before that UTC day and ends up to 12 hours after it.
 */
const DATE_STARTS_EARLIER_MS = 14 * 3_600_000;
const DATE_ENDS_LATER_MS = 12 * 3_600_000;

/**
 * Which session each answer is about. A booked session is its own. A logged session counts as
 * held — the pair did meet, which is what "held" tells the program team, and a pair that met
 * outside a booked time that did not suit them should not look idle — but it is the booked session
 * of that pair and day that someone said was held, when there is one: the same meeting, logged
 * from the message extension as well as answered on the feedback card. Otherwise it is the pair's
 * logged meeting of that day: each side logs under their own submission id, so both logging one
 * meeting is one session.
 */
function sessionKeys(answers: readonly HealthFeedback[]): (f: HealthFeedback) => string {
  const heldBooked = new Map<string, Array<{ readonly sessionId: string; readonly start: number }>>();
  for (const f of answers) {
    if (f.logged || f.happened !== 'held') continue;
    heldBooked.set(f.pairId, [...(heldBooked.get(f.pairId) ?? []), { sessionId: f.sessionId, start: f.sessionStart }]);
  }
  return (f) => {
    if (!f.logged) return f.sessionId;
    const day = f.sessionStart;
    const booked = heldBooked.get(f.pairId)?.find((s) => s.start >= day - DATE_STARTS_EARLIER_MS && s.start < day + DAY_MS + DATE_ENDS_LATER_MS);
    return booked?.sessionId ?? `logged:${f.pairId}:${new Date(day).toISOString().slice(0, 10)}`;
  };
}

/** One answer per person and session, the feedback card's before a log of the same meeting: a person rates a meeting once. */
function onePerAuthorAndSession(answers: readonly HealthFeedback[], keyOf: (f: HealthFeedback) => string): HealthFeedback[] {
  const kept = new Map<string, HealthFeedback>();
  for (const f of answers) {
    const key = `${keyOf(f)}|${f.authorId}`;
    const earlier = kept.get(key);
    if (earlier === undefined || (earlier.logged && !f.logged)) kept.set(key, f);
  }
  return [...kept.values()];
}

/** Monday-to-Sunday week numbers (UTC) → the Monday's date; a large program asks this per answer. */
const mondayNames = new Map<number, string>();
const mondayOf = (at: number): string => {
  // Epoch day 0 was a Thursday: days + 3 counts from a Monday.
  const week = Math.floor((Math.floor(at / DAY_MS) + 3) / 7);
  let name = mondayNames.get(week);
  if (name === undefined) {
    name = new Date((week * 7 - 3) * DAY_MS).toISOString().slice(0, 10);
    if (mondayNames.size > 10_000) mondayNames.clear();
    mondayNames.set(week, name);
  }
  return name;
};

function pairRisks(sessions: HealthPairSessions | undefined, feedback: readonly HealthFeedback[] | undefined, feedbackRecorded: boolean): RiskReason[] {
  const reasons: RiskReason[] = [];
  if (sessions === undefined) return ['not-scheduled'];
  const failed = sessions.bookingStates.some((s) => s === 'no_slot' || s === 'failed');
  if (failed && sessions.planned === 0) reasons.push('no-meeting-booked');
  if (sessions.cancelled >= SESSIONS_FOR_CONCERN) reasons.push('sessions-cancelled');
  if (feedbackRecorded) {
    const missed = new Set((feedback ?? []).filter((f) => f.happened === 'no-show').map((f) => f.sessionId));
    if (missed.size >= SESSIONS_FOR_CONCERN) reasons.push('missed-sessions');
    if (sessions.past >= SESSIONS_FOR_CONCERN && (feedback ?? []).length === 0) reasons.push('no-feedback');
  }
  return reasons;
}

/** The health of one program at `now`; `min` may raise the privacy minimum, never lower it. */
export function summariseProgramHealth(facts: ProgramHealthFacts, now: number, min = MIN_AGGREGATE_GROUP): ProgramHealth {
  const bar = Math.max(MIN_AGGREGATE_GROUP, min);
  const recorded = facts.feedback !== null;
  const answers = facts.feedback ?? [];
  const byPair = new Map<string, HealthFeedback[]>();
  for (const f of answers) byPair.set(f.pairId, [...(byPair.get(f.pairId) ?? []), f]);
  const sessionsOf = new Map(facts.sessions.map((s) => [s.pairId, s]));
  const nameOf = (id: string) => facts.names.get(id) ?? 'Someone who has left the program';

  // Held: a session counts once however many of its people said so.
  const keyOf = sessionKeys(answers);
  const heldSessions = new Map<string, number>();
  for (const f of answers) {
    if (f.happened !== 'held') continue;
    // A booked session's own start names its week, not the day a log of it gave.
    const key = keyOf(f);
    if (!f.logged || !heldSessions.has(key)) heldSessions.set(key, f.sessionStart);
  }
  const loggedSessions = [...heldSessions.keys()].filter((key) => key.startsWith('logged:')).length;
  const heldByWeek = new Map<string, number>();
  for (const start of heldSessions.values()) {
    const week = mondayOf(start);
    heldByWeek.set(week, (heldByWeek.get(week) ?? 0) + 1);
  }
  const weekNames = [...new Set([...facts.weeks.map((w) => w.week), ...heldByWeek.keys()])].sort();
  const plannedByWeek = new Map(facts.weeks.map((w) => [w.week, w.planned]));
  const weeks = weekNames.map((week) => ({ week, planned: plannedByWeek.get(week) ?? 0, held: heldByWeek.get(week) ?? 0 }));

  const running = facts.pairs.filter((p) => p.endedAt === null);
  let expected = 0;
  const expectedFrom = new Set<string>();
  for (const pair of facts.pairs) {
    const past = sessionsOf.get(pair.id)?.past ?? 0;
    expected += past * pair.memberIds.length;
    if (past > 0) for (const id of pair.memberIds) expectedFrom.add(id);
  }

  const hidden = (why: string) => ({ shown: false as const, reason: why });
  const tooFew = `Fewer than ${bar} people: hidden to protect privacy`;
  const notRecorded = 'Upward does not record session feedback yet';
  // Completion is of the planned sessions: answers on logged sessions were never expected, so
  // counting them would let a pair's own logs stand in for the feedback its booked sessions lack.
  const received = answers.filter((f) => !f.logged).length;
  const completion = !recorded
    ? hidden(notRecorded)
    : expectedFrom.size < bar
      ? hidden(tooFew)
      : { shown: true as const, expected, received, rate: expected === 0 ? 0 : Math.round((received / expected) * 1000) / 10 };
  const rated = onePerAuthorAndSession(answers, keyOf);
  const aggregate = recorded ? aggregateRatings(rated as unknown as Pick<Feedback, 'authorId' | 'rating' | 'happened'>[], bar) : null;
  const rating = !recorded ? hidden(notRecorded) : aggregate === null ? hidden(tooFew) : { shown: true as const, aggregate };
  // The same answers as the rating above, so the themes together are exactly the people it counts.
  const byTheme = aggregateThemes(rated.map((f) => ({ theme: f.theme, sessionKey: keyOf(f), authorId: f.authorId, happened: f.happened, rating: f.rating })), bar);
  const themes = !recorded ? hidden(notRecorded) : byTheme;
  // The same one answer per person and session; only sessions that were held say who learned.
  const directions = rated.filter((f) => f.happened === 'held').map((f) => ({ ...f, sessionKey: keyOf(f) }));
  const twoWay = recorded ? reciprocityOf(directions, bar) : null;
  const reciprocity = !recorded ? hidden(notRecorded) : twoWay === null ? hidden(tooFew) : { shown: true as const, figures: twoWay };

  const checkInOf = new Map(facts.checkIns.map((c) => [c.pairId, c]));
  const risky: PairAtRisk[] = [];
  for (const pair of facts.pairs) {
    let reasons: RiskReason[] = pair.endedAt === null ? pairRisks(sessionsOf.get(pair.id), byPair.get(pair.id), recorded) : pair.endReason === 'no_fault' ? ['re-pair-requested'] : [];
    const checkIn = pair.endedAt === null ? checkInOf.get(pair.id) : undefined;
    // The check-in says more than "sessions were missed", and its answers shape the action; a new
    // partner asked for in it makes it a re-pair request, as the tab's "Ask for a new partner" does.
    const fromCheckIn: RiskReason | undefined = checkIn === undefined ? undefined : checkIn.choices.includes('new-partner') ? 're-pair-requested' : 'check-in-sent';
    if (fromCheckIn !== undefined) reasons = [...reasons.filter((r) => r !== 'missed-sessions'), fromCheckIn];
    if (reasons.length === 0) continue;
    const actions = reasons.map((r) => (r === fromCheckIn ? checkInAction(checkIn!) : ACTIONS[r]));
    risky.push({
      pairId: pair.id,
      cycle: pair.cycle,
      people: pair.memberIds.map(nameOf),
      reasons,
      actions,
      ...(checkIn === undefined ? {} : { checkIn: { since: new Date(checkIn.since).toISOString(), answered: checkIn.answered, of: pair.memberIds.length } }),
    });
  }
  risky.sort((a, b) => b.reasons.length - a.reasons.length || a.pairId.localeCompare(b.pairId));

  const notes = [
    'Ratings and themes are shown in aggregate only, and not at all for fewer than five people; no free text is ever shown here.',
    'Planned sessions are those on the calendar and not cancelled, counted in the week (Monday, UTC) they start.',
  ];
  if (recorded) {
    notes.push(`Learning both ways is judged on each pair’s latest ${RECENT_SESSIONS} sessions with answers, from whether each person answered “what I learned” and “what I taught” — never from what they wrote.`);
    notes.push('A theme is the pair’s topic track and the session plan’s topic for that session, as on its agenda; themes rated by fewer than five people are shown only together as “Other themes”.');
    if (loggedSessions > 0) notes.push('Held sessions include sessions pairs logged themselves outside their booked series; those were never planned, so a week can show more held than planned.');
  }
  if (!recorded) notes.push('Held sessions, feedback completion, ratings and missing feedback need session feedback, which Upward does not record yet: they show 0 or nothing until it does.');
  return {
    programId: facts.programId,
    programName: facts.programName,
    minGroupSize: bar,
    totals: {
      enrolled: facts.enrolled,
      runningPairs: running.length,
      plannedSessions: facts.sessions.reduce((sum, s) => sum + s.planned, 0),
      pastSessions: facts.sessions.reduce((sum, s) => sum + s.past, 0),
      heldSessions: heldSessions.size,
      loggedSessions,
    },
    weeks,
    feedback: { recorded, completion, rating, themes, reciprocity },
    atRisk: { total: risky.length, pairs: risky.slice(0, MAX_AT_RISK_LISTED) },
    notes,
  };
}
