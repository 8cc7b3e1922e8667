/** Pairings, bookings and people for the mentoring-loop tests. */
import { randomUUID } from 'node:crypto';
import { type TenantId, type UserId } from '../../../src/core/ids.ts';
import { DAY_MS, epochMs, HOUR_MS } from '../../../src/core/time.ts';
import { programId as toProgramId } from '../../../src/core/programs/program.ts';
import { bookingId, type BookingRecord } from '../../../src/store/bookings.ts';
import { pairingId, type PairingRecord } from '../../../src/store/pairings.ts';

/** A pairing published just now and still running (first cycle, no co-mentor), as publishing stores it. */
export function runningPairing(spec: { tenantId: TenantId; id: string; programId: string; mentorId: UserId; menteeId: UserId }): PairingRecord {
  return {
    tenantId: spec.tenantId,
    id: pairingId(spec.id),
    programId: toProgramId(spec.programId),
    mentorId: spec.mentorId,
    menteeId: spec.menteeId,
    coMentorId: null,
    cycle: 1,
    score: 1,
    reasons: [],
    publishedAt: epochMs(Date.now()),
    endedAt: null,
    endReason: null,
    endedBy: null,
  };
}

export interface BookingSpec {
  readonly tenantId: TenantId;
  readonly programId: string;
  readonly pairId: string;
  readonly mentor: { userId: UserId; name: string };
  readonly mentee: { userId: UserId; name: string };
  /** Start of each session, ms. */
  readonly starts: readonly number[];
  readonly minutes?: number;
  readonly cycle?: number;
}

/** A booked series with the given session starts (the junior mentor organises it). */
export function bookedSeries(spec: BookingSpec): BookingRecord {
  const minutes = spec.minutes ?? 45;
  const now = epochMs(Date.now());
  return {
    tenantId: spec.tenantId,
    id: bookingId(randomUUID()),
    programId: spec.programId,
    pairId: spec.pairId,
    cycle: spec.cycle ?? 1,
    runId: null,
    position: 0,
    state: 'booked',
    organiser: { userId: spec.mentor.userId, mailbox: `${spec.mentor.userId}@example.test`, name: spec.mentor.name, role: 'mentor' },
    attendee: { userId: spec.mentee.userId, mailbox: `${spec.mentee.userId}@example.test`, name: spec.mentee.name, role: 'mentee' },
    settings: {
      cadence: 'weekly',
      durationMinutes: minutes as BookingRecord['settings']['durationMinutes'],
      term: { start: '2026-01-01', end: '2027-12-31' },
      programName: 'Reverse Mentoring 2026',
      agenda: [],
      subject: 'Reverse mentoring',
      bodyHtml: '',
    },
    plan: null,
    occurrences: spec.starts.map((start, index) => ({
      index,
      date: new Date(start).toISOString().slice(0, 10),
      originalStart: epochMs(start),
      start: epochMs(start),
      end: epochMs(start + minutes * 60_000),
      status: 'free' as const,
      segment: 0,
      conflict: null,
    })),
    series: [],
    transactionId: randomUUID(),
    eventId: 'event-1',
    joinUrl: 'https://teams.example.test/l/meetup-join/1',
    reasonCode: null,
    reason: null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Weekly starts: `past` sessions already over (the last ended an hour ago), then `future` ones. */
export function weeklyStarts(now: number, past: number, future: number): number[] {
  const lastPast = now - 2 * HOUR_MS;
  return Array.from({ length: past + future }, (_, i) => lastPast + (i - (past - 1)) * 7 * DAY_MS);
}
