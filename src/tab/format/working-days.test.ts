import { describe, expect, it } from 'vitest';
import { describeWorkingDays } from './working-days.ts';

const say = (days: string[]): string => describeWorkingDays(days, 'en');

describe('describeWorkingDays', () => {
  it('writes a working week as one run', () => {
    expect(say(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'])).toBe('Monday–Friday');
  });

  it('keeps a Sunday–Thursday week together across the end of the week', () => {
    expect(say(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday'])).toBe('Sunday–Thursday');
    expect(say(['saturday', 'sunday', 'monday'])).toBe('Saturday–Monday');
  });

  it('lists days that do not form a run of three, Monday first', () => {
    expect(say(['friday', 'wednesday', 'monday'])).toBe('Monday, Wednesday, and Friday');
    expect(say(['tuesday', 'monday'])).toBe('Monday and Tuesday');
    expect(say(['monday', 'tuesday', 'wednesday', 'friday'])).toBe('Monday–Wednesday and Friday');
  });

  it('ignores case, duplicates and unknown names, and names the edge cases', () => {
    expect(say(['Monday', 'MONDAY', 'funday'])).toBe('Monday');
    expect(say([])).toBe('No working days set');
    expect(say(['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'])).toBe('Every day');
  });

  it('uses the viewer’s language for day names', () => {
    expect(describeWorkingDays(['monday', 'tuesday', 'wednesday', 'thursday', 'friday'], 'de')).toBe('Montag–Freitag');
  });
});
