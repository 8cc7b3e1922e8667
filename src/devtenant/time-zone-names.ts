import { findIana, findWindows } from 'windows-iana';

/**
 * Windows ↔ IANA time-zone names, for everything in the development tenant that reads or writes
 * mailbox zones (Exchange reports and accepts both spellings).
 */

/**
 * CLDR (and so windows-iana and ICU) keep some zones under their old names; IANA renamed them.
 * Mailboxes and calendars show the current names, so the mapping answers with those.
 */
const RENAMED: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Europe/Kiev': 'Europe/Kyiv',
  'America/Godthab': 'America/Nuuk',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Pacific/Enderbury': 'Pacific/Kanton',
};
const windowsCache = new Map<string, string | undefined>();
const ianaCache = new Map<string, string | undefined>();

/** True when the runtime's ICU knows the IANA id. */
function isIanaZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
}

/** The Windows name for an IANA zone ("Asia/Kolkata" → "India Standard Time"), if there is one. */
export function windowsZoneName(iana: string): string | undefined {
  if (!windowsCache.has(iana)) windowsCache.set(iana, findWindows(iana)[0]);
  return windowsCache.get(iana);
}

/**
 * The IANA id for a zone given in either spelling, or undefined when neither knows it. For a
 * Windows name the golden-territory zone is taken, in its current
 * spelling ("Asia/Kolkata", not the older "Asia/Calcutta" the tables list).
 */
export function ianaZoneName(name: string): string | undefined {
  if (ianaCache.has(name)) return ianaCache.get(name);
  let result: string | undefined;
  const golden = findIana(name, '001')[0];
  if (golden !== undefined) {
    result = RENAMED[golden] ?? golden;
  } else if (isIanaZone(name)) {
    result = name;
  }
  ianaCache.set(name, result);
  return result;
}
