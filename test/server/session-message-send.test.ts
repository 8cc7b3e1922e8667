/**
 * `POST /api/programs/:programId/pairings/:pairId/sessions/:index/send`: a program's admins (owner
 * and co-admin) send a session's agenda, feedback card or reminder now, through the timed job's
 * sender and message key, so the development tenant's Bot Connector records one delivery however
 * often it is asked and the timed job sends nothing after it. Another admin's program is a 404,
 * a participant a 403, a bad kind a 400 naming the field; a cancelled session, someone outside the
 * pair and a reminder to someone who answered are 409s; nothing is sent for any of them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordFeedback } from '../../src/core/feedback/record.ts';
import { tenantId as toTenantId, userId as toUserId } from '../../src/core/ids.ts';
import { DAY_MS, epochMs, HOUR_MS } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { sessionsOfBooking } from '../../src/engagement/booking-sessions.ts';
import { messageKey, sendSessionMessage, type SessionMessageDeps } from '../../src/engagement/session-messages-job.ts';
import type { JobQueue } from '../../src/jobs/job-queue.ts';
import { bookingRepository, type BookingRecord } from '../../src/store/bookings.ts';
import { feedbackRepository } from '../../src/store/feedback.ts';
import { sentMessageRepository } from '../../src/store/sent-messages.ts';
import { pairsPublished, pickCohort, publishProgram, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { bookedSeries } from '../teams/loop/loop-fixture.ts';

let fx: AppFixture;
let owner: DevPerson;
let coAdmin: DevPerson;
let otherAdmin: DevPerson;
let programId: string;
let otherProgramId: string;
/** Two published pairs: [mentor, mentee, pairing id]. */
let pairs: { mentor: DevPerson; mentee: DevPerson; pairId: string }[];
/** The first pair's series: two sessions over, two to come. */
let booking: BookingRecord;
const now = Date.now();

const received = (person: DevPerson, summary: RegExp) =>
  fx.app.devTenant!.teams.received({ userId: person.id }).flatMap((p) => p.activities).filter((a) => summary.test(a.summary ?? ''));
const sendPath = (pairId: string, index: number | string, program = programId) => `/programs/${program}/pairings/${pairId}/sessions/${index}/send`;

async function waitFor(what: string, probe: () => boolean, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function seriesFor(pair: { mentor: DevPerson; mentee: DevPerson; pairId: string }, starts: number[], cancelled: number[] = []): BookingRecord {
  const series = bookedSeries({
    tenantId: toTenantId(fx.tenantId),
    programId,
    pairId: pair.pairId,
    mentor: { userId: toUserId(pair.mentor.id.toLowerCase()), name: pair.mentor.displayName },
    mentee: { userId: toUserId(pair.mentee.id.toLowerCase()), name: pair.mentee.displayName },
    starts,
  });
  return { ...series, occurrences: series.occurrences.map((o) => (cancelled.includes(o.index) ? { ...o, status: 'cancelled' as const } : o)) };
}

beforeAll(async () => {
  fx = await startAppFixture();
  [owner, coAdmin, otherAdmin] = fx.admins() as [DevPerson, DevPerson, DevPerson];
  const { seniors, juniors } = pickCohort(fx.people(), 2);
  ({ id: programId } = await publishProgram(fx, owner, { ...PROGRAM, name: 'Send it now' }, { mentees: seniors, mentors: juniors.slice(0, 2) }));
  const other = await fx.call(otherAdmin, 'POST', '/programs', { ...PROGRAM, name: 'Another admin\'s program' });
  otherProgramId = other.body.program.id;
  expect((await fx.call(owner, 'POST', `/programs/${programId}/admins`, { user: coAdmin.userPrincipalName })).status).toBe(201);

  const event = pairsPublished(fx, programId);
  const person = (id: string) => fx.people().find((p) => p.id.toLowerCase() === id)!;
  pairs = event.pairs.map((p) => ({ mentor: person(p.mentorId), mentee: person(p.menteeId), pairId: p.pairingId }));
  // Publishing installs Upward for everyone and introduces them: their conversations are stored then.
  for (const pair of pairs) {
    for (const who of [pair.mentor, pair.mentee]) await waitFor(`${who.displayName}'s introduction`, () => received(who, /^Meet your partner/).length > 0);
  }
  booking = seriesFor(pairs[0]!, [now - 15 * DAY_MS, now - 8 * DAY_MS, now + 6 * DAY_MS, now + 13 * DAY_MS]);
  await bookingRepository(fx.app.store.db).insertMany(booking.tenantId, [booking]);
}, 180_000);

afterAll(() => fx?.close());

describe('send a session message now', () => {
  it('lets the owner send the agenda of an upcoming session to both, once however often it is asked, and the timed job then sends nothing', async () => {
    const { mentor, mentee, pairId } = pairs[0]!;
    const first = await fx.call(owner, 'POST', sendPath(pairId, 3), { kind: 'agenda' });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(first.body.status).toBe('sent');
    expect(first.body.session).toMatchObject({ number: 3, count: 4, start: new Date(booking.occurrences[2]!.start).toISOString() });
    expect(first.body.people.map((p: any) => p.status)).toEqual(['sent', 'sent']);

    const again = await fx.call(owner, 'POST', sendPath(pairId, 3), { kind: 'agenda' });
    expect(again.status).toBe(200);
    expect(again.body.status).toBe('already-sent');

    // The timed job, run when the agenda is due (as the queue would), finds it sent.
    const session = sessionsOfBooking(booking)[2]!;
    const deps: SessionMessageDeps = { db: fx.app.store.db, queue: {} as JobQueue, sender: fx.app.proactive.sender, tabUrl: `${fx.app.url}/tab/`, log: fx.app.log, now: () => session.start - HOUR_MS };
    for (const who of [mentor, mentee]) {
      const userId = toUserId(who.id.toLowerCase());
      const key = messageKey('agenda', session.id, userId);
      await sendSessionMessage(deps, booking.tenantId, { kind: 'agenda', bookingId: booking.id, sessionId: session.id, start: session.start, userId, key });
    }
    await fx.app.devTenant!.teams.idle();
    for (const who of [mentor, mentee]) {
      const agendas = received(who, /^Agenda for session 3$/);
      expect(agendas).toHaveLength(1);
      expect(JSON.stringify(agendas[0]!.attachments)).toContain('Session 3 of 4');
    }
  });

  it('delivers once when two admins ask at the same moment', async () => {
    const { mentor, mentee, pairId } = pairs[0]!;
    const answers = await Promise.all([
      fx.call(owner, 'POST', sendPath(pairId, 4), { kind: 'agenda' }),
      fx.call(coAdmin, 'POST', sendPath(pairId, 4), { kind: 'agenda' }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    // Each person's agenda is delivered by exactly one of the two requests (the two may split the
    // pair between them); the other request found it recorded, or still being sent.
    for (const who of [mentor, mentee]) {
      const statuses = answers.map((a) => a.body.people.find((p: any) => p.userId.toLowerCase() === who.id.toLowerCase())?.status).sort();
      expect(statuses.filter((s) => s === 'sent'), who.id).toHaveLength(1);
      expect(statuses.filter((s) => s === 'already-sent' || s === 'in-progress'), who.id).toHaveLength(1);
    }
    await fx.app.devTenant!.teams.idle();
    for (const who of [mentor, mentee]) expect(received(who, /^Agenda for session 4$/)).toHaveLength(1);
  });

  it('answers in-progress, not already-sent, while another sender holds the message, and sends it once that sender gave it up', async () => {
    const { mentor, pairId } = pairs[0]!;
    const userId = toUserId(mentor.id.toLowerCase());
    const key = messageKey('feedback', sessionsOfBooking(booking)[2]!.id, userId);
    const sent = sentMessageRepository(fx.app.store.db);
    // As the timed feedback request does while its send is on the way.
    const claim = await sent.claim(booking.tenantId, key, userId, 10 * 60_000);
    if (!claim.claimed) throw new Error('the agenda was claimed already');
    const busy = await fx.call(owner, 'POST', sendPath(pairId, 3), { kind: 'feedback', user: mentor.id });
    expect(busy.status, JSON.stringify(busy.body)).toBe(200);
    expect(busy.body.status).toBe('in-progress');
    expect(busy.body.people).toEqual([expect.objectContaining({ status: 'in-progress', message: expect.stringContaining('right now') })]);
    await fx.app.devTenant!.teams.idle();
    expect(received(mentor, /^How did session 3 go\?$/)).toHaveLength(0);

    // That sender failed and let go: asking again sends it.
    await sent.release(booking.tenantId, key, userId, claim.claimId);
    const again = await fx.call(owner, 'POST', sendPath(pairId, 3), { kind: 'feedback', user: mentor.id });
    expect(again.body.status).toBe('sent');
    await fx.app.devTenant!.teams.idle();
    expect(received(mentor, /^How did session 3 go\?$/)).toHaveLength(1);
  });

  it('lets a co-admin send the feedback card of a session that has not started yet, saying to answer once they have met', async () => {
    const { mentee, pairId } = pairs[0]!;
    const answer = await fx.call(coAdmin, 'POST', sendPath(pairId, 4), { kind: 'feedback', user: mentee.id });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    expect(answer.body.people).toEqual([{ userId: mentee.id.toLowerCase(), name: mentee.displayName, status: 'sent' }]);
    const cards = received(mentee, /^How did session 4 go\?$/);
    expect(cards).toHaveLength(1);
    const text = JSON.stringify(cards[0]!.attachments);
    expect(text).toContain('How did session 4 of 4 go?');
    expect(text).toContain('answer once you have met');
    expect(received(pairs[0]!.mentor, /^How did session 4 go\?$/)).toHaveLength(0);
  });

  it('refuses a reminder to someone who already answered (409) and reminds only the other one', async () => {
    const { mentor, mentee, pairId } = pairs[0]!;
    const [, session, next] = sessionsOfBooking(booking) as [unknown, ReturnType<typeof sessionsOfBooking>[number], ReturnType<typeof sessionsOfBooking>[number]];
    const outcome = recordFeedback(undefined, { sessionId: session.id, pairId: session.pairId, authorId: toUserId(mentor.id.toLowerCase()), sessionEnd: session.end }, {
      happened: 'held', rating: 4, learned: '', taught: '', action: '', privateNote: '', shareWithPartner: false,
    }, next.start, epochMs(Date.now()));
    await feedbackRepository(fx.app.store.db).insert(booking.tenantId, outcome.feedback!);

    const refused = await fx.call(owner, 'POST', sendPath(pairId, 2), { kind: 'feedback-reminder', user: mentor.id });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain(`${mentor.displayName} has already given feedback on session 2`);
    expect(received(mentor, /^Two minutes of feedback/)).toHaveLength(0);

    const both = await fx.call(owner, 'POST', sendPath(pairId, 2), { kind: 'feedback-reminder' });
    expect(both.status).toBe(200);
    expect(both.body.people.map((p: any) => [p.name, p.status, p.reason ?? null])).toEqual([
      [mentor.displayName, 'not-sent', 'answered'],
      [mentee.displayName, 'sent', null],
    ]);
    expect(received(mentee, /^Two minutes of feedback on session 2\?$/)).toHaveLength(1);
    expect(received(mentor, /^Two minutes of feedback/)).toHaveLength(0);
  });

  it('refuses a cancelled session and someone outside the pair with 409, sending nothing', async () => {
    const pair = pairs[1]!;
    const series = seriesFor(pair, [now + 2 * DAY_MS, now + 9 * DAY_MS], [0]);
    await bookingRepository(fx.app.store.db).insertMany(series.tenantId, [series]);
    const cancelled = await fx.call(owner, 'POST', sendPath(pair.pairId, 1), { kind: 'agenda' });
    expect(cancelled.status).toBe(409);
    expect(cancelled.body.error.message).toContain('cancelled');
    const stranger = await fx.call(owner, 'POST', sendPath(pair.pairId, 2), { kind: 'agenda', user: pairs[0]!.mentor.userPrincipalName });
    expect(stranger.status).toBe(409);
    expect(stranger.body.error.message).toContain('is not in this pair');
    for (const who of [pair.mentor, pair.mentee, pairs[0]!.mentor]) expect(received(who, /^Agenda for session [12]$/)).toHaveLength(0);
  });

  it('answers an admin of another program 404, a participant 403, a bad kind or index 400 naming the field, and unknown pairs and sessions 404', async () => {
    const { mentor, mentee, pairId } = pairs[0]!;
    const before = received(mentor, /./).length + received(mentee, /./).length;
    const notTheirs = await fx.call(otherAdmin, 'POST', sendPath(pairId, 1), { kind: 'agenda' });
    expect(notTheirs.status).toBe(404);
    // Their own program does not open another program's pair either.
    expect((await fx.call(otherAdmin, 'POST', sendPath(pairId, 1, otherProgramId), { kind: 'agenda' })).status).toBe(404);
    expect((await fx.call(mentor, 'POST', sendPath(pairId, 1), { kind: 'agenda' })).status).toBe(403);

    const badKind = await fx.call(owner, 'POST', sendPath(pairId, 1), { kind: 'agendas' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.fields.map((f: any) => f.field)).toEqual(['kind']);
    expect(badKind.body.error.fields[0].message).toContain('agenda, feedback, feedback-reminder');
    const noKind = await fx.call(owner, 'POST', sendPath(pairId, 1), {});
    expect(noKind.body.error.fields.map((f: any) => f.field)).toEqual(['kind']);
    const badIndex = await fx.call(owner, 'POST', sendPath(pairId, 0), { kind: 'agenda' });
    expect(badIndex.status).toBe(400);
    expect(badIndex.body.error.fields.map((f: any) => f.field)).toEqual(['index']);

    expect((await fx.call(owner, 'POST', sendPath('no-such-pair', 1), { kind: 'agenda' })).status).toBe(404);
    const noSession = await fx.call(owner, 'POST', sendPath(pairId, 9), { kind: 'agenda' });
    expect(noSession.status).toBe(404);
    expect(noSession.body.error.message).toContain('sessions 1 to 4');

    await fx.app.devTenant!.teams.idle();
    expect(received(mentor, /./).length + received(mentee, /./).length).toBe(before);
  });
});
