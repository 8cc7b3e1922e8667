/**
 * Event ids. Graph's ids are opaque base64; ours are base64url of a small readable payload, so an
 * occurrence id can be decoded back to its series and original start without any lookup table and
 * stays the same across restarts:
 *   series/single of an API event   E|<meetingKey>|<personId>
 *   generated item or series        G|<personId>|<itemKey>
 *   occurrence or exception         O|<series id>|<original start, UTC ms>
 * Ids are per mailbox (as in Exchange, where each attendee's copy has its own id).
 */

const PREFIX = 'AAMk';

export type DecodedId =
  | { kind: 'meeting'; meetingKey: string; personId: string }
  | { kind: 'generated'; personId: string; itemKey: string }
  | { kind: 'occurrence'; masterId: string; master: DecodedId & { kind: 'meeting' | 'generated' }; originalStartMs: number };

function encode(payload: string): string {
  return PREFIX + Buffer.from(payload, 'utf8').toString('base64url');
}

export function meetingEventId(meetingKey: string, personId: string): string {
  return encode(`E|${meetingKey}|${personId}`);
}

export function generatedEventId(personId: string, itemKey: string): string {
  return encode(`G|${personId}|${itemKey}`);
}

export function occurrenceEventId(masterId: string, originalStartMs: number): string {
  return encode(`O|${masterId}|${originalStartMs}`);
}

/** Decodes an id this service issued, or returns undefined for anything else. */
export function decodeEventId(id: string): DecodedId | undefined {
  if (!id.startsWith(PREFIX) || !/^[A-Za-z0-9_-]+$/.test(id.slice(PREFIX.length))) return undefined;
  const parts = Buffer.from(id.slice(PREFIX.length), 'base64url').toString('utf8').split('|');
  const [kind, a, b] = parts;
  if (parts.length !== 3 || !a || b === undefined || b === '') return undefined;
  if (kind === 'E') return { kind: 'meeting', meetingKey: a, personId: b };
  if (kind === 'G') return { kind: 'generated', personId: a, itemKey: b };
  if (kind === 'O' && /^-?\d+$/.test(b)) {
    const master = decodeEventId(a);
    if (!master || master.kind === 'occurrence') return undefined;
    return { kind: 'occurrence', masterId: a, master, originalStartMs: Number(b) };
  }
  return undefined;
}
