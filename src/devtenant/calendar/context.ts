import type { CalendarBook } from './calendar-book.ts';
import type { EventStore } from './event-store.ts';
import type { GeneratedCalendars } from './generated-calendars.ts';
import type { CalendarDirectory } from './types.ts';

/** What every calendar operation works with; built once by createCalendarService. */
export interface CalendarContext {
  directory: CalendarDirectory;
  seed: number;
  now: () => Date;
  store: EventStore;
  generated: GeneratedCalendars;
  book: CalendarBook;
}

/** Options every operation that answers with times or pages takes (from the Prefer header and query). */
export interface ResponseOptions {
  /** `Prefer: outlook.timezone` (Windows or IANA name); default UTC. */
  timeZone?: string;
  /** `Prefer: odata.maxpagesize`. */
  maxPageSize?: number;
}
