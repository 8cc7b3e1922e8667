import { UpwardError } from '../core/errors.ts';
import type { TenantId } from '../core/ids.ts';
import type { BookingRecord } from '../store/bookings.ts';
import { createPlannedSeries, finishSessions } from './book-series.ts';
import type { SchedulingDeps } from './deps.ts';
import type { GraphContext } from './graph-context.ts';
import { saveBookings } from './save-bookings.ts';

/**
 * Drives one booking from `planned` through `created` to `booked`, storing it after each Graph
 * step, so calling it again after any failure continues from where it stopped (the transaction id
 * keeps the create idempotent). Throttling beyond the retry budget is rethrown as `unavailable`
 * with the booking saved as far as it got.
 */
export async function advanceBooking(deps: SchedulingDeps, ctx: GraphContext, tenantId: TenantId, booking: BookingRecord): Promise<BookingRecord> {
  let current = booking;
  if (current.state === 'planned') {
    const [result] = await createPlannedSeries(ctx, [current]);
    if (result!.booking !== current) current = (await saveBookings(deps, tenantId, [result!.booking]))[0]!;
    if (result!.transient) throw retryLater(result!.transient);
  }
  if (current.state === 'created') {
    const [result] = await finishSessions(ctx, [current]);
    if (result!.booking !== current) current = (await saveBookings(deps, tenantId, [result!.booking]))[0]!;
    if (result!.transient) throw retryLater(result!.transient);
  }
  return current;
}

function retryLater(error: UpwardError): UpwardError {
  return new UpwardError('unavailable', `${error.message}. The booking is saved as far as it got; try again in a minute to finish it.`);
}
