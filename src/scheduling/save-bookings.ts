import type { TenantId } from '../core/ids.ts';
import { bookingRepository, type BookingRecord } from '../store/bookings.ts';
import type { SchedulingDeps } from './deps.ts';

/**
 * Saves changed bookings in one transaction, and schedules the re-checks of those that became
 * `booked` (and tells `onBooked` about them, and about those saved `cancelled`) in that same
 * transaction. Returns the saved records (with their new versions).
 */
export async function saveBookings(deps: SchedulingDeps, tenantId: TenantId, changed: readonly BookingRecord[]): Promise<BookingRecord[]> {
  if (changed.length === 0) return [];
  const at = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const repo = bookingRepository(trx);
    const saved: BookingRecord[] = [];
    for (const booking of changed) saved.push(await repo.save(tenantId, booking, at));
    const booked = saved.filter((b) => b.state === 'booked');
    if (booked.length > 0 && deps.rechecks) await deps.rechecks.schedule(trx, tenantId, booked);
    if (booked.length > 0 && deps.onBooked) await deps.onBooked.booked(trx, tenantId, booked);
    const cancelled = saved.filter((b) => b.state === 'cancelled');
    if (cancelled.length > 0 && deps.onBooked?.cancelled) await deps.onBooked.cancelled(trx, tenantId, cancelled);
    return saved;
  });
}
