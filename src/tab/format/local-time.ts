/**
 * The time now in `zone`, e.g. "Tuesday 14:32", formatted for the viewer's locale. Undefined when
 * the browser does not know the zone, so the caller can leave the clock out instead of failing.
 */
export function localTimeIn(zone: string, now: number, locale?: string): string | undefined {
  try {
    return new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'long', hour: '2-digit', minute: '2-digit' }).format(now);
  } catch {
    return undefined;
  }
}
