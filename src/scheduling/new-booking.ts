import type { TenantId } from '../core/ids.ts';
import type { EpochMs } from '../core/time.ts';
import { bookingId, type BookingRecord } from '../store/bookings.ts';
import { bookingIdOf, seriesTransactionId } from './deterministic-id.ts';
import type { PairPeople } from './people.ts';
import type { ScheduleSettings } from './requests.ts';

/** A pair's booking before planning: ids fixed (so every retry uses the same transaction id), nothing planned. */
export function newBooking(input: {
  readonly tenantId: TenantId;
  readonly programId: string;
  readonly cycle: number;
  readonly pairId: string;
  readonly runId: string | null;
  readonly position: number;
  readonly people: PairPeople;
  readonly settings: ScheduleSettings;
  readonly now: EpochMs;
}): BookingRecord {
  const { organiser, attendee } = input.people;
  const mentor = organiser.role === 'mentor' ? organiser : attendee;
  const mentee = organiser.role === 'mentee' ? organiser : attendee;
  return {
    tenantId: input.tenantId,
    id: bookingId(bookingIdOf(input.tenantId, input.programId, input.pairId, input.cycle)),
    programId: input.programId,
    pairId: input.pairId,
    cycle: input.cycle,
    runId: input.runId,
    position: input.position,
    state: 'pending',
    organiser,
    attendee,
    settings: {
      cadence: input.settings.cadence,
      durationMinutes: input.settings.durationMinutes,
      term: input.settings.term,
      programName: input.settings.programName,
      agenda: input.settings.agenda,
      subject: `${input.settings.programName}: ${mentor.name} & ${mentee.name}`,
      bodyHtml: '',
    },
    plan: null,
    occurrences: [],
    series: [],
    transactionId: seriesTransactionId(input.tenantId, input.programId, input.pairId, input.cycle),
    eventId: null,
    joinUrl: null,
    reasonCode: null,
    reason: null,
    version: 1,
    createdAt: input.now,
    updatedAt: input.now,
  };
}
