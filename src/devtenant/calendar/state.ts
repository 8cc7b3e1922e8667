import { z } from 'zod';
import type { EventStore } from './event-store.ts';
import type { Meeting } from './meeting.ts';

/**
 * Persisting the calendar. Generated items are NOT in the state: they are regenerated, identically,
 * from the seed. What the API created (events, answers, cancellations, exceptions) is, and the
 * caller writes it to the development tenant's data folder and reads it back on start.
 */

const zone = z.object({ name: z.string(), iana: z.string() });
const time = z.object({ startMs: z.number(), endMs: z.number(), startZone: zone, endZone: zone });
const content = z.object({
  subject: z.string(), bodyHtml: z.string(), location: z.record(z.string(), z.unknown()), locations: z.array(z.record(z.string(), z.unknown())),
  showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown']),
  sensitivity: z.enum(['normal', 'personal', 'private', 'confidential']), importance: z.enum(['low', 'normal', 'high']),
  isAllDay: z.boolean(), isOnlineMeeting: z.boolean(), onlineMeetingProvider: z.string(), categories: z.array(z.string()),
  isReminderOn: z.boolean(), reminderMinutesBeforeStart: z.number(), responseRequested: z.boolean(), allowNewTimeProposals: z.boolean(),
  hideAttendees: z.boolean(),
});
const response = z.enum(['none', 'organizer', 'tentativelyAccepted', 'accepted', 'declined', 'notResponded']);
const rule = z.object({
  type: z.enum(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']),
  interval: z.number().int().min(1), daysOfWeek: z.array(z.number().int().min(0).max(6)), firstDayOfWeek: z.number().int().min(0).max(6),
  dayOfMonth: z.number().int(), month: z.number().int(), index: z.number().int().min(0).max(4),
  rangeType: z.enum(['endDate', 'numbered', 'noEnd']), startDay: z.number().int(), endDay: z.number().int().optional(),
  numberOfOccurrences: z.number().int().optional(),
});
const meeting = z.object({
  key: z.string(), tenantId: z.string(), organizerId: z.string(), organizer: z.object({ address: z.string(), name: z.string() }),
  iCalUId: z.string(), transactionId: z.string().optional(), joinUrl: z.string().optional(), conferenceId: z.string().optional(),
  content, time,
  recurrence: z.object({ rule, zone, zoneGiven: z.boolean() }).optional(),
  attendees: z.array(z.object({
    address: z.string(), name: z.string(), type: z.enum(['required', 'optional', 'resource']), personId: z.string().optional(),
    response, responseTimeMs: z.number().optional(),
  })),
  cancelled: z.array(z.number()),
  exceptions: z.array(z.tuple([z.number(), z.object({ time, content: content.partial(), version: z.number() })])),
  occurrenceResponses: z.array(z.tuple([z.number(), z.array(z.tuple([z.string(), z.object({ response, timeMs: z.number() })]))])),
  removedFor: z.array(z.string()),
  isCancelled: z.boolean(), createdMs: z.number(), lastModifiedMs: z.number(), version: z.number(),
});
const stateSchema = z.object({ kind: z.literal('upward-devtenant-calendar'), version: z.literal(1), created: z.number().int().min(0), meetings: z.array(meeting) });

/** The persisted form (plain JSON). */
export type CalendarState = z.infer<typeof stateSchema>;

export function exportState(store: EventStore): CalendarState {
  return {
    kind: 'upward-devtenant-calendar',
    version: 1,
    created: store.created,
    meetings: [...store.meetings.values()].map((m) => ({
      ...m,
      cancelled: [...m.cancelled],
      exceptions: [...m.exceptions],
      occurrenceResponses: [...m.occurrenceResponses].map(([start, answers]) => [start, [...answers]]),
      removedFor: [...m.removedFor],
    })),
  };
}

/** Replaces the store's content with a persisted state; a state that does not validate changes nothing. */
export function importState(store: EventStore, raw: unknown): void {
  const state = stateSchema.parse(raw);
  const meetings: Meeting[] = state.meetings.map((m) => ({
    ...m,
    cancelled: new Set(m.cancelled),
    exceptions: new Map(m.exceptions),
    occurrenceResponses: new Map(m.occurrenceResponses.map(([start, answers]) => [start, new Map(answers)])),
    removedFor: new Set(m.removedFor),
  }) as Meeting);
  store.clear();
  for (const m of meetings) store.put(m);
  store.created = state.created;
}
