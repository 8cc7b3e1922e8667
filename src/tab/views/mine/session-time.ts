/** A session's time for the viewer, with the partner's local time beside it. */

const safeFormat = (options: Intl.DateTimeFormatOptions, zone: string, at: number): string | undefined => {
  try {
    return new Intl.DateTimeFormat(undefined, { ...options, timeZone: zone }).format(at);
  } catch {
    // An unknown zone name: the caller leaves that part out instead of failing the page.
    return undefined;
  }
};

/** E.g. "Tue 9 Mar, 14:00–14:45" in `zone`. */
export function slotInZone(startIso: string, endIso: string, zone: string): string {
  const start = Date.parse(startIso);
  const day = safeFormat({ weekday: 'short', day: 'numeric', month: 'short' }, zone, start) ?? new Date(start).toDateString();
  const from = safeFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, zone, start) ?? '';
  const to = safeFormat({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, zone, Date.parse(endIso)) ?? '';
  return `${day}, ${from}–${to}`;
}

/** E.g. "15:00 Wed for Sam (Asia/Tokyo)"; undefined when the zone is unknown or the same as mine. */
export function partnerLocal(startIso: string, partnerZone: string | undefined, viewerZone: string, partnerName: string): string | undefined {
  if (partnerZone === undefined || partnerZone === viewerZone) return undefined;
  const at = Date.parse(startIso);
  const time = safeFormat({ weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, partnerZone, at);
  return time === undefined ? undefined : `${time} for ${partnerName} (${partnerZone})`;
}
