import { CalendarBook } from './calendar-book.ts';
import { calendarView, eventInstances, listEvents, type ListQuery, type Page } from './calendar-view.ts';
import type { CalendarContext, ResponseOptions } from './context.ts';
import { cancelEvent, deleteEvent, respondToEvent, type MeetingResponse } from './event-actions.ts';
import { createEvent } from './event-create.ts';
import { getEvent } from './event-read.ts';
import { EventStore } from './event-store.ts';
import { updateEvent } from './event-update.ts';
import { findMeetingTimes } from './find-meeting-times.ts';
import { GeneratedCalendars } from './generated-calendars.ts';
import { getSchedule } from './get-schedule.ts';
import { exportState, importState, type CalendarState } from './state.ts';
import type { CalendarAuth, CalendarDirectory, CalendarEntry, CalendarPerson } from './types.ts';

/**
 * The calendar of the development tenant as plain method calls: no HTTP, so the Express routes
 * and a future `$batch` handler call the same thing. Every method checks the caller's permissions
 * itself and throws GraphError (status, code, message) for anything Graph would refuse; a refused
 * call changes nothing. `mailbox` is `me` or a user id / UPN / mail as in the URL.
 */
export interface CalendarService {
  getSchedule(auth: CalendarAuth, mailbox: string, body: unknown, options?: ResponseOptions): object[];
  findMeetingTimes(auth: CalendarAuth, mailbox: string, body: unknown, options?: ResponseOptions): object;
  /** Returns the created event (or, for a repeated transactionId, the one created before). */
  createEvent(auth: CalendarAuth, mailbox: string, body: unknown, options?: ResponseOptions): Record<string, unknown>;
  getEvent(auth: CalendarAuth, mailbox: string, eventId: string, options?: ResponseOptions & { select?: string }): Record<string, unknown>;
  updateEvent(auth: CalendarAuth, mailbox: string, eventId: string, body: unknown, options?: ResponseOptions): Record<string, unknown>;
  deleteEvent(auth: CalendarAuth, mailbox: string, eventId: string): void;
  cancelEvent(auth: CalendarAuth, mailbox: string, eventId: string, body: unknown): void;
  respondToEvent(auth: CalendarAuth, mailbox: string, eventId: string, action: MeetingResponse, body: unknown): void;
  calendarView(auth: CalendarAuth, mailbox: string, query: ListQuery, options?: ResponseOptions): Page;
  eventInstances(auth: CalendarAuth, mailbox: string, eventId: string, query: ListQuery, options?: ResponseOptions): Page;
  listEvents(auth: CalendarAuth, mailbox: string, query: ListQuery, options?: ResponseOptions): Page;
  /** A person's calendar entries in [startMs, endMs), sorted (no permission check: for tests, benchmarks and tools). */
  entries(tenantId: string, idOrAddress: string, startMs: number, endMs: number): CalendarEntry[];
  /**
   * State to persist in the dev tenant's data folder: only what the API created. Generated items
   * are regenerated identically from the seed, so they are not part of it.
   */
  exportState(): CalendarState;
  /** Restores exported state (validated first; an invalid state throws and changes nothing). */
  importState(state: unknown): void;
}

export interface CalendarServiceOptions {
  directory: CalendarDirectory;
  /** Seed of the generated calendars and of ids/join URLs of created events. */
  seed: number;
  now: () => Date;
  /** Whose calendars get generated items (default: everyone's). */
  generates?: (person: CalendarPerson) => boolean;
}

export function createCalendarService(options: CalendarServiceOptions): CalendarService {
  const store = new EventStore();
  const generated = new GeneratedCalendars(options.seed, () => options.now().getTime(), undefined, options.generates);
  const ctx: CalendarContext = { ...options, store, generated, book: new CalendarBook(generated, store) };
  return {
    getSchedule: (auth, mailbox, body, o) => getSchedule(ctx, auth, mailbox, body, o),
    findMeetingTimes: (auth, mailbox, body, o) => findMeetingTimes(ctx, auth, mailbox, body, o),
    createEvent: (auth, mailbox, body, o) => createEvent(ctx, auth, mailbox, body, o),
    getEvent: (auth, mailbox, id, o) => getEvent(ctx, auth, mailbox, id, o),
    updateEvent: (auth, mailbox, id, body, o) => updateEvent(ctx, auth, mailbox, id, body, o),
    deleteEvent: (auth, mailbox, id) => deleteEvent(ctx, auth, mailbox, id),
    cancelEvent: (auth, mailbox, id, body) => cancelEvent(ctx, auth, mailbox, id, body),
    respondToEvent: (auth, mailbox, id, action, body) => respondToEvent(ctx, auth, mailbox, id, action, body),
    calendarView: (auth, mailbox, query, o) => calendarView(ctx, auth, mailbox, query, o),
    eventInstances: (auth, mailbox, id, query, o) => eventInstances(ctx, auth, mailbox, id, query, o),
    listEvents: (auth, mailbox, query, o) => listEvents(ctx, auth, mailbox, query, o),
    entries: (tenantId, idOrAddress, startMs, endMs) => {
      const person = options.directory.byIdOrAddress(tenantId, idOrAddress);
      return person ? ctx.book.entries(person, startMs, endMs) : [];
    },
    exportState: () => exportState(store),
    importState: (state) => importState(store, state),
  };
}
