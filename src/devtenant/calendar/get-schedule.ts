import { formatTimeOfDay, MS_PER_DAY, parseTimeOfDay } from './civil.ts';
import { openMailbox } from './access.ts';
import type { CalendarBook } from './calendar-book.ts';
import { parseDateTimeTimeZone } from './date-time-input.ts';
import { invalidParameter, requestBodyRead } from './errors.ts';
import { GraphError } from '../graph-error.ts';
import { availabilityView } from './free-busy.ts';
import { bodyObject, optArray, optInteger } from './json-input.ts';
import { outputZone, toDateTimeTimeZone } from './prefer.ts';
import type { CalendarAuth, CalendarDirectory, CalendarPerson } from './types.ts';

/** Graph accepts up to 100 schedules per call (documented: 20). */
export const MAX_SCHEDULES = 100;
/** Graph accepts a window of exactly 62 days and refuses 63. */
export const MAX_WINDOW_DAYS = 62;

export interface ScheduleOptions {
  timeZone?: string;
}

/** `POST /users/{id}/calendar/getSchedule`: free/busy of up to 100 mailboxes. */
export function getSchedule(
  deps: { directory: CalendarDirectory; book: CalendarBook },
  auth: CalendarAuth,
  mailbox: string,
  rawBody: unknown,
  options: ScheduleOptions = {},
): object[] {
  const access = openMailbox(deps.directory, auth, mailbox, 'readBasic');
  const body = bodyObject(rawBody);
  const where = 'microsoft.graph.getSchedule';
  const schedules = optArray(body, 'schedules', where);
  if (!schedules || schedules.length === 0) {
    throw new GraphError(400, 'ErrorMailboxDataArrayEmpty', 'The request must name at least one mailbox in schedules.');
  }
  if (schedules.some((s) => typeof s !== 'string')) throw requestBodyRead("The parameter 'schedules' must be a collection of strings.");
  if (schedules.length > MAX_SCHEDULES) {
    throw new GraphError(400, 'ErrorMailboxDataArrayTooBig', `The number of mailboxes requested exceeds the limit of ${MAX_SCHEDULES}.`);
  }
  if (body.startTime === undefined || body.endTime === undefined) throw invalidParameter('The parameters startTime and endTime are required.');
  const start = parseDateTimeTimeZone(body.startTime, 'startTime');
  const end = parseDateTimeTimeZone(body.endTime, 'endTime');
  const interval = optInteger(body, 'availabilityViewInterval', where) ?? 30;
  const zone = outputZone(options.timeZone);
  if (interval < 5 || interval > 1440) throw invalidParameter('availabilityViewInterval must be between 5 and 1440 minutes.');
  if (end.ms <= start.ms) throw invalidParameter('The endTime must be later than the startTime.');
  // Measured on the clock the caller wrote (a 62-day window across a DST change is still 62 days).
  const span = start.zone.iana === end.zone.iana ? end.wallMs - start.wallMs : end.ms - start.ms;
  if (span > MAX_WINDOW_DAYS * MS_PER_DAY) {
    throw new GraphError(400, 'ErrorTimeIntervalTooBig', `The time window is too big; the maximum is ${MAX_WINDOW_DAYS} days.`);
  }

  return (schedules as string[]).map((address) => {
    const person = deps.directory.byIdOrAddress(auth.tenantId, address);
    if (!person) {
      return { scheduleId: address, availabilityView: '', scheduleItems: [], error: { message: 'The SMTP address has no mailbox associated with it.', responseCode: '5009' } };
    }
    const entries = deps.book.entries(person, start.ms, end.ms);
    // Details (subject, location) only for the signed-in user's own calendar; private items never.
    const details = auth.kind === 'delegated' && access.me?.id === person.id;
    return {
      scheduleId: address,
      availabilityView: availabilityView(entries, start.ms, end.ms, interval),
      scheduleItems: entries.map((e) => ({
        isPrivate: e.isPrivate,
        status: e.status,
        ...(details && !e.isPrivate ? { subject: e.subject, location: e.location } : {}),
        start: toDateTimeTimeZone(e.startMs, zone),
        end: toDateTimeTimeZone(e.endMs, zone),
      })),
      workingHours: workingHours(person),
    };
  });
}

/** The mailbox's working hours as Graph writes them, zone named as the mailbox stores it. */
export function workingHours(person: CalendarPerson): object {
  const start = parseTimeOfDay(person.workingHours.startTime) ?? 0;
  const end = parseTimeOfDay(person.workingHours.endTime) ?? 0;
  return {
    daysOfWeek: person.workingHours.daysOfWeek.map((d) => d.toLowerCase()),
    startTime: formatTimeOfDay(start),
    endTime: formatTimeOfDay(end),
    timeZone: { name: person.mailboxTimeZone },
  };
}
