import { ianaZone, type IanaZone } from '../time.ts';

/**
 * Zones under the names IANA gives them today ("Asia/Kolkata", not "Asia/Calcutta").
 *
 * Why a table: CLDR never changes a zone's canonical id once published, so the zone data in the
 * project leans towards the older spelling. ICU, and so `Intl`, resolves "Asia/Kolkata" to
 * "Asia/Calcutta"; Temporal and luxon keep whichever id they are given; windows-iana maps "India
 * Standard Time" to "Asia/Calcutta", and its alias groups list both names without saying which
 * one IANA uses (its data does not know "Europe/Kyiv" at all). None of them records IANA's
 * current name, so these are IANA's renamings of a place (its `backward` file), each keyed by the
 * id CLDR keeps. A test checks every pair against the runtime's own zone data (`Intl` must resolve both
 * names to that same CLDR id), so a wrong or stale entry fails there rather than showing a wrong
 * place.
 */
export const RENAMED_ZONES: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

/** Both spellings of each renamed zone, in lower case, to its current name. */
const CURRENT_BY_SPELLING: ReadonlyMap<string, string> = new Map(
  Object.entries(RENAMED_ZONES).flatMap(([cldr, current]) => [
    [cldr.toLowerCase(), current],
    [current.toLowerCase(), current],
  ]),
);

/**
 * The zone's current IANA name: a renamed zone under its new name, in either spelling and any
 * letter case; any other zone as it is. Other links keep their own place names ("Europe/Belfast",
 * or "Europe/Zaporozhye", which IANA merged into Kyiv but did not rename).
 */
export function currentZoneName(zone: IanaZone): IanaZone {
  const current = CURRENT_BY_SPELLING.get(zone.toLowerCase());
  return current === undefined ? zone : ianaZone(current);
}

/** The place a zone id names, as labels show it: "Asia/Ho_Chi_Minh" → "Ho Chi Minh". */
const placeOf = (zone: string): string => zone.slice(zone.lastIndexOf('/') + 1).replace(/_/g, ' ');

/** Old place names of renamed zones ("Calcutta") to the current ones ("Kolkata"); places that kept their name are left out. */
const CURRENT_PLACE_BY_OLD: ReadonlyMap<string, string> = new Map(
  Object.entries(RENAMED_ZONES)
    .map(([cldr, current]) => [placeOf(cldr), placeOf(current)] as const)
    .filter(([old, current]) => old !== current),
);

/**
 * A place as a zone label names it, under its current name: "Calcutta" → "Kolkata", "Kiev" →
 * "Kyiv"; any other place as it is. For text stored before labels used current names, such as
 * a booking's explanation.
 */
export function currentPlaceName(place: string): string {
  return CURRENT_PLACE_BY_OLD.get(place) ?? place;
}
