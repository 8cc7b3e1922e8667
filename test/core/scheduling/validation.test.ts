import { describe, expect, it } from 'vitest';
import { UpwardError } from '../../../src/core/errors.ts';
import { findSeriesSlot } from '../../../src/core/scheduling/search.ts';
import type { SeriesRequest } from '../../../src/core/scheduling/types.ts';
import { interval } from '../../../src/core/time/intervals.ts';
import { at, person, request } from './fixtures.ts';

const valid = request(person('Ana', 'Europe/London'), person('Ravi', 'Asia/Kolkata'), { now: at('2026-02-27T12:00', 'UTC') });

function failure(req: unknown): UpwardError {
  try {
    findSeriesSlot(req as SeriesRequest);
  } catch (error) {
    if (error instanceof UpwardError) return error;
    throw error;
  }
  throw new Error('expected the request to be refused');
}

describe('findSeriesSlot refuses bad requests with errors that name the problem', () => {
  it('accepts the valid baseline', () => {
    expect(findSeriesSlot(valid).kind).toBe('plan');
  });

  it('unknown zone', () => {
    const error = failure({ ...valid, attendee: person('Ravi', 'Asia/Bangalore') });
    expect(error.code).toBe('bad_input');
    expect(error.fields.map((f) => f.field)).toContain('attendee.zone');
    expect(error.message).toContain('Asia/Bangalore');
  });

  it('reversed and zero-length terms', () => {
    expect(failure({ ...valid, term: { start: '2026-05-01', end: '2026-03-01' } }).fields).toEqual([
      { field: 'term.end', message: 'the term must end after it starts (2026-05-01 to 2026-03-01)' },
    ]);
    expect(failure({ ...valid, term: { start: '2026-05-01', end: '2026-05-01' } }).fields[0]?.field).toBe('term.end');
    expect(failure({ ...valid, term: { start: '2026-02-30', end: '2026-05-01' } }).fields[0]?.field).toBe('term.start');
  });

  it('a session longer than a working day', () => {
    const error = failure({ ...valid, durationMinutes: 60, attendee: person('Ravi', 'Asia/Kolkata', '09:00', '09:45') });
    expect(error.fields).toEqual([{ field: 'attendee.workingHours', message: "Ravi's working day (09:00–09:45) is shorter than a 60-minute session" }]);
  });

  it('a term too short for one session: only a weekend, or over before tomorrow', () => {
    const weekend = failure({ ...valid, term: { start: '2026-03-07', end: '2026-03-08' } });
    expect(weekend.fields[0]?.field).toBe('term');
    expect(weekend.fields[0]?.message).toContain("none of Ana's working days");
    const past = failure({ ...valid, term: { start: '2026-02-02', end: '2026-02-27' } });
    expect(past.fields[0]?.field).toBe('term');
    expect(past.fields[0]?.message).toContain('before the earliest possible first session on 2026-02-28');
  });

  it('unknown cadence and duration', () => {
    const error = failure({ ...valid, cadence: 'fortnightly', durationMinutes: 50 });
    expect(error.fields.map((f) => f.field)).toEqual(['cadence', 'durationMinutes']);
    expect(error.fields[0]?.message).toContain('"fortnightly"');
  });

  it('broken busy items and working hours', () => {
    const ravi = { ...person('Ravi', 'Asia/Kolkata', '09:00', '17:00', [interval(10, 5)]), workingHours: { daysOfWeek: ['someday'], start: '9am', end: '17:00' } };
    const error = failure({ ...valid, attendee: ravi });
    expect(error.fields.map((f) => f.field)).toEqual(['attendee.workingHours.daysOfWeek', 'attendee.workingHours.start', 'attendee.busy[0]']);
  });
});
