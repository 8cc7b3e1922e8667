/** Graph's day names in week order, Sunday first as Graph's `dayOfWeek` enumeration has them. */
export const GRAPH_DAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

// 2023-01-01 was a Sunday; noon UTC keeps every zone on the same calendar day.
const SUNDAY_NOON_UTC = Date.UTC(2023, 0, 1, 12);
const DAY_MS = 86_400_000;

/** The localised full name of the day at `index` (0 = Sunday), e.g. "Monday". */
export function dayName(index: number, locale: string | undefined): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(SUNDAY_NOON_UTC + index * DAY_MS);
}
