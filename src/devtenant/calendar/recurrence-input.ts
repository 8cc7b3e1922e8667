import { DAY_NAMES, dayIndex, formatIsoDate, parseIsoDate } from './civil.ts';
import { invalidRequest, requestBodyRead } from './errors.ts';
import { isObject, optArray, optEnum, optInteger, optString, rejectUnknown, type JsonObject } from './json-input.ts';
import { PATTERN_TYPES, RANGE_TYPES, WEEK_INDEXES, type RecurrenceRule } from './recurrence.ts';
import { requireZone } from './zones.ts';
import type { NamedZone } from './types.ts';

/** A recurrence as stored: the rule plus the zone its wall times are expanded in. */
export interface StoredRecurrence {
  rule: RecurrenceRule;
  /** recurrenceTimeZone if given, else the zone of the event's start. */
  zone: NamedZone;
  /** Whether the client gave recurrenceTimeZone (echoed only then, as Graph does). */
  zoneGiven: boolean;
}

const PATTERN_KEYS = new Set(['type', 'interval', 'daysOfWeek', 'firstDayOfWeek', 'dayOfMonth', 'month', 'index']);
const RANGE_KEYS = new Set(['type', 'startDate', 'endDate', 'numberOfOccurrences', 'recurrenceTimeZone']);

/**
 * Validates a patternedRecurrence completely — including fields the pattern type ignores, as Graph
 * does — and checks that range.startDate is the date of the event's start.
 */
export function parseRecurrence(raw: unknown, startLocalDay: number, startZone: NamedZone): StoredRecurrence {
  if (!isObject(raw)) throw requestBodyRead("The property 'recurrence' must be a patternedRecurrence object.");
  rejectUnknown(raw, new Set(['pattern', 'range']), 'microsoft.graph.patternedRecurrence');
  const pattern = raw.pattern;
  const range = raw.range;
  if (!isObject(pattern) || !isObject(range)) throw invalidRequest('A recurrence needs both a pattern and a range.');
  rejectUnknown(pattern, PATTERN_KEYS, 'microsoft.graph.recurrencePattern');
  rejectUnknown(range, RANGE_KEYS, 'microsoft.graph.recurrenceRange');

  const type = optEnum(pattern, 'type', 'microsoft.graph.recurrencePatternType', PATTERN_TYPES);
  if (!type) throw invalidRequest('The recurrence pattern type is required.');
  const interval = optInteger(pattern, 'interval', 'microsoft.graph.recurrencePattern') ?? 0;
  const daysOfWeek = parseDays(pattern);
  const firstDayOfWeek = dayIndex(optEnum(pattern, 'firstDayOfWeek', 'microsoft.graph.dayOfWeek', DAY_NAMES) ?? 'sunday');
  const dayOfMonth = optInteger(pattern, 'dayOfMonth', 'microsoft.graph.recurrencePattern') ?? 0;
  const month = optInteger(pattern, 'month', 'microsoft.graph.recurrencePattern') ?? 0;
  const index = WEEK_INDEXES.indexOf(optEnum(pattern, 'index', 'microsoft.graph.weekIndex', WEEK_INDEXES) ?? 'first');

  if (interval < 1 || interval > 99) throw invalidRequest('The recurrence pattern interval must be between 1 and 99.');
  if (dayOfMonth < 0 || dayOfMonth > 31) throw invalidRequest('The recurrence pattern dayOfMonth must be between 1 and 31.');
  if (month < 0 || month > 12) throw invalidRequest('The recurrence pattern month must be between 1 and 12.');
  const needsDays = type === 'weekly' || type === 'relativeMonthly' || type === 'relativeYearly';
  if (needsDays && daysOfWeek.length === 0) throw invalidRequest(`A ${type} recurrence pattern needs at least one day in daysOfWeek.`);
  if ((type === 'absoluteMonthly' || type === 'absoluteYearly') && dayOfMonth === 0) {
    throw invalidRequest(`A ${type} recurrence pattern needs dayOfMonth.`);
  }
  if ((type === 'absoluteYearly' || type === 'relativeYearly') && month === 0) throw invalidRequest(`A ${type} recurrence pattern needs month.`);

  const rangeType = optEnum(range, 'type', 'microsoft.graph.recurrenceRangeType', RANGE_TYPES);
  if (!rangeType) throw invalidRequest('The recurrence range type is required.');
  const startText = optString(range, 'startDate', 'microsoft.graph.recurrenceRange');
  const startDay = startText === undefined ? undefined : parseIsoDate(startText);
  if (startDay === undefined) throw invalidRequest('The recurrence range needs a valid startDate (YYYY-MM-DD).');
  const endText = optString(range, 'endDate', 'microsoft.graph.recurrenceRange');
  // Graph reads back "0001-01-01" for "no end date"; clients echo it.
  const endDay = endText === undefined || endText.startsWith('0001-01-01') ? undefined : parseIsoDate(endText);
  if (endText !== undefined && !endText.startsWith('0001-01-01') && endDay === undefined) {
    throw invalidRequest(`The recurrence range endDate '${endText}' is not a valid date.`);
  }
  const count = optInteger(range, 'numberOfOccurrences', 'microsoft.graph.recurrenceRange') ?? 0;
  const zoneText = optString(range, 'recurrenceTimeZone', 'microsoft.graph.recurrenceRange');
  const zone = zoneText === undefined || zoneText === '' ? startZone : requireZone(zoneText);

  if (startDay !== startLocalDay) {
    throw invalidRequest(
      `The recurrence range startDate '${formatIsoDate(startDay)}' must be the same as the date of the event's start, '${formatIsoDate(startLocalDay)}'.`,
    );
  }
  if (rangeType === 'endDate' && endDay === undefined) throw invalidRequest('A recurrence range of type endDate needs an endDate.');
  if (rangeType === 'endDate' && endDay !== undefined && endDay < startDay) {
    throw invalidRequest('The recurrence range endDate must not be before its startDate.');
  }
  if (count < 0 || (rangeType === 'numbered' && (count < 1 || count > 999))) {
    throw invalidRequest('A numbered recurrence range needs numberOfOccurrences between 1 and 999.');
  }

  const rule: RecurrenceRule = {
    type, interval, daysOfWeek, firstDayOfWeek, dayOfMonth, month, index, rangeType, startDay,
    ...(rangeType === 'endDate' ? { endDay } : {}),
    ...(rangeType === 'numbered' ? { numberOfOccurrences: count } : {}),
  };
  return { rule, zone, zoneGiven: zoneText !== undefined && zoneText !== '' };
}

function parseDays(pattern: JsonObject): number[] {
  const raw = optArray(pattern, 'daysOfWeek', 'microsoft.graph.recurrencePattern') ?? [];
  const days = new Set<number>();
  for (const value of raw) {
    const d = typeof value === 'string' ? dayIndex(value) : -1;
    if (d < 0) throw requestBodyRead(`Cannot convert the literal '${String(value)}' to the expected type 'microsoft.graph.dayOfWeek'.`);
    days.add(d);
  }
  return [...days].sort((a, b) => a - b);
}

/** The recurrence as Graph reads it back. */
export function recurrenceToGraph(recurrence: StoredRecurrence): object {
  const { rule, zone } = recurrence;
  return {
    pattern: {
      type: rule.type,
      interval: rule.interval,
      month: rule.month,
      dayOfMonth: rule.dayOfMonth,
      daysOfWeek: rule.daysOfWeek.map((d) => DAY_NAMES[d]),
      firstDayOfWeek: DAY_NAMES[rule.firstDayOfWeek],
      index: WEEK_INDEXES[rule.index],
    },
    range: {
      type: rule.rangeType,
      startDate: formatIsoDate(rule.startDay),
      endDate: rule.endDay === undefined ? '0001-01-01' : formatIsoDate(rule.endDay),
      recurrenceTimeZone: zone.name,
      numberOfOccurrences: rule.numberOfOccurrences ?? 0,
    },
  };
}
