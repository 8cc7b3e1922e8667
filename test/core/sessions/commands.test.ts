import { describe, expect, it } from 'vitest';
import { parseCommand, type ChatCommand } from '../../../src/core/sessions/commands.ts';
import { epochMs, ianaZone } from '../../../src/core/time.ts';
import { formatLocalDate } from '../../../src/core/time/local-date.ts';

const london = ianaZone('Europe/London');
// Tuesday 10 March 2026, midday in London.
const now = epochMs(Date.parse('2026-03-10T12:00:00Z'));

/** The command as a short string, so the table below reads at a glance. */
function read(text: string, at = now, zone = london): string {
  const command: ChatCommand = parseCommand(text, at, zone);
  switch (command.kind) {
    case 'pause':
      return `pause ${formatLocalDate(command.until)} @${new Date(command.resumeAt).toISOString()}`;
    case 'invalid':
      return `invalid: ${command.message}`;
    case 'not-understood':
      return `not-understood: ${command.text}`;
    default:
      return command.kind;
  }
}

describe('parseCommand', () => {
  it.each([
    ['help', 'help'],
    ['HELP!', 'help'],
    ['/help', 'help'],
    ['<at>Upward</at> help please', 'help'],
    ['What can you do?', 'help'],
    ['hi', 'help'],
    ['', 'help'],
    ['hlep', 'help'],
    ['next', 'next'],
    ['When is my next session?', 'next'],
    ["when's our next meeting", 'next'],
    ['Next session please.', 'next'],
    ['upcoming', 'next'],
    ['nxet', 'next'],
    ['leave', 'leave'],
    ['I want to leave the program', 'leave'],
    ['opt out', 'leave'],
    ['Quit', 'leave'],
    ['pause', 'pause-ask'],
    ['pause my sessions', 'pause-ask'],
  ])('%j → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['pause until 2026-03-24', 'pause 2026-03-24 @2026-03-24T00:00:00.000Z'],
    ['pause till 3 April', 'pause 2026-04-03 @2026-04-02T23:00:00.000Z'],
    ['pause until April 3rd', 'pause 2026-04-03 @2026-04-02T23:00:00.000Z'],
    ['Pause until the 3rd of April, please', 'pause 2026-04-03 @2026-04-02T23:00:00.000Z'],
    ['pause until 3 Apr 2026', 'pause 2026-04-03 @2026-04-02T23:00:00.000Z'],
    ['pause for 2 weeks', 'pause 2026-03-24 @2026-03-24T00:00:00.000Z'],
    ['pause for two weeks', 'pause 2026-03-24 @2026-03-24T00:00:00.000Z'],
    ['pause 10 days', 'pause 2026-03-20 @2026-03-20T00:00:00.000Z'],
    ['pause for a fortnight', 'pause 2026-03-24 @2026-03-24T00:00:00.000Z'],
    ['pause for a month', 'pause 2026-04-10 @2026-04-09T23:00:00.000Z'],
    ['take a break until next monday', 'pause 2026-03-16 @2026-03-16T00:00:00.000Z'],
    ['pause until tuesday', 'pause 2026-03-17 @2026-03-17T00:00:00.000Z'],
    ['pause until tomorrow', 'pause 2026-03-11 @2026-03-11T00:00:00.000Z'],
    ['puase until 1 December', 'pause 2026-12-01 @2026-12-01T00:00:00.000Z'],
  ])('%j → %s', (text, expected) => {
    expect(read(text)).toBe(expected);
  });

  it.each([
    ['pause till 3 March', /^invalid: 3 March 2026 is in the past\. Pick a date after today\./],
    ['pause until 2025-12-01', /^invalid: 1 December 2025 is in the past/],
    ['pause until today', /^invalid: 10 March 2026 is today/],
    ['pause until 2026-02-30', /^invalid: 2026-02-30 is not a date in the calendar/],
    ['pause until 31 June', /^invalid: 31 June is not a date in the calendar/],
    ['pause until 03/04', /^invalid: I can't tell which date 03\/04 is/],
    ['pause until someday', /^invalid: I didn't recognise "someday" as a date/],
    ['pause for ages', /^invalid: I didn't get how long "ages" is/],
    ['pause until 2028-01-01', /^invalid: 1 January 2028 is more than a year away/],
  ])('%j is refused with a clear reason', (text, message) => {
    const answer = read(text);
    expect(answer).toMatch(message);
    expect(answer).toContain('pause');
  });

  it.each(['delete everything', 'leave me alone', 'next week I am busy', 'help me find a new job', '12345'])('%j is not understood', (text) => {
    expect(read(text)).toBe(`not-understood: ${text}`);
  });

  it('reads a date without a year as next year’s when that is near', () => {
    expect(read('pause until 10 January', epochMs(Date.parse('2026-12-20T12:00:00Z')))).toBe('pause 2027-01-10 @2027-01-10T00:00:00.000Z');
  });

  it('reads "tomorrow" in the person’s zone', () => {
    // 20:00 UTC on 10 March is already 01:30 on 11 March in Kolkata.
    const late = epochMs(Date.parse('2026-03-10T20:00:00Z'));
    expect(read('pause until tomorrow', late, ianaZone('Asia/Kolkata'))).toBe('pause 2026-03-12 @2026-03-11T18:30:00.000Z');
    expect(read('pause until tomorrow', late, london)).toBe('pause 2026-03-11 @2026-03-11T00:00:00.000Z');
  });
});
