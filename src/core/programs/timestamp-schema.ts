/**
 * A point in time as the core accepts it from outside: epoch milliseconds, or an ISO-8601
 * date-time with an explicit `Z` or offset. A bare date or local time is refused because its
 * meaning depends on a zone nobody stated.
 */
import { z } from 'zod';
import { epochMs, type EpochMs } from '../time.ts';

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

/** zod schema producing an {@link EpochMs}. */
export const timestampSchema = z.union(
  [
    z.number().int().finite().transform((value): EpochMs => epochMs(value)),
    z
      .string()
      .regex(ISO_WITH_OFFSET)
      .transform((value, ctx): EpochMs => {
        const parsed = Date.parse(value);
        if (Number.isNaN(parsed)) {
          ctx.addIssue({ code: 'custom', message: `Not a real date-time: ${value}` });
          return z.NEVER;
        }
        return epochMs(parsed);
      }),
  ],
  { error: 'Expected epoch milliseconds or an ISO-8601 date-time with Z or an offset' },
);
