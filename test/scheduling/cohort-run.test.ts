import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingRepository } from '../../src/store/bookings.ts';
import { termWindow } from '../../src/scheduling/read-calendars.ts';
import { readBack } from './read-back.ts';
import { adminActor, NOW, pairsFrom, openSchedulingHarness, TENANT, TERM, type SchedulingHarness } from './scheduling-fixture.ts';

/**
 * The cohort run against the development tenant, read back through Graph: the calendars, not
 * Upward's own records, prove what was booked.
 */
let h: SchedulingHarness;
beforeAll(async () => {
  h = await openSchedulingHarness();
});
afterAll(() => h?.close());

const settings = { cadence: 'biweekly', durationMinutes: 45, term: TERM, programName: 'Reverse mentoring', agenda: ['GenAI tools: what changed this month'] } as const;
const person = (id: string) => h.fx.dev.tenant.directory.find(TENANT, id)!;

describe('booking a cohort', () => {
  it('books one series per pair, inside both working weeks, clashing with nothing either person has', async () => {
    const pairs = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 12);
    expect(pairs).toHaveLength(12);
    const start = await h.service.startCohort(TENANT, adminActor, { programId: 'cohort-a', settings, pairs });
    expect(start).toMatchObject({ created: true, total: 12 });
    expect((await h.service.runStatus(TENANT, adminActor, start.runId)).status).toBe('queued');

    const progress = await h.service.runCohort(TENANT, start.runId);
    expect(progress).toMatchObject({ status: 'done', phase: 'done', total: 12, done: 12, percent: 100, inProgress: 0 });
    expect(progress.booked + progress.noSlot + progress.failed).toBe(12);
    expect(progress.booked).toBeGreaterThanOrEqual(10);

    const results = await h.service.runPairs(TENANT, adminActor, start.runId);
    const stored = await bookingRepository(h.db.store.db).listForRun(TENANT, start.runId);
    const window = termWindow(TERM, NOW);
    for (const result of results.filter((r) => r.result !== 'no_slot')) {
      const booking = stored.find((b) => b.id === result.bookingId)!;
      const view = await h.service.showBooking(TENANT, adminActor, result.bookingId);
      // The senior mentee organises by default: the junior never writes into the senior's calendar.
      expect(view.organiser.role).toBe('mentee');
      const back = await readBack(h.fx.client, view, person(booking.organiser.userId), person(booking.attendee.userId), booking.transactionId, window);
      expect(back.organiserSeries, result.pairId).toBe(1);
      expect(back.attendeeSeries, result.pairId).toBe(1);
      expect(back.outsideHours, result.pairId).toEqual([]);
      expect(back.overlaps, result.pairId).toEqual([]);
      expect(back.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
      expect(back.body).toContain('GenAI tools: what changed this month');
      // What the calendar holds is what Upward stored and shows.
      const held = view.sessions.filter((s) => s.status === 'free' || s.status === 'moved').map((s) => Date.parse(s.start));
      expect(back.sessions.map((s) => s.start)).toEqual(held.sort((a, b) => a - b));
      expect(view.explanation).toMatch(/Every other \w+day at \d\d:\d\d/);
    }
  }, 120_000); // twelve pairs booked and read back through Graph: a safety bound on a loaded machine, not a speed target

  it('starting the same program cycle again returns the first run and books nothing new', async () => {
    const pairs = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 2, 20);
    const first = await h.service.startCohort(TENANT, adminActor, { programId: 'cohort-b', settings, pairs });
    const again = await h.service.startCohort(TENANT, adminActor, { programId: 'cohort-b', settings, pairs });
    expect(again).toEqual({ runId: first.runId, created: false, total: 2, skippedPairs: [] });
    await h.service.runCohort(TENANT, first.runId);
    const before = h.fx.sent.requests;
    const rerun = await h.service.runCohort(TENANT, first.runId);
    expect(rerun.status).toBe('done');
    expect(h.fx.sent.requests).toBe(before);
  });

  it('resumes after a crash between Graph creating the series and Upward storing it, without a second series', async () => {
    const pairs = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 5, 30);
    const start = await h.service.startCohort(TENANT, adminActor, { programId: 'cohort-c', settings, pairs });
    await expect(
      h.service.runCohort(TENANT, start.runId, {
        beforeStore: (phase) => {
          if (phase === 'booking') throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    const crashed = await h.service.runStatus(TENANT, adminActor, start.runId);
    expect(crashed).toMatchObject({ status: 'failed', done: 0, error: 'simulated crash' });
    const planned = await bookingRepository(h.db.store.db).listForRun(TENANT, start.runId);
    expect(planned.every((b) => b.state === 'planned' || b.state === 'no_slot')).toBe(true);

    const resumed = await h.service.runCohort(TENANT, start.runId);
    expect(resumed).toMatchObject({ status: 'done', done: 5, attempts: 2 });
    const after = await bookingRepository(h.db.store.db).listForRun(TENANT, start.runId);
    for (const b of after.filter((x) => x.state === 'booked')) {
      // The resumed run booked the plan stored before the crash, not a new one.
      expect(b.occurrences.map((o) => o.originalStart)).toEqual(planned.find((p) => p.id === b.id)!.occurrences.map((o) => o.originalStart));
      const view = await h.service.showBooking(TENANT, adminActor, b.id);
      const back = await readBack(h.fx.client, view, person(b.organiser.userId), person(b.attendee.userId), b.transactionId, termWindow(TERM, NOW));
      expect(back.organiserSeries).toBe(1);
      expect(back.attendeeSeries).toBe(1);
      expect(back.overlaps).toEqual([]);
    }
  });

  it('resumes after a crash while moving clashing sessions, applying them once and booking every pair', async () => {
    // Pairs 15–17: pair 15 has a session that clashes on the day (a conflict the tenant had booked by NOW).
    const pairs = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 3, 14);
    const start = await h.service.startCohort(TENANT, adminActor, { programId: 'cohort-e', settings, pairs });
    await expect(
      h.service.runCohort(TENANT, start.runId, {
        beforeStore: (phase) => {
          if (phase === 'moving') throw new Error('crash while moving');
        },
      }),
    ).rejects.toThrow('crash while moving');
    const halfway = await bookingRepository(h.db.store.db).listForRun(TENANT, start.runId);
    expect(halfway.filter((b) => b.state === 'created').length).toBeGreaterThan(0);
    const resumed = await h.service.runCohort(TENANT, start.runId);
    expect(resumed).toMatchObject({ status: 'done', done: 3, inProgress: 0 });
    for (const b of await bookingRepository(h.db.store.db).listForRun(TENANT, start.runId)) {
      if (b.state !== 'booked') continue;
      const view = await h.service.showBooking(TENANT, adminActor, b.id);
      const back = await readBack(h.fx.client, view, person(b.organiser.userId), person(b.attendee.userId), b.transactionId, termWindow(TERM, NOW));
      expect(back).toMatchObject({ organiserSeries: 1, attendeeSeries: 1, overlaps: [], outsideHours: [] });
      const held = view.sessions.filter((x) => x.status === 'free' || x.status === 'moved').map((x) => Date.parse(x.start));
      expect(back.sessions.map((x) => x.start)).toEqual(held.sort((x, y) => x - y));
    }
  });

  it('lets the mentor organise when the program says so', async () => {
    const pairs = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, 40);
    const start = await h.service.startCohort(TENANT, adminActor, { programId: 'cohort-d', settings: { ...settings, organiser: 'mentor' }, pairs });
    await h.service.runCohort(TENANT, start.runId);
    const [result] = await h.service.runPairs(TENANT, adminActor, start.runId);
    const view = await h.service.showBooking(TENANT, adminActor, result!.bookingId);
    expect(view.organiser).toMatchObject({ role: 'mentor', mailbox: pairs[0]!.mentor.mailbox.toLowerCase() });
  });
});

describe('bad cohort input', () => {
  it('names every problem and stores nothing', async () => {
    const pairs = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, 50);
    const error = await h.service
      .startCohort(TENANT, adminActor, { programId: 'bad-1', settings: { cadence: 'daily', durationMinutes: 90, term: { start: '2027-03-02', end: '2027-03-02' } }, pairs })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'bad_input' });
    const fields = (error as { fields: { field: string; message: string }[] }).fields;
    expect(fields.map((f) => f.field)).toEqual(expect.arrayContaining(['settings.cadence', 'settings.durationMinutes', 'settings.term.end']));
    expect((error as Error).message).toContain('the term must end after it starts');
    expect(await h.service.listRuns(TENANT, adminActor, 'bad-1')).toEqual([]);
  });

  it('refuses an unknown person by id before booking anyone', async () => {
    const [pair] = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, 51);
    const ghost = { pairId: 'ghost-pair', mentor: { userId: '00000000-0000-4000-8000-00000000dead' }, mentee: pair!.mentee };
    await expect(h.service.startCohort(TENANT, adminActor, { programId: 'bad-2', settings, pairs: [pair, ghost] })).rejects.toThrow(
      /Unknown person: no one in the directory has the id 00000000-0000-4000-8000-00000000dead/,
    );
    expect(await h.service.listRuns(TENANT, adminActor, 'bad-2')).toEqual([]);
  });

  it('keeps program admin work for program admins', async () => {
    const pairs = pairsFrom(h.fx.dev.tenant.directory.people(TENANT), 1, 52);
    await expect(h.service.startCohort(TENANT, { ...adminActor, isAdmin: false }, { programId: 'x', settings, pairs })).rejects.toMatchObject({ code: 'forbidden' });
  });
});
