import { openMailbox, type MailboxAccess } from './access.ts';
import { compareEntries } from './calendar-book.ts';
import { MS_PER_DAY } from './civil.ts';
import type { CalendarContext, ResponseOptions } from './context.ts';
import { parseQueryInstant } from './date-time-input.ts';
import { invalidParameter } from './errors.ts';
import { snapshotOf } from './event-snapshots.ts';
import { entryTarget, resolveTarget, type EventTarget } from './event-targets.ts';
import { renderEvent } from './event-view.ts';
import { generatedEventId, meetingEventId } from './ids.ts';
import { meetingEntries, viewStatus } from './meeting.ts';
import { outputZone } from './prefer.ts';
import type { CalendarAuth, CalendarEntry } from './types.ts';

/** Query options of the listing endpoints (strings as they come from the URL). */
export interface ListQuery {
  startDateTime?: string;
  endDateTime?: string;
  top?: string;
  skip?: string;
  select?: string;
}

/** One page of a listing; `nextSkip` is set when more follow (the caller turns it into @odata.nextLink). */
export interface Page {
  value: Record<string, unknown>[];
  nextSkip?: number;
  /** Set when the page size came from `Prefer: odata.maxpagesize` (to echo in Preference-Applied). */
  appliedMaxPageSize?: number;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 1000;
/** A bound on calendarView windows, so one request cannot generate decades of items. */
const MAX_VIEW_DAYS = 1830;

function requireWindow(query: ListQuery): { startMs: number; endMs: number } {
  if (!query.startDateTime || !query.endDateTime) {
    throw invalidParameter('This request requires a time window specified by the query string parameters StartDateTime and EndDateTime.');
  }
  const startMs = parseQueryInstant(query.startDateTime, 'startDateTime');
  const endMs = parseQueryInstant(query.endDateTime, 'endDateTime');
  if (endMs - startMs > MAX_VIEW_DAYS * MS_PER_DAY) throw invalidParameter(`The time window must not exceed ${MAX_VIEW_DAYS} days.`);
  return { startMs, endMs };
}

function pageBounds(query: ListQuery, options: ResponseOptions): { skip: number; size: number; applied?: number } {
  const skip = query.skip === undefined ? 0 : Number(query.skip);
  if (!Number.isInteger(skip) || skip < 0) throw invalidParameter(`Invalid value '${query.skip}' for $skip.`);
  if (query.top !== undefined) {
    const top = Number(query.top);
    if (!Number.isInteger(top) || top < 1) throw invalidParameter(`Invalid value '${query.top}' for $top.`);
    return { skip, size: Math.min(top, MAX_PAGE_SIZE) };
  }
  if (options.maxPageSize !== undefined && options.maxPageSize >= 1) {
    const size = Math.min(options.maxPageSize, MAX_PAGE_SIZE);
    return { skip, size, applied: size };
  }
  return { skip, size: DEFAULT_PAGE_SIZE };
}

/** Renders one page of targets (only the page is rendered, however long the list). */
function page(ctx: CalendarContext, access: MailboxAccess, targets: readonly (() => EventTarget)[], query: ListQuery, options: ResponseOptions): Page {
  const zone = outputZone(options.timeZone);
  const { skip, size, applied } = pageBounds(query, options);
  const select = query.select?.split(',').map((s) => s.trim()).filter(Boolean);
  const value = targets.slice(skip, skip + size).map((target) =>
    renderEvent(snapshotOf(ctx, target()), { zone, basicOnly: access.basicOnly, hidePrivate: !access.isOwn && access.me !== undefined, ...(select ? { select } : {}) }));
  return { value, ...(skip + size < targets.length ? { nextSkip: skip + size } : {}), ...(applied === undefined ? {} : { appliedMaxPageSize: applied }) };
}

/** `GET /users/{id}/calendarView`: occurrences, exceptions and single events in the window; no series masters. */
export function calendarView(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, query: ListQuery, options: ResponseOptions = {}): Page {
  const access = openMailbox(ctx.directory, auth, mailbox, 'readBasic');
  const { startMs, endMs } = requireWindow(query);
  const entries = endMs > startMs ? ctx.book.entries(access.person, startMs, endMs) : [];
  return page(ctx, access, entries.map((e) => () => entryTarget(ctx, access.person, e)), query, options);
}

/** `GET /users/{id}/events/{id}/instances`: the occurrences and exceptions of one series in the window. */
export function eventInstances(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, eventId: string, query: ListQuery, options: ResponseOptions = {}): Page {
  const access = openMailbox(ctx.directory, auth, mailbox, 'readBasic');
  const target = resolveTarget(ctx, access.person, eventId);
  const { startMs, endMs } = requireWindow(query);
  let entries: CalendarEntry[] = [];
  if (endMs > startMs && target.kind !== 'generatedSingle' && target.originalStartMs === undefined) {
    if (target.kind === 'meeting' && target.meeting.recurrence) entries = meetingEntries(target.meeting, access.person.id, startMs, endMs);
    if (target.kind === 'generatedSeries') {
      entries = ctx.generated.between(access.person, startMs, endMs).filter((item) => item.source.seriesKey === target.series.key);
    }
  }
  return page(ctx, access, entries.sort(compareEntries).map((e) => () => entryTarget(ctx, access.person, e)), query, options);
}

/**
 * `GET /users/{id}/events`: single events and series masters. Generated singles are endless, so
 * this lists the events created through the API plus the generated recurring series.
 */
export function listEvents(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, query: ListQuery, options: ResponseOptions = {}): Page {
  const access = openMailbox(ctx.directory, auth, mailbox, 'readBasic');
  const person = access.person;
  const meetings = ctx.store.forPerson(person.tenantId, person.id)
    .filter((m) => viewStatus(m, person.id) !== undefined)
    .sort((a, b) => a.time.startMs - b.time.startMs || (a.key < b.key ? -1 : 1));
  const targets: (() => EventTarget)[] = [
    ...ctx.generated.profile(person).series.map((series) => () => resolveTarget(ctx, person, generatedEventId(person.id, `s:${series.key}`))),
    ...meetings.map((meeting) => () => ({ kind: 'meeting' as const, person, meeting, masterId: meetingEventId(meeting.key, person.id) })),
  ];
  return page(ctx, access, targets, query, options);
}
