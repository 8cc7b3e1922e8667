import type { SeriesRecurrence } from '../core/scheduling/types.ts';
import { parseClockTime, formatClockTime } from '../core/time/clock-time.ts';
import { addDays, formatLocalDate, parseLocalDate } from '../core/time/local-date.ts';
import { seriesEventBody, type ZonedDateTime } from '../graph/events.ts';
import type { BookingRecord, StoredSeries } from '../store/bookings.ts';

/**
 * The first session's start and end as Graph wants them for a series: wall time in the series'
 * zone, so every occurrence keeps the same local time across clock changes (as Outlook does).
 */
export function seriesWallTimes(firstDate: string, localTime: string, durationMinutes: number, zone: string): { start: ZonedDateTime; end: ZonedDateTime } {
  const date = parseLocalDate(firstDate);
  const startMinute = parseClockTime(localTime);
  if (date === undefined || startMinute === undefined) throw new Error(`not a series start: ${firstDate} ${localTime}`);
  const endTotal = startMinute + durationMinutes;
  const endDate = addDays(date, Math.floor(endTotal / 1440));
  return {
    start: { dateTime: `${firstDate}T${formatClockTime(startMinute)}:00`, timeZone: zone },
    end: { dateTime: `${formatLocalDate(endDate)}T${formatClockTime(endTotal % 1440)}:00`, timeZone: zone },
  };
}

/** A series of the booking, ready to send: recurrence, first session and idempotency key. */
export function newSeries(segment: number, transactionId: string, recurrence: SeriesRecurrence, localTime: string, durationMinutes: number): StoredSeries {
  const times = seriesWallTimes(recurrence.range.startDate, localTime, durationMinutes, recurrence.range.recurrenceTimeZone);
  return { segment, transactionId, eventId: null, iCalUId: null, joinUrl: null, recurrence, start: times.start, end: times.end };
}

/** The POST body for one series of a booking: organiser's calendar, the partner invited, Teams link. */
export function bookingEventBody(booking: BookingRecord, series: StoredSeries): Record<string, unknown> {
  return seriesEventBody({
    subject: booking.settings.subject,
    bodyHtml: booking.settings.bodyHtml,
    start: series.start,
    end: series.end,
    recurrence: series.recurrence,
    attendees: [{ address: booking.attendee.mailbox, name: booking.attendee.name }],
    transactionId: series.transactionId,
  });
}
