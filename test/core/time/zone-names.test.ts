/**
 * IANA's current zone names: renamed zones under their new names whichever spelling is given,
 * every other zone as it is; and the renaming table agrees with the runtime's own zone data.
 * Place names as labels show them follow the same table.
 */
import { describe, expect, it } from 'vitest';
import { ianaZone } from '../../../src/core/time.ts';
import { currentPlaceName, currentZoneName, RENAMED_ZONES } from '../../../src/core/time/zone-names.ts';
import { exactOffsetAt } from '../../../src/core/time/zones.ts';

const current = (zone: string) => currentZoneName(ianaZone(zone));
const cldrId = (zone: string) => new Intl.DateTimeFormat('en', { timeZone: zone }).resolvedOptions().timeZone;

describe('currentZoneName', () => {
  it('names renamed zones as IANA does today', () => {
    expect(current('Asia/Calcutta')).toBe('Asia/Kolkata');
    expect(current('Asia/Saigon')).toBe('Asia/Ho_Chi_Minh');
    expect(current('Europe/Kiev')).toBe('Europe/Kyiv');
    expect(current('America/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
  });

  it('recognises a renamed zone in any letter case', () => {
    expect(current('asia/calcutta')).toBe('Asia/Kolkata');
    expect(current('ASIA/KOLKATA')).toBe('Asia/Kolkata');
  });

  it('leaves current names, other links and unknown zones as they are', () => {
    for (const zone of ['Asia/Kolkata', 'Europe/Kyiv', 'Europe/London', 'UTC', 'Europe/Belfast', 'Europe/Zaporozhye', 'Mars/Olympus_Mons']) {
      expect(current(zone)).toBe(zone);
    }
  });

  it('renames only within one zone: CLDR\'s id and the current name are the same zone in the runtime\'s data', () => {
    const instants = [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15), Date.UTC(2000, 0, 1)];
    for (const [cldr, now] of Object.entries(RENAMED_ZONES)) {
      expect(cldrId(cldr), cldr).toBe(cldr);
      expect(cldrId(now), now).toBe(cldr);
      for (const at of instants) expect(exactOffsetAt(ianaZone(now), at), `${now} at ${new Date(at).toISOString()}`).toBe(exactOffsetAt(ianaZone(cldr), at));
    }
  });
});

describe('currentPlaceName', () => {
  it('names the places of renamed zones as IANA does today', () => {
    expect(currentPlaceName('Calcutta')).toBe('Kolkata');
    expect(currentPlaceName('Saigon')).toBe('Ho Chi Minh');
    expect(currentPlaceName('Kiev')).toBe('Kyiv');
    expect(currentPlaceName('Godthab')).toBe('Nuuk');
  });

  it('leaves current places and places that kept their name as they are', () => {
    for (const place of ['Kolkata', 'Ho Chi Minh', 'London', 'Buenos Aires', 'Indianapolis', 'UTC']) expect(currentPlaceName(place)).toBe(place);
  });
});
