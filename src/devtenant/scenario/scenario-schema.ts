import { z } from 'zod';
import { MAIN_DOMAIN } from '../org/organisations.ts';
import { ianaZoneName } from '../time-zone-names.ts';

/**
 * The scenario file format (YAML or JSON): an organisation's people with their zones, working
 * hours, managers and roles, and their calendar items, recurring ones included. Strict: an
 * unknown field is an error, so a typo never silently falls back to a default.
 */

export const DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'] as const;

/** A type error's message, or "is required" when the field is missing. */
const orRequired = (message: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'is required' : message) });

const day = z.enum(DAYS, { error: `must be a day of the week (${DAYS.join(', ')})` });

/** A zone in either spelling Exchange accepts: IANA ("Asia/Kathmandu") or Windows ("Nepal Standard Time"). */
export const zoneName = z
  .string(orRequired('must be a time zone name'))
  .min(1)
  .refine((name) => ianaZoneName(name) !== undefined, {
    error: (issue) => `unknown time zone '${String(issue.input)}' (use an IANA id such as "Asia/Kathmandu" or a Windows name such as "Nepal Standard Time")`,
  });

const timeOfDay = z.string(orRequired('must be a time "HH:mm"')).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time "HH:mm" (24-hour)');

const isValidDate = (text: string): boolean => {
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};
const isoDate = z
  .string({ error: 'must be a date "YYYY-MM-DD"' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date "YYYY-MM-DD"')
  .refine(isValidDate, 'is not a calendar date');
/** Wall-clock time in the item's zone; quoted in YAML so that it stays a string. */
const localDateTime = z
  .string({ error: 'must be a local date-time "YYYY-MM-DDTHH:mm" (in quotes)' })
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, 'must be a local date-time "YYYY-MM-DDTHH:mm" without an offset (the zone is given separately)')
  .refine(isValidDate, 'is not a calendar date');

const workingHours = z
  .strictObject({
    days: z.array(day).min(1, 'needs at least one day').default([...WEEKDAYS]),
    start: timeOfDay.default('09:00'),
    end: timeOfDay.default('17:00'),
    /** Defaults to the person's timeZone. */
    timeZone: zoneName.optional(),
  })
  .refine((w) => w.start < w.end, { path: ['end'], error: 'must be later than start (working hours cannot span midnight)' });

/** Graph's patternedRecurrence, with range.startDate defaulting to the date of the item's start. */
const recurrence = z.strictObject({
  pattern: z
    .strictObject({
      type: z.enum(['daily', 'weekly', 'absoluteMonthly', 'relativeMonthly', 'absoluteYearly', 'relativeYearly']),
      interval: z.number().int().min(1).max(99).default(1),
      daysOfWeek: z.array(day).optional(),
      firstDayOfWeek: day.optional(),
      dayOfMonth: z.number().int().min(1).max(31).optional(),
      month: z.number().int().min(1).max(12).optional(),
      index: z.enum(['first', 'second', 'third', 'fourth', 'last']).optional(),
    })
    .refine((p) => !['weekly', 'relativeMonthly', 'relativeYearly'].includes(p.type) || (p.daysOfWeek?.length ?? 0) > 0, {
      path: ['daysOfWeek'],
      error: 'is required for this pattern type',
    })
    .refine((p) => !['absoluteMonthly', 'absoluteYearly'].includes(p.type) || p.dayOfMonth !== undefined, { path: ['dayOfMonth'], error: 'is required for this pattern type' })
    .refine((p) => !['absoluteYearly', 'relativeYearly'].includes(p.type) || p.month !== undefined, { path: ['month'], error: 'is required for this pattern type' }),
  range: z
    .strictObject({
      type: z.enum(['endDate', 'numbered', 'noEnd']),
      startDate: isoDate.optional(),
      endDate: isoDate.optional(),
      numberOfOccurrences: z.number().int().min(1).max(999).optional(),
      recurrenceTimeZone: zoneName.optional(),
    })
    .refine((r) => r.type !== 'endDate' || r.endDate !== undefined, { path: ['endDate'], error: 'is required when the range type is endDate' })
    .refine((r) => r.type !== 'numbered' || r.numberOfOccurrences !== undefined, { path: ['numberOfOccurrences'], error: 'is required when the range type is numbered' }),
});

const calendarItem = z
  .strictObject({
    subject: z.string(orRequired('must be text')).min(1, 'must not be empty'),
    start: localDateTime,
    end: localDateTime,
    /** The zone of start and end; defaults to the person's timeZone. */
    zone: zoneName.optional(),
    showAs: z.enum(['free', 'tentative', 'busy', 'oof', 'workingElsewhere']).default('busy'),
    isPrivate: z.boolean().default(false),
    isAllDay: z.boolean().default(false),
    /** Other people of the scenario invited (by UPN): the item is a meeting on their calendars too. */
    attendees: z.array(z.string().min(1)).default([]),
    recurrence: recurrence.optional(),
  })
  .refine((item) => item.start.padEnd(19, ':00') < item.end.padEnd(19, ':00'), { path: ['end'], error: 'must be later than start' })
  .refine((item) => !item.isAllDay || (/T00:00(:00)?$/.test(item.start) && /T00:00(:00)?$/.test(item.end)), {
    path: ['isAllDay'],
    error: 'an all-day item must start and end at midnight',
  })
  .refine((item) => item.recurrence?.range.startDate === undefined || item.recurrence.range.startDate === item.start.slice(0, 10), {
    path: ['recurrence', 'range', 'startDate'],
    error: 'must be the date of the item\'s start (as Graph requires)',
  });

export const PERSON_ROLES = ['ProgramAdmin'] as const;

const person = z.strictObject({
  /** Directory object id; derived from the UPN when absent, so it is stable across runs. */
  id: z.guid('must be a GUID').optional(),
  displayName: z.string(orRequired('must be text')).trim().min(1, 'must not be empty'),
  givenName: z.string().optional(),
  surname: z.string().optional(),
  /** Derived from the name and the organisation's domain when absent ("Sita Shrestha" → sita.shrestha@...). */
  upn: z.email('must be an address such as "name@fabrikam.example"').optional(),
  jobTitle: z.string().default('Employee'),
  department: z.string().default('General'),
  /** Seniority 1 (graduate) .. 10 (chief executive); defaults by position in the tree. */
  level: z.number().int().min(1).max(10).optional(),
  managerUpn: z.string().min(1).optional(),
  timeZone: zoneName,
  workingHours: workingHours.prefault({}),
  roles: z.array(z.enum(PERSON_ROLES, { error: `must be one of: ${PERSON_ROLES.join(', ')}` })).default([]),
  officeLocation: z.string().optional(),
  city: z.string().optional(),
  country: z.string().optional(),
  usageLocation: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as "NP"').optional(),
  preferredLanguage: z.string().optional(),
  accountEnabled: z.boolean().default(true),
  employeeType: z.enum(['Employee', 'Contractor']).default('Employee'),
  calendar: z.array(calendarItem).default([]),
});

/** The file's fields; checkScenarioReferences then checks what spans fields and people. */
export const scenarioSchema = z.strictObject({
  /** A short name of the case, e.g. "Kathmandu and St John's never overlap". */
  scenario: z.string().optional(),
  description: z.string().optional(),
  organisation: z
    .strictObject({
      displayName: z.string().min(1).default('Fabrikam'),
      domain: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'must be a domain such as "fabrikam.example"').default(MAIN_DOMAIN),
    })
    .prefault({}),
  people: z.array(person, orRequired('must be a list of people')).min(1, 'needs at least one person'),
});

/** A validated scenario with defaults applied. */
export type ScenarioData = z.output<typeof scenarioSchema>;
export type ScenarioPersonData = ScenarioData['people'][number];
export type ScenarioItemData = ScenarioPersonData['calendar'][number];
export type ScenarioRecurrenceData = NonNullable<ScenarioItemData['recurrence']>;
