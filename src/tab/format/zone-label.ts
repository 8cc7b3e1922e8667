import { zoneName } from './zone-name.ts';

/** A zone as people read it: "India Standard Time (Asia/Kolkata)", or just the id when no better name is known. */
export function zoneLabel(zone: { readonly iana: string; readonly label: string }, locale?: string): string {
  const name = zoneName(zone, locale);
  return name === zone.iana ? zone.iana : `${name} (${zone.iana})`;
}
