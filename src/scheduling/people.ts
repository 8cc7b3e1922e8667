import { badInput, type FieldError } from '../core/errors.ts';
import { userId as toUserId } from '../core/ids.ts';
import { readPeople } from '../graph/people.ts';
import type { BookingPerson } from '../store/bookings.ts';
import type { GraphContext } from './graph-context.ts';
import type { PairInput, PersonInput } from './requests.ts';

/** Organiser and attendee of a pair, after the program's organiser rule. */
export interface PairPeople {
  readonly organiser: BookingPerson;
  readonly attendee: BookingPerson;
}

/**
 * Fills in mailboxes and names the caller left out from the directory (15 people per request,
 * batched) and applies the organiser rule: the senior mentee organises unless the program says
 * the mentor does. People the directory does not know are refused before anything is stored or
 * booked, each named with the field they came from.
 */
export async function resolvePairPeople(
  ctx: GraphContext,
  pairs: readonly { readonly field: string; readonly pair: PairInput }[],
  organiserRule: 'mentee' | 'mentor',
): Promise<PairPeople[]> {
  const lookup = pairs.flatMap(({ pair }) => [pair.mentor, pair.mentee]).filter((p) => p.mailbox === undefined || p.name === undefined).map((p) => p.userId);
  const found = lookup.length > 0 ? await readPeople(ctx.client, lookup, ctx.batch) : new Map();
  const errors: FieldError[] = [];
  const resolve = (person: PersonInput, role: 'mentor' | 'mentee', field: string): BookingPerson | undefined => {
    const known = found.get(person.userId.toLowerCase());
    const mailbox = person.mailbox ?? known?.mail;
    if (mailbox === undefined || mailbox === '') {
      errors.push({ field, message: known ? `${known.displayName} has no mailbox` : `Unknown person: no one in the directory has the id ${person.userId}` });
      return undefined;
    }
    return { userId: toUserId(person.userId), mailbox: mailbox.toLowerCase(), name: person.name ?? known?.displayName ?? mailbox, role };
  };
  const out: PairPeople[] = [];
  for (const { field, pair } of pairs) {
    const mentor = resolve(pair.mentor, 'mentor', `${field}.mentor`);
    const mentee = resolve(pair.mentee, 'mentee', `${field}.mentee`);
    if (mentor && mentee) out.push(organiserRule === 'mentee' ? { organiser: mentee, attendee: mentor } : { organiser: mentor, attendee: mentee });
  }
  if (errors.length > 0) {
    const shown = errors.slice(0, 10).map((e) => `${e.field}: ${e.message}`).join('; ');
    throw badInput(`Some people cannot be booked: ${shown}${errors.length > 10 ? ` (and ${errors.length - 10} more)` : ''}`, errors);
  }
  return out;
}
