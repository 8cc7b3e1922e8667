/**
 * A pair in a program whose topic tracks have session plans, stored whole: the program, both
 * enrolments (the junior teaches GenAI tools, which the senior wants to learn) and a booked series.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { tenantId as toTenantId, userId, type TenantId } from '../../../src/core/ids.ts';
import { neverShownDoNotPairWith, type Enrolment } from '../../../src/core/programs/enrolment.ts';
import { programId, type ProgramId } from '../../../src/core/programs/program.ts';
import { createProgram } from '../../../src/core/programs/program-settings.ts';
import { epochMs, ianaZone } from '../../../src/core/time.ts';
import { bookingRepository, type BookingRecord } from '../../../src/store/bookings.ts';
import { enrolmentRepository } from '../../../src/store/enrolments.ts';
import { programRepository } from '../../../src/store/programs.ts';
import type { Database } from '../../../src/store/schema.ts';
import { bookedSeries } from './loop-fixture.ts';

export const GENAI_TOPICS = ['Prompting basics', 'Meeting notes with AI', 'Agents at work'] as const;
export const junior = { userId: userId('junior-1'), name: 'Ada Obi' };
export const senior = { userId: userId('senior-1'), name: 'Li Na Li' };

export interface PlannedPair {
  readonly tenant: TenantId;
  readonly program: ProgramId;
  readonly booking: BookingRecord;
}

const enrolment = (tenant: TenantId, program: ProgramId, who: typeof junior, role: 'mentor' | 'mentee'): Enrolment => ({
  tenantId: tenant,
  programId: program,
  userId: who.userId,
  role,
  profile: {
    displayName: who.name,
    department: 'Engineering',
    jobTitle: role === 'mentor' ? 'Engineer' : 'Director',
    managerChain: [],
    seniorityLevel: role === 'mentor' ? 16 : 19,
    timeZone: ianaZone('Europe/London'),
    weeklyWorkingMinutesUtc: [[540, 1020]],
  },
  canTeach: role === 'mentor' ? ['GenAI tools'] : ['Strategy'],
  wantsToLearn: role === 'mentor' ? ['Strategy'] : ['Social media', 'GenAI tools'],
  goals: [],
  languages: ['English'],
  doNotPairWith: neverShownDoNotPairWith([]),
  pausedUntil: null,
  left: null,
  enrolledAt: epochMs(0),
});

/** Stores the program (plans for GenAI tools and Strategy), both enrolments and a series with `starts`. */
export async function storePlannedPair(db: Kysely<Database>, starts: readonly number[]): Promise<PlannedPair> {
  const tenant = toTenantId(randomUUID());
  const program = programId(randomUUID());
  const settings = {
    name: 'Reverse Mentoring 2026',
    topicTracks: ['Strategy', 'GenAI tools', 'Social media'],
    trackPlans: [
      { track: 'GenAI tools', sessionTopics: [...GENAI_TOPICS] },
      { track: 'Strategy', sessionTopics: ['How a budget is made'] },
    ],
    cadence: 'weekly',
    sessionMinutes: 45,
    term: { start: '2026-01-01T00:00:00Z', end: '2027-12-31T00:00:00Z' },
  };
  await programRepository(db).insert(tenant, createProgram(settings, { id: program, tenantId: tenant }, epochMs(0)), userId('admin'));
  await enrolmentRepository(db).insert(tenant, enrolment(tenant, program, junior, 'mentor'));
  await enrolmentRepository(db).insert(tenant, enrolment(tenant, program, senior, 'mentee'));
  const booking = bookedSeries({ tenantId: tenant, programId: program, pairId: `pair-${randomUUID()}`, mentor: junior, mentee: senior, starts });
  await bookingRepository(db).insertMany(tenant, [booking]);
  return { tenant, program, booking };
}
