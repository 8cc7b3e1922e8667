/** True for an IANA zone id ("Asia/Kolkata", "UTC"), as opposed to a Windows name ("India Standard Time"). */
export const isIanaId = (zone: string): boolean => zone.includes('/') || zone === 'UTC';

// Generic names depend on the zone's rules at the date formatted; 1970 would give old rules (no
// daylight saving in Berlin, so "Standard" time), a fixed recent date gives today's.
const RECENT = Date.UTC(2025, 0, 1);

/**
 * The name people use for a zone, in the viewer's language: the mailbox's own name when it has
 * one ("India Standard Time"), else the browser's long name for the IANA id ("India Standard
 * Time", "Central European Time"), else the id itself.
 */
export function zoneName(zone: { readonly iana: string; readonly label: string }, locale?: string): string {
  const label = zone.label.trim();
  if (label !== '' && !isIanaId(label)) return label;
  try {
    const part = new Intl.DateTimeFormat(locale, { timeZone: zone.iana, timeZoneName: 'longGeneric' })
      .formatToParts(RECENT)
      .find((p) => p.type === 'timeZoneName');
    // Intl falls back to "GMT+05:30"-style names when it knows none; the id says more than that.
    if (part !== undefined && !/^(GMT|UTC)[+-−]/.test(part.value)) return part.value;
  } catch {
    // An id the browser does not know: show it as it is.
  }
  return zone.iana;
}
