/** Writes booking rows straight into the store, as a cohort run would have left them. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/store/schema.ts';

export interface SeedOccurrence {
  readonly start: number;
  readonly status?: 'free' | 'moved' | 'unplaced' | 'cancelled';
}

/** One booking of `pairId` (cycle 1) in `state` with these sessions (45 minutes each). */
export async function seedBooking(
  db: Kysely<Database>,
  tenantId: string,
  programId: string,
  pairId: string,
  state: string,
  occurrences: readonly SeedOccurrence[],
  extra: { reasonCode?: string; reason?: string; position?: number } = {},
): Promise<void> {
  const stored = occurrences.map((o, index) => ({
    index,
    date: new Date(o.start).toISOString().slice(0, 10),
    originalStart: o.start,
    start: o.start,
    end: o.start + 45 * 60_000,
    status: o.status ?? 'free',
    segment: 0,
    conflict: null,
  }));
  const plan = state === 'no_slot' ? null : { zone: 'Europe/London', weekday: 'Tuesday', localTime: '10:00', firstDate: '2026-09-01', lastDate: '2027-02-23' };
  await sql`
    insert into bookings (tenant_id, id, program_id, pair_id, cycle, run_id, position, state, organiser_id, attendee_id, people, settings, plan,
                          occurrences, series, transaction_id, event_id, join_url, reason_code, reason, version, created_at, updated_at)
    values (${tenantId}, ${`booking-${pairId}`}, ${programId}, ${pairId}, 1, null, ${extra.position ?? 0}, ${state}, 'organiser', 'attendee',
            '[]'::jsonb, '{}'::jsonb, ${plan === null ? null : JSON.stringify(plan)}::jsonb, ${JSON.stringify(stored)}::jsonb, '[]'::jsonb,
            ${`tx-${pairId}`}, null, 'https://teams.example/join/secret', ${extra.reasonCode ?? null}, ${extra.reason ?? null}, 1, now(), now())`.execute(db);
}
