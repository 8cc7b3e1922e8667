import type { ScenarioItemData, ScenarioRecurrenceData } from './scenario-schema.ts';

/** Graph's dateTimeTimeZone: wall-clock time and the zone it is in (IANA or Windows name). */
export interface DateTimeTimeZone {
  readonly dateTime: string;
  readonly timeZone: string;
}

/** Graph's patternedRecurrence, as written in the scenario (range.startDate filled in). */
export interface PatternedRecurrence {
  readonly pattern: {
    readonly type: 'daily' | 'weekly' | 'absoluteMonthly' | 'relativeMonthly' | 'absoluteYearly' | 'relativeYearly';
    readonly interval: number;
    readonly daysOfWeek?: readonly string[];
    readonly firstDayOfWeek?: string;
    readonly dayOfMonth?: number;
    readonly month?: number;
    readonly index?: string;
  };
  readonly range: {
    readonly type: 'endDate' | 'numbered' | 'noEnd';
    readonly startDate: string;
    readonly endDate?: string;
    readonly numberOfOccurrences?: number;
    readonly recurrenceTimeZone?: string;
  };
}

/**
 * One calendar item of a scenario person, in Graph's vocabulary, for the calendar module to
 * load: create it in the owner's mailbox as `POST /users/{ownerId}/events` with
 * `scenarioEventBody(item)` (attendees of the scenario then see it on their calendars too).
 */
export interface ScenarioCalendarItem {
  /** Stable key: `<owner upn>#<index in the person's calendar list>`. */
  readonly key: string;
  readonly ownerId: string;
  readonly ownerUpn: string;
  readonly subject: string;
  readonly start: DateTimeTimeZone;
  readonly end: DateTimeTimeZone;
  readonly showAs: 'free' | 'tentative' | 'busy' | 'oof' | 'workingElsewhere';
  readonly isPrivate: boolean;
  readonly isAllDay: boolean;
  readonly attendees: readonly { readonly id: string; readonly upn: string; readonly displayName: string }[];
  readonly recurrence?: PatternedRecurrence;
}

const withSeconds = (local: string): string => (local.length === 16 ? `${local}:00` : local);

function toRecurrence(r: ScenarioRecurrenceData, startDate: string): PatternedRecurrence {
  const { pattern, range } = r;
  return {
    pattern: {
      type: pattern.type,
      interval: pattern.interval,
      ...(pattern.daysOfWeek ? { daysOfWeek: [...pattern.daysOfWeek] } : {}),
      ...(pattern.firstDayOfWeek ? { firstDayOfWeek: pattern.firstDayOfWeek } : {}),
      ...(pattern.dayOfMonth !== undefined ? { dayOfMonth: pattern.dayOfMonth } : {}),
      ...(pattern.month !== undefined ? { month: pattern.month } : {}),
      ...(pattern.index ? { index: pattern.index } : {}),
    },
    range: {
      type: range.type,
      startDate: range.startDate ?? startDate,
      ...(range.endDate !== undefined ? { endDate: range.endDate } : {}),
      ...(range.numberOfOccurrences !== undefined ? { numberOfOccurrences: range.numberOfOccurrences } : {}),
      ...(range.recurrenceTimeZone !== undefined ? { recurrenceTimeZone: range.recurrenceTimeZone } : {}),
    },
  };
}

/** Builds the typed item from its validated file form. */
export function scenarioCalendarItem(
  item: ScenarioItemData,
  owner: { id: string; upn: string; timeZone: string },
  index: number,
  attendees: ScenarioCalendarItem['attendees'],
): ScenarioCalendarItem {
  const zone = item.zone ?? owner.timeZone;
  return {
    key: `${owner.upn.toLowerCase()}#${index}`,
    ownerId: owner.id,
    ownerUpn: owner.upn,
    subject: item.subject,
    start: { dateTime: withSeconds(item.start), timeZone: zone },
    end: { dateTime: withSeconds(item.end), timeZone: zone },
    showAs: item.showAs,
    isPrivate: item.isPrivate,
    isAllDay: item.isAllDay,
    attendees,
    ...(item.recurrence ? { recurrence: toRecurrence(item.recurrence, item.start.slice(0, 10)) } : {}),
  };
}

/** The Graph event body (POST /users/{ownerId}/events) that creates the item in its owner's calendar. */
export function scenarioEventBody(item: ScenarioCalendarItem): Record<string, unknown> {
  return {
    subject: item.subject,
    start: { ...item.start },
    end: { ...item.end },
    showAs: item.showAs,
    sensitivity: item.isPrivate ? 'private' : 'normal',
    isAllDay: item.isAllDay,
    // A scenario item is part of the case, not something to remind anyone about.
    isReminderOn: false,
    ...(item.attendees.length > 0
      ? { attendees: item.attendees.map((a) => ({ emailAddress: { address: a.upn, name: a.displayName }, type: 'required' })) }
      : {}),
    ...(item.recurrence ? { recurrence: item.recurrence } : {}),
    // Idempotency: loading the same scenario twice creates nothing new.
    transactionId: `scenario:${item.key}`,
  };
}
