import type { EventStore } from './event-store.ts';
import type { GeneratedCalendars } from './generated-calendars.ts';
import { meetingEntries } from './meeting.ts';
import type { CalendarEntry, CalendarPerson } from './types.ts';

/** A person's whole calendar: generated items and API-created events, merged in start order. */
export class CalendarBook {
  readonly generated: GeneratedCalendars;
  readonly store: EventStore;

  constructor(generated: GeneratedCalendars, store: EventStore) {
    this.generated = generated;
    this.store = store;
  }

  /** Entries overlapping [fromMs, toMs), by start, then end, then a stable key. */
  entries(person: CalendarPerson, fromMs: number, toMs: number): CalendarEntry[] {
    const generated: CalendarEntry[] = this.generated.between(person, fromMs, toMs);
    const created: CalendarEntry[] = [];
    for (const meeting of this.store.forPerson(person.tenantId, person.id)) created.push(...meetingEntries(meeting, person.id, fromMs, toMs));
    if (created.length === 0) return generated;
    return generated.concat(created).sort(compareEntries);
  }
}

export function compareEntries(a: CalendarEntry, b: CalendarEntry): number {
  return a.startMs - b.startMs || a.endMs - b.endMs || (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0);
}
