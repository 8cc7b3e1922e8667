import { Temporal } from 'temporal-polyfill';
import { findIana, WINDOWS_TO_IANA_MAP } from 'windows-iana';
import { badInput } from '../errors.ts';
import { DAY_MS, epochMs, ianaZone, MINUTE_MS, type EpochMs, type IanaZone } from '../time.ts';
import { localDate, type LocalDate } from './local-date.ts';
import { currentZoneName } from './zone-names.ts';

/**
 * Zone names at the edge of the core. Graph and Outlook hand out Windows names ("GMT Standard
 * Time") as often as IANA ones; everything inside the core uses IANA ids only.
 */

const resolved = new Map<string, IanaZone>();

/**
 * The IANA zone for an IANA id (any letter case; returned in its canonical spelling) or a
 * Windows zone name, mapped with CLDR's windowsZones table (the `windows-iana` package) to the
 * zone CLDR lists for the world territory ("001"). Either way the zone comes back under IANA's
 * current name (`currentZoneName`): `India Standard Time` and `Asia/Calcutta` → `Asia/Kolkata`.
 * Offsets such as `+05:30` are refused: they have no daylight-saving rules, so a weekly meeting
 * would drift by an hour twice a year.
 * @throws UpwardError `bad_input` naming `field` for anything else.
 */
export function toIanaZone(name: string, field = 'zone'): IanaZone {
  const key = typeof name === 'string' ? name.trim() : '';
  const hit = resolved.get(key);
  if (hit !== undefined) return hit;
  const found = key === '' ? undefined : (asIana(key) ?? fromWindows(key));
  const zone = found === undefined ? undefined : currentZoneName(found);
  if (zone === undefined) {
    const shown = typeof name === 'string' ? name : String(name);
    throw badInput(`Unknown time zone "${shown}"`, [
      {
        field,
        message: `"${shown}" is neither an IANA time zone (such as Europe/London) nor a Windows time zone name (such as GMT Standard Time)`,
      },
    ]);
  }
  if (resolved.size > 4096) resolved.clear();
  resolved.set(key, zone);
  return zone;
}

function asIana(name: string): IanaZone | undefined {
  // Temporal also accepts UTC offsets as zones; those are not IANA ids (see above).
  if (!/^[A-Za-z]/.test(name)) return undefined;
  try {
    return ianaZone(Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(name).timeZoneId);
  } catch {
    return undefined;
  }
}

function fromWindows(name: string): IanaZone | undefined {
  let candidates = findIana(name, '001');
  if (candidates.length === 0) {
    // Graph's spelling is exact, people's is not: retry ignoring case.
    const lower = name.toLowerCase();
    const entry = WINDOWS_TO_IANA_MAP.find((e) => e.territory === '001' && e.windowsName.toLowerCase() === lower);
    if (entry) candidates = findIana(entry.windowsName, '001');
  }
  for (const candidate of candidates) {
    const zone = asIana(candidate);
    if (zone !== undefined) return zone;
  }
  return undefined;
}

/**
 * A short place name for people: `Europe/London` → `London`, `America/St_Johns` → `St Johns`;
 * under its current name whichever id is stored (`Asia/Calcutta` → `Kolkata`).
 */
export function zoneLabel(zone: IanaZone): string {
  const current = currentZoneName(zone);
  const last = current.slice(current.lastIndexOf('/') + 1);
  return last.replace(/_/g, ' ');
}

/**
 * The instant a wall-clock time on a date has in a zone — exact, via Temporal; for one-off
 * conversions at the edge (the series search uses `ZoneTimeline`, which gives the same answers
 * on plain numbers).
 *
 * DST rule (Temporal's `compatible`, which is also what Outlook and RFC 5545 do): a time that
 * does not exist because clocks jump forward is moved forward by the length of the jump
 * (02:30 on the US spring-forward day is 03:30 EDT); a time that happens twice because clocks go
 * back is the earlier of the two (01:30 on the US fall-back day is 01:30 EDT).
 */
export function localToEpoch(date: LocalDate, minuteOfDay: number, zone: IanaZone): EpochMs {
  return exactWallToEpoch(zone, date * DAY_MS + minuteOfDay * MINUTE_MS);
}

/** The local date and minute of day (rounded down) of an instant in a zone — exact, via Temporal. */
export function epochToLocal(at: EpochMs, zone: IanaZone): { date: LocalDate; minuteOfDay: number } {
  const wall = at + exactOffsetAt(zone, at);
  const date = Math.floor(wall / DAY_MS);
  return { date: localDate(date), minuteOfDay: Math.floor((wall - date * DAY_MS) / MINUTE_MS) };
}

/** UTC offset in milliseconds of a zone at an instant, via Temporal. */
export function exactOffsetAt(zone: IanaZone, at: number): number {
  return Temporal.Instant.fromEpochMilliseconds(at).toZonedDateTimeISO(zone).offsetNanoseconds / 1e6;
}

/**
 * The instant of a wall-clock time (`WallMs`: local date and time written as if it were UTC) in a
 * zone, with the `compatible` rule described at `localToEpoch`.
 */
export function exactWallToEpoch(zone: IanaZone, wall: number): EpochMs {
  const d = new Date(wall);
  const plain = new Temporal.PlainDateTime(
    d.getUTCFullYear(),
    d.getUTCMonth() + 1,
    d.getUTCDate(),
    d.getUTCHours(),
    d.getUTCMinutes(),
    d.getUTCSeconds(),
    d.getUTCMilliseconds(),
  );
  return epochMs(plain.toZonedDateTime(zone, { disambiguation: 'compatible' }).epochMilliseconds);
}
