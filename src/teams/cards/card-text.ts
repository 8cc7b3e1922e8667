/**
 * Text for cards. Adaptive Cards render TextBlock and FactSet text as markdown, and Teams reads
 * `{{DATE(…)}}` in it, so anything a person typed (names, backlog items, feedback echoed back,
 * matcher reasons that quote them) is escaped before it goes in. Input values, labels and choice
 * titles are plain text and are not escaped.
 */
import type { EpochMs } from '../../core/time.ts';
import { dateParts, isoWeekday, type LocalDate } from '../../core/time/local-date.ts';

/**
 * Escapes the markdown Adaptive Cards interpret in TextBlock text: every ASCII punctuation mark
 * CommonMark gives a meaning to (a backslash before any of them renders it literally), plus `<`,
 * `&` and `=` so typed HTML, entities and underlines stay text, and `{` so a typed `{{DATE(…)}}`
 * is not run.
 */
export function escapeCardText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!<>|~&=]/g, (c) => `\\${c}`);
}

/** Typed text made safe for a TextBlock, with runs of blank lines and surrounding space trimmed. */
export function typed(text: string, maxLength = 2000): string {
  const tidy = text.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  const cut = tidy.length > maxLength ? `${tidy.slice(0, maxLength - 1)}…` : tidy;
  return escapeCardText(cut);
}

/** Names for a sentence: "Martin", "Martin and Lee", "Ada, Martin and Lee" (each escaped). */
export function namesOf(names: readonly string[]): string {
  const escaped = names.map((name) => typed(name, 120));
  if (escaped.length <= 1) return escaped[0] ?? 'your partner';
  return `${escaped.slice(0, -1).join(', ')} and ${escaped[escaped.length - 1]}`;
}

/** RFC 3339 without milliseconds, the only form the card DATE and TIME functions accept. */
const rfc3339 = (at: EpochMs): string => new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * A date and time each reader's Teams shows in their own zone and language ("Tue, Mar 3, 2026 at
 * 10:00 AM"), so one card reads right in London and in Kolkata.
 */
export function cardDateTime(at: EpochMs): string {
  return `{{DATE(${rfc3339(at)}, SHORT)}} at {{TIME(${rfc3339(at)})}}`;
}

/** A date each reader's Teams shows in their own zone ("Tuesday, March 3, 2026"). */
export function cardDate(at: EpochMs): string {
  return `{{DATE(${rfc3339(at)}, LONG)}}`;
}

/** A time each reader's Teams shows in their own zone. */
export function cardTime(at: EpochMs): string {
  return `{{TIME(${rfc3339(at)})}}`;
}

const WEEKDAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The weekday of a calendar date ("Tuesday"). */
export const weekdayName = (date: LocalDate): string => WEEKDAY_NAMES[isoWeekday(date) - 1]!;

/**
 * A calendar date that has no time and no zone (a pause "until 3 March" is the person's 3 March):
 * "Tuesday 3 March 2026". Formatted here, not by DATE(), which would shift it across zones.
 */
export function localDateText(date: LocalDate): string {
  const { year, month, day } = dateParts(date);
  return `${weekdayName(date)} ${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** "1 session", "6 sessions". */
export const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;
