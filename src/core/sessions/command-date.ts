/**
 * Dates and durations as people type them in a chat: "3 March", "March 3rd", "2026-03-03",
 * "tomorrow", "next monday", "2 weeks". Read against the person's own today; no zone here.
 */
import { addDays, dateOf, dateParts, formatLocalDate, isoWeekday, parseLocalDate, type LocalDate } from '../time/local-date.ts';

export type DateReading =
  | { readonly ok: true; readonly date: LocalDate }
  | { readonly ok: false; readonly message: string };

const MONTHS: Readonly<Record<string, number>> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10,
  nov: 11, november: 11, dec: 12, december: 12,
};
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS: Readonly<Record<string, number>> = {
  mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5, sat: 6, saturday: 6, sun: 7, sunday: 7,
};
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, couple: 2, 'a couple of': 2, few: 3, 'a few': 3,
};

/**
 * A date without a year whose day has already passed this year means next year's only when that
 * is at most this many days ahead ("10 January" typed in December). Further off, it is more likely
 * a date just gone ("3 March" typed on 10 March), and is read as this year's so the caller can say
 * it has passed instead of pausing someone for a year.
 */
export const YEARLESS_LOOKAHEAD_DAYS = 183;

/** "3 March 2026" for people. */
export function describeDate(date: LocalDate): string {
  const { year, month, day } = dateParts(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/**
 * Reads a date. `undefined` when the text does not look like a date at all (so the caller can
 * say it did not understand); `{ ok: false }` with a sentence when it looks like one but is not
 * usable (30 February, 03/04 which could be March or April).
 */
export function readDate(text: string, today: LocalDate): DateReading | undefined {
  const t = text.toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ').trim().replace(/^(the|on) /, '');
  if (t === 'today') return { ok: true, date: today };
  if (t === 'tomorrow' || t === 'tmrw' || t === 'tmr') return { ok: true, date: addDays(today, 1) };

  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (iso) {
    const padded = `${iso[1]}-${iso[2]!.padStart(2, '0')}-${iso[3]!.padStart(2, '0')}`;
    const date = parseLocalDate(padded);
    return date === undefined ? { ok: false, message: `${text.trim()} is not a date in the calendar.` } : { ok: true, date };
  }

  if (/^\d{1,2}[/.]\d{1,2}([/.]\d{2,4})?$/.test(t)) {
    return { ok: false, message: `I can't tell which date ${text.trim()} is (day first or month first?). Write it like 3 March or ${formatLocalDate(today)}.` };
  }

  const weekday = /^(?:(next|this|coming|the coming) )?([a-z]+)$/.exec(t);
  if (weekday && WEEKDAYS[weekday[2]!] !== undefined) {
    const target = WEEKDAYS[weekday[2]!]!;
    const ahead = (target - isoWeekday(today) + 7) % 7 || 7;
    return { ok: true, date: addDays(today, ahead) };
  }

  const dayFirst = /^(\d{1,2})(?:st|nd|rd|th)? (?:of )?([a-z]+)(?: (\d{4}))?$/.exec(t);
  const monthFirst = /^([a-z]+) (?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: (\d{4}))?$/.exec(t);
  const parts = dayFirst
    ? { day: dayFirst[1]!, month: dayFirst[2]!, year: dayFirst[3] }
    : monthFirst
      ? { day: monthFirst[2]!, month: monthFirst[1]!, year: monthFirst[3] }
      : undefined;
  if (parts === undefined || MONTHS[parts.month] === undefined) return undefined;
  const month = MONTHS[parts.month]!;
  const shown = `${Number(parts.day)} ${MONTH_NAMES[month - 1]}${parts.year === undefined ? '' : ` ${parts.year}`}`;
  return calendarDate(Number(parts.year ?? 0), month, Number(parts.day), today, shown);
}

function calendarDate(year: number, month: number, day: number, today: LocalDate, shown: string): DateReading {
  const exact = (y: number): LocalDate | undefined => {
    const date = dateOf(y, month, day);
    const back = dateParts(date);
    return back.month === month && back.day === day ? date : undefined;
  };
  if (year !== 0) {
    const date = exact(year);
    return date === undefined ? { ok: false, message: `${shown} is not a date in the calendar.` } : { ok: true, date };
  }
  const thisYear = dateParts(today).year;
  const current = exact(thisYear);
  if (current !== undefined && current >= today) return { ok: true, date: current };
  const next = exact(thisYear + 1);
  if (next !== undefined && next - today <= YEARLESS_LOOKAHEAD_DAYS) return { ok: true, date: next };
  // This year's has passed and next year's is far off: the person most likely meant this year's.
  if (current !== undefined) return { ok: true, date: current };
  // 29 February in a run of common years: the next leap year's.
  for (let y = thisYear + 1; y <= thisYear + 4; y++) {
    const date = exact(y);
    if (date !== undefined) return { ok: true, date };
  }
  return { ok: false, message: `${shown} is not a date in the calendar.` };
}

/**
 * Reads a duration such as "2 weeks", "a fortnight", "10 days", "a month" and returns the date
 * it ends on; `undefined` when the text is not a duration. Months are calendar months, kept
 * inside the month (31 January + 1 month is 28 or 29 February).
 */
export function readDuration(text: string, today: LocalDate): LocalDate | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === 'a fortnight' || t === 'fortnight') return addDays(today, 14);
  const match = /^(\d{1,3}|a couple of|a few|couple|few|[a-z]+) (day|days|week|weeks|wk|wks|month|months|mo)$/.exec(t);
  if (!match) return undefined;
  const count = /^\d+$/.test(match[1]!) ? Number(match[1]) : NUMBER_WORDS[match[1]!];
  if (count === undefined || count < 1) return undefined;
  const unit = match[2]!;
  if (unit.startsWith('d')) return addDays(today, count);
  if (unit.startsWith('w')) return addDays(today, count * 7);
  const { year, month, day } = dateParts(today);
  const lastDay = dateParts(dateOf(year, month + count + 1, 0)).day;
  return dateOf(year, month + count, Math.min(day, lastDay));
}
