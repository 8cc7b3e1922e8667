/**
 * The planner times each agenda in the person's own hours after a daylight-saving change: from the
 * hours the enrolment kept on the person's clock, or — for an enrolment that kept only the UTC
 * week — by reading that week back with the offsets of the program's start it was written for.
 */
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { tenantId as toTenantId, userId } from '../../../src/core/ids.ts';
import { neverShownDoNotPairWith, type DirectoryProfile, type Enrolment } from '../../../src/core/programs/enrolment.ts';
import { programId } from '../../../src/core/programs/program.ts';
import { createProgram } from '../../../src/core/programs/program-settings.ts';
import { epochMs, ianaZone } from '../../../src/core/time.ts';
import type { DayOfWeek } from '../../../src/core/time/local-date.ts';
import { planBooking } from '../../../src/engagement/session-messages-job.ts';
import type { JobDefinition, JobQueue, SendOptions } from '../../../src/jobs/job-queue.ts';
import { weeklyWorkingMinutesUtc } from '../../../src/programs/working-week-utc.ts';
import { bookingRepository } from '../../../src/store/bookings.ts';
import { enrolmentRepository } from '../../../src/store/enrolments.ts';
import { programRepository } from '../../../src/store/programs.ts';
import { openTestStore, type TestStore } from '../../store/open-test-store.ts';
import { bookedSeries } from './loop-fixture.ts';

const weekdays: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const newYork = ianaZone('America/New_York');
const berlin = ianaZone('Europe/Berlin');
const TERM_START = '2026-01-05T00:00:00Z';
let testStore: TestStore;

beforeAll(async () => {
  testStore = await openTestStore('pglite');
});
afterAll(() => testStore?.cleanup());

const profile = (zone: typeof newYork, kept: 'own hours' | 'UTC week only'): DirectoryProfile => ({
  displayName: 'Someone',
  department: 'Sales',
  jobTitle: 'Role',
  managerChain: [],
  seniorityLevel: 17,
  timeZone: zone,
  weeklyWorkingMinutesUtc: weeklyWorkingMinutesUtc({ daysOfWeek: weekdays, startTime: '09:00', endTime: '17:00', timeZone: zone }, epochMs(Date.parse(TERM_START))),
  ...(kept === 'own hours' ? { workingHours: { daysOfWeek: weekdays, start: '09:00', end: '17:00', zone } } : {}),
});

it('plans agendas inside each person\'s hours after the clocks changed since the program started', async () => {
  const db = testStore.store.db;
  const tenant = toTenantId(randomUUID());
  const program = programId(randomUUID());
  const settings = { name: 'Winter start', topicTracks: ['GenAI tools'], cadence: 'weekly', sessionMinutes: 45, term: { start: TERM_START, end: '2026-12-31T00:00:00Z' } };
  await programRepository(db).insert(tenant, createProgram(settings, { id: program, tenantId: tenant }, epochMs(0)), userId('admin'));
  const junior = { userId: userId('junior-ny'), name: 'Jo' };
  const senior = { userId: userId('senior-berlin'), name: 'Kim' };
  const enrol = (who: typeof junior, role: 'mentor' | 'mentee', p: DirectoryProfile): Enrolment => ({
    tenantId: tenant, programId: program, userId: who.userId, role, profile: p, canTeach: ['GenAI tools'], wantsToLearn: ['GenAI tools'], goals: [], languages: ['English'],
    doNotPairWith: neverShownDoNotPairWith([]), pausedUntil: null, left: null, enrolledAt: epochMs(0),
  });
  // The junior enrolled before Upward kept own hours; the senior after.
  await enrolmentRepository(db).insert(tenant, enrol(junior, 'mentor', profile(newYork, 'UTC week only')));
  await enrolmentRepository(db).insert(tenant, enrol(senior, 'mentee', profile(berlin, 'own hours')));
  // Tuesday 10 March 2026 21:00 UTC: 17:00 EDT in New York (clocks moved on 8 March), 22:00 CET in Berlin.
  const booking = bookedSeries({ tenantId: tenant, programId: program, pairId: 'pair-dst', mentor: junior, mentee: senior, starts: [Date.UTC(2026, 2, 10, 21, 0)] });
  await bookingRepository(db).insertMany(tenant, [booking]);

  const jobs: { data: any; startAfter: number }[] = [];
  const queue: JobQueue = {
    async register() {},
    async send<T>(_definition: JobDefinition<T>, data: T, options: SendOptions) {
      jobs.push({ data, startAfter: options.startAfter?.getTime() ?? 0 });
      return { id: options.key, created: true };
    },
    async start() {},
    async stop() {},
  };
  const silent = pino({ level: 'silent' });
  await planBooking({ db, queue, sender: undefined as never, tabUrl: 'https://upward.test/tab/', log: silent, now: () => Date.UTC(2026, 2, 1) }, booking);
  const agendaAt = (who: string) => new Date(jobs.find((j) => j.data.kind === 'agenda' && j.data.userId === who)!.startAfter).toISOString();
  // Monday 16:30 EDT (the end margin of a 17:00 day), not 17:00 as the winter offset read in summer gave.
  expect(agendaAt('junior-ny')).toBe('2026-03-09T20:30:00.000Z');
  // Monday 16:30 CET.
  expect(agendaAt('senior-berlin')).toBe('2026-03-09T15:30:00.000Z');
});
