import { findIana } from 'windows-iana';
import { badInput } from '../core/errors.ts';
import { ianaZone, type IanaZone } from '../core/time.ts';

const isIana = (name: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.includes('/') || name === 'UTC';
  } catch {
    return false;
  }
};

/**
 * Graph gives zones as Windows names ("India Standard Time") or IANA ids; Upward's core speaks
 * IANA only. The mapping is the maintained CLDR table in `windows-iana`.
 */
export function zoneNameToIana(name: string): IanaZone {
  if (isIana(name)) return ianaZone(name);
  const candidates = findIana(name);
  const first = candidates?.[0];
  if (first) return ianaZone(first);
  throw badInput(`unknown time zone "${name}"`, [{ field: 'timeZone', message: `"${name}" is neither an IANA nor a Windows zone name` }]);
}
