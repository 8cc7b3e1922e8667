import { describe, expect, it } from 'vitest';
import { ianaZoneName, windowsZoneName } from '../../src/devtenant/time-zone-names.ts';

describe('Windows ↔ IANA zone names', () => {
  it('maps Windows names to current IANA ids, including half-hour and 45-minute zones', () => {
    expect(ianaZoneName('India Standard Time')).toBe('Asia/Kolkata');
    expect(ianaZoneName('Nepal Standard Time')).toBe('Asia/Kathmandu');
    expect(ianaZoneName('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(ianaZoneName('Newfoundland Standard Time')).toBe('America/St_Johns');
    expect(ianaZoneName('Cen. Australia Standard Time')).toBe('Australia/Adelaide');
    expect(ianaZoneName('W. Europe Standard Time')).toBe('Europe/Berlin');
  });

  it('passes IANA ids through and rejects unknown names', () => {
    expect(ianaZoneName('Europe/London')).toBe('Europe/London');
    expect(ianaZoneName('Mars Standard Time')).toBeUndefined();
    expect(ianaZoneName('Not/AZone')).toBeUndefined();
  });

  it('maps IANA ids to Windows names', () => {
    expect(windowsZoneName('Asia/Kolkata')).toBe('India Standard Time');
    expect(windowsZoneName('Europe/London')).toBe('GMT Standard Time');
    expect(windowsZoneName('America/Sao_Paulo')).toBe('E. South America Standard Time');
  });
});
