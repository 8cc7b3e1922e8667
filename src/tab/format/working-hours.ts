import type { Profile } from '../../contracts/me.ts';
import { describeWorkingDays } from './working-days.ts';
import { isIanaId, zoneName } from './zone-name.ts';

/**
 * The zone name to show beside working hours: the mailbox's own name ("India Standard Time"),
 * which people read easily; an IANA id is replaced by the zone's everyday name.
 */
export function workingHoursZoneLabel(profile: Pick<Profile, 'timeZone' | 'workingHours'>, locale?: string): string {
  const zone = profile.workingHours.timeZone.trim();
  if (zone === '' || zone === profile.timeZone.iana) return zoneName(profile.timeZone, locale);
  return isIanaId(zone) ? zoneName({ iana: zone, label: '' }, locale) : zone;
}

/** e.g. "Monday–Friday, 09:00–17:30 (India Standard Time)". */
export function describeWorkingHours(profile: Pick<Profile, 'timeZone' | 'workingHours'>, locale?: string): string {
  const hours = profile.workingHours;
  const days = describeWorkingDays(hours.daysOfWeek, locale);
  return `${days}, ${hours.startTime.slice(0, 5)}–${hours.endTime.slice(0, 5)} (${workingHoursZoneLabel(profile, locale)})`;
}
