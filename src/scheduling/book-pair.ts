import { badInput } from '../core/errors.ts';
import type { TenantId } from '../core/ids.ts';
import { bookingRepository, type BookingRecord } from '../store/bookings.ts';
import { advanceBooking } from './advance-booking.ts';
import { seriesTransactionId } from './deterministic-id.ts';
import { bookingView, type BookingView } from './booking-view.ts';
import type { SchedulingDeps } from './deps.ts';
import { newBooking } from './new-booking.ts';
import { resolvePairPeople } from './people.ts';
import { planBookings } from './plan-bookings.ts';
import { readCalendars, termWindow } from './read-calendars.ts';
import { pairRequestSchema, parseRequest, type PairRequest } from './requests.ts';
import { saveBookings } from './save-bookings.ts';

/**
 * Plans one pair without booking anything: reads both calendars (one getSchedule request for a
 * term under 62 days) and returns what would be booked, or why nothing can be.
 * @throws UpwardError `bad_input` naming the problem (unknown person, unknown zone, a session
 *   longer than someone's working day, a term with no length, …).
 */
export async function previewPair(deps: SchedulingDeps, tenantId: TenantId, input: unknown): Promise<BookingView> {
  const request = parseRequest(pairRequestSchema, input, 'booking request');
  const planned = await planOne(deps, tenantId, request, undefined);
  return bookingView(planned);
}

/**
 * Plans and books one pair now: one recurring Teams meeting in the organiser's calendar with the
 * partner invited, clashing sessions moved one by one. Idempotent per (program, pair, cycle): a
 * booked pair is returned as it is, and a booking interrupted half-way is finished, never doubled.
 * Bad input is refused before anything is stored or sent to Graph; a pair with no shared free
 * time is stored as `no_slot` with the reason.
 */
export async function bookPair(deps: SchedulingDeps, tenantId: TenantId, input: unknown): Promise<BookingView> {
  const request = parseRequest(pairRequestSchema, input, 'booking request');
  const repo = bookingRepository(deps.db);
  const existing = await repo.getByPair(tenantId, request.programId, request.pair.pairId, request.cycle);
  if (existing?.state === 'booked') return bookingView(existing);
  const ctx = deps.graphFor(tenantId);
  if (existing?.state === 'planned' || existing?.state === 'created') return bookingView(await advanceBooking(deps, ctx, tenantId, existing));

  const planned = await planOne(deps, tenantId, request, existing);
  let stored: BookingRecord;
  if (existing === undefined) {
    await repo.insertMany(tenantId, [planned]);
    // Ours, or the booking of someone who booked the same pair at the same moment: theirs stands.
    stored = (await repo.getByPair(tenantId, request.programId, request.pair.pairId, request.cycle))!;
  } else {
    [stored] = (await saveBookings(deps, tenantId, [{ ...planned, version: existing.version }])) as [BookingRecord];
  }
  const inFlight = stored.state === 'planned' || stored.state === 'created';
  return bookingView(inFlight ? await advanceBooking(deps, ctx, tenantId, stored) : stored);
}

function renumbered(b: BookingRecord, segment: number): BookingRecord {
  const transactionId = seriesTransactionId(b.tenantId, b.programId, b.pairId, b.cycle, segment);
  return {
    ...b,
    occurrences: b.occurrences.map((o) => ({ ...o, segment })),
    series: b.series.map((s) => ({ ...s, segment, transactionId })),
    eventId: null,
    joinUrl: null,
  };
}

async function planOne(deps: SchedulingDeps, tenantId: TenantId, request: PairRequest, existing: BookingRecord | undefined): Promise<BookingRecord> {
  const ctx = deps.graphFor(tenantId);
  const [people] = await resolvePairPeople(ctx, [{ field: 'pair', pair: request.pair }], request.settings.organiser);
  const now = deps.now();
  const booking = existing
    ? { ...existing, state: 'pending' as const, plan: null, occurrences: [], series: [] }
    : newBooking({ tenantId, programId: request.programId, cycle: request.cycle, pairId: request.pair.pairId, runId: null, position: 0, people: people!, settings: request.settings, now });
  const calendars = await readCalendars(ctx.client, [booking.organiser.mailbox, booking.attendee.mailbox], termWindow(request.settings.term, now), ctx.batch);
  const [result] = planBookings([booking], calendars, new Map(), now);
  // Booking again after a failure whose series Graph had created (and Upward then cancelled):
  // the new series takes the next segment's transaction id, never the cancelled one's.
  const used = existing?.series.filter((s) => s.eventId !== null).length ?? 0;
  const planned = used > 0 ? renumbered(result!.booking, Math.max(...existing!.series.map((s) => s.segment)) + 1) : result!.booking;
  // Nothing is stored for input that can never work: the caller fixes it and asks again.
  if (planned.state === 'failed') throw badInput(planned.reason ?? 'The pair cannot be scheduled', [{ field: 'pair', message: planned.reason ?? '' }]);
  return planned;
}
