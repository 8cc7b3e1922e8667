import { createHash } from 'node:crypto';

/**
 * A UUID-shaped id that is a pure function of its parts (SHA-256, version nibble 8 = "custom",
 * RFC 9562 variant). The same pair, program, cycle and tenant always give the same id, so a
 * retried or resumed booking sends Graph the same `transactionId` and Graph creates nothing new.
 */
export function deterministicUuid(...parts: readonly (string | number)[]): string {
  const hex = createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Graph `transactionId` of a pair's series: (tenant, program, pair, cycle), and for a later
 * series of the same booking (after "reschedule the rest") its segment number too.
 */
export function seriesTransactionId(tenantId: string, programId: string, pairId: string, cycle: number, segment = 0): string {
  return segment === 0
    ? deterministicUuid('upward.series', tenantId.toLowerCase(), programId, pairId, cycle)
    : deterministicUuid('upward.series', tenantId.toLowerCase(), programId, pairId, cycle, segment);
}

/** Upward's id of a pair's booking for a cycle (one per pair and cycle). */
export const bookingIdOf = (tenantId: string, programId: string, pairId: string, cycle: number): string =>
  deterministicUuid('upward.booking', tenantId.toLowerCase(), programId, pairId, cycle);

/** Upward's id of a program cycle's cohort run (one per program and cycle). */
export const runIdOf = (tenantId: string, programId: string, cycle: number): string =>
  deterministicUuid('upward.cohort-run', tenantId.toLowerCase(), programId, cycle);
