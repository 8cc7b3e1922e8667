import { MS_PER_DAY, MS_PER_MINUTE } from './civil.ts';
import { idMalformed, itemNotFound } from './errors.ts';
import type { EventStore } from './event-store.ts';
import type { GeneratedCalendars } from './generated-calendars.ts';
import type { GeneratedSeries } from './generator-profile.ts';
import type { GeneratedItem } from './generator-week.ts';
import { decodeEventId, generatedEventId, meetingEventId } from './ids.ts';
import { isOccurrenceOf, viewStatus, type Meeting } from './meeting.ts';
import { isOccurrenceDay } from './recurrence.ts';
import type { CalendarEntry, CalendarPerson } from './types.ts';
import { utcToWall, wallToUtc } from './zones.ts';

/**
 * What an event id in a mailbox points at. Ids are checked
 * against the mailbox: another person's id, a cancelled occurrence or a removed meeting is
 * "not found", exactly as a deleted item is in Exchange.
 */
export type EventTarget =
  | { kind: 'meeting'; person: CalendarPerson; meeting: Meeting; masterId: string; originalStartMs?: number }
  | { kind: 'generatedSeries'; person: CalendarPerson; series: GeneratedSeries; masterId: string; originalStartMs?: number }
  | { kind: 'generatedSingle'; person: CalendarPerson; item: GeneratedItem; id: string };

export interface TargetDeps {
  seed: number;
  store: EventStore;
  generated: GeneratedCalendars;
}

export function resolveTarget(deps: TargetDeps, person: CalendarPerson, id: string): EventTarget {
  const decoded = decodeEventId(id);
  if (!decoded) throw idMalformed();
  const master = decoded.kind === 'occurrence' ? decoded.master : decoded;
  const originalStartMs = decoded.kind === 'occurrence' ? decoded.originalStartMs : undefined;
  if (master.personId !== person.id) throw itemNotFound();
  if (master.kind === 'meeting') {
    const meeting = deps.store.get(master.meetingKey);
    if (!meeting || meeting.tenantId !== person.tenantId) throw itemNotFound();
    const visible = originalStartMs === undefined ? viewStatus(meeting, person.id) !== undefined : visibleOccurrence(meeting, person.id, originalStartMs);
    if (!visible) throw itemNotFound();
    const masterId = meetingEventId(meeting.key, person.id);
    return { kind: 'meeting', person, meeting, masterId, ...(originalStartMs === undefined ? {} : { originalStartMs }) };
  }
  if (master.itemKey.startsWith('s:')) {
    const series = deps.generated.series(person, master.itemKey.slice(2));
    if (!series) throw itemNotFound();
    if (originalStartMs !== undefined && !isGeneratedOccurrence(deps, person, series, originalStartMs)) throw itemNotFound();
    const masterId = generatedEventId(person.id, master.itemKey);
    return { kind: 'generatedSeries', person, series, masterId, ...(originalStartMs === undefined ? {} : { originalStartMs }) };
  }
  if (originalStartMs !== undefined) throw itemNotFound();
  const item = deps.generated.single(person, master.itemKey);
  if (!item) throw itemNotFound();
  return { kind: 'generatedSingle', person, item, id };
}

function visibleOccurrence(meeting: Meeting, personId: string, originalStartMs: number): boolean {
  if (!meeting.recurrence) return false;
  if (meeting.cancelled.has(originalStartMs)) return false;
  if (!meeting.exceptions.has(originalStartMs) && !isOccurrenceOf(meeting, originalStartMs)) return false;
  return viewStatus(meeting, personId, originalStartMs) !== undefined;
}

function isGeneratedOccurrence(deps: TargetDeps, person: CalendarPerson, series: GeneratedSeries, originalStartMs: number): boolean {
  const zone = deps.generated.profile(person).zone;
  const wall = utcToWall(zone, originalStartMs);
  const day = Math.floor(wall / MS_PER_DAY);
  return isOccurrenceDay(series.rule, day) && wallToUtc(zone, day * MS_PER_DAY + series.startMinute * MS_PER_MINUTE) === originalStartMs;
}

/** The target of a calendar entry (calendarView and instances list entries, not ids). */
export function entryTarget(deps: TargetDeps, person: CalendarPerson, entry: CalendarEntry): EventTarget {
  const source = entry.source;
  if (source.kind === 'meeting') {
    const meeting = deps.store.get(source.meetingKey)!;
    const masterId = meetingEventId(meeting.key, person.id);
    return { kind: 'meeting', person, meeting, masterId, ...(source.originalStartMs === undefined ? {} : { originalStartMs: source.originalStartMs }) };
  }
  if (source.seriesKey !== undefined) {
    const series = deps.generated.series(person, source.seriesKey)!;
    return { kind: 'generatedSeries', person, series, masterId: generatedEventId(person.id, `s:${series.key}`), originalStartMs: source.originalStartMs! };
  }
  return { kind: 'generatedSingle', person, item: entry as GeneratedItem, id: generatedEventId(person.id, source.itemKey) };
}
