/**
 * What a person typed to Upward in the chat, read forgivingly: "help", "when is my next
 * session?", "pause till 3 March", "pause for 2 weeks", "leave". Pure: `now` and the person's
 * zone are arguments, so "tomorrow" is the person's tomorrow.
 */
import type { EpochMs, IanaZone } from '../time.ts';
import { addDays, type LocalDate } from '../time/local-date.ts';
import { epochToLocal, localToEpoch } from '../time/zones.ts';
import { describeDate, readDate, readDuration } from './command-date.ts';

export type ChatCommand =
  | { readonly kind: 'help' }
  | { readonly kind: 'next' }
  /** Pause until `until` (the first day sessions are back), which starts at `resumeAt`. */
  | { readonly kind: 'pause'; readonly until: LocalDate; readonly resumeAt: EpochMs }
  /** "pause" with no date: ask for one. */
  | { readonly kind: 'pause-ask' }
  /** Leaving always goes through a confirm step; this only asks. */
  | { readonly kind: 'leave' }
  /** A command recognised but not usable as typed; `message` says why and what to write. */
  | { readonly kind: 'invalid'; readonly command: 'pause'; readonly message: string }
  | { readonly kind: 'not-understood'; readonly text: string };

/** The longest pause the chat accepts; longer breaks are a conversation with the program team. */
export const MAX_PAUSE_DAYS = 365;

const COMMAND_WORDS = ['help', 'next', 'pause', 'leave'] as const;

const HELP = /^(help|\?|h|commands|command list|menu|options|what can you do|what do you do|how does (this|it) work|hi|hello|hey|start|get started|info|about)$/;
const NEXT =
  /^(next|upcoming|schedule|my schedule|agenda|next (session|meeting|one|call)|(my|our) next (session|meeting|one|call)|when('s| is| do| are)? (my|our|we|the)? ?(next )?(session|meeting|meet|one|call)( next)?|when do we meet( next)?|show (me )?(my |our )?next (session|meeting))$/;
const LEAVE =
  /^(leave|quit|exit|opt out|optout|withdraw|unenrol|unenroll|leave (the )?(program|programme|mentoring)|i want to leave( the (program|programme))?|i('d| would) like to leave( the (program|programme))?|stop mentoring|quit (the )?(program|programme|mentoring))$/;
const PAUSE_LEAD = /^(pause|snooze|take a break|break|hold|put (it|me|us|sessions) on hold|pause (my |our )?(sessions|mentoring|meetings))\b ?/;
const PAUSE_LINK = /^(until|till|til|untill|to|through|thru|up to|up until|upto)\b ?/;

/**
 * Reads one chat message. Mentions, a leading slash, "please" and end punctuation are ignored, case
 * does not matter, and a one-letter slip in the command word ("hlep", "puase") is forgiven.
 * Pause dates are the person's local dates; a date that is today or past, or more than
 * `MAX_PAUSE_DAYS` ahead, is `invalid` with a sentence saying so.
 */
export function parseCommand(text: string, now: EpochMs, zone: IanaZone): ChatCommand {
  const t = normalise(text);
  if (t === '') return { kind: 'help' };
  if (HELP.test(t)) return { kind: 'help' };
  if (NEXT.test(t)) return { kind: 'next' };
  if (LEAVE.test(t)) return { kind: 'leave' };
  const pause = PAUSE_LEAD.exec(t);
  if (pause) return parsePause(t.slice(pause[0].length), now, zone);

  // A slip in the first word ("nxet", "halp session" stays not-understood: only one word is forgiven).
  const [first, ...rest] = t.split(' ');
  const fixed = COMMAND_WORDS.find((word) => first !== undefined && first.length >= 3 && closeTo(first, word));
  if (fixed !== undefined && (rest.length === 0 || fixed === 'pause')) {
    return parseCommand([fixed, ...rest].join(' '), now, zone);
  }
  return { kind: 'not-understood', text: text.trim() };
}

function parsePause(rest: string, now: EpochMs, zone: IanaZone): ChatCommand {
  const today = epochToLocal(now, zone).date;
  let words = rest.replace(/^(my |our )?(sessions|mentoring|meetings) ?/, '').trim();
  if (words === '') return { kind: 'pause-ask' };
  const example = `Try "pause until ${describeDate(addDays(today, 14))}" or "pause for 2 weeks".`;

  let until: LocalDate | undefined;
  const forDuration = /^for (.+)$/.exec(words);
  if (forDuration) {
    until = readDuration(forDuration[1]!, today);
    if (until === undefined) return { kind: 'invalid', command: 'pause', message: `I didn't get how long "${forDuration[1]}" is. ${example}` };
  } else {
    until = readDuration(words, today);
  }
  if (until === undefined) {
    words = words.replace(PAUSE_LINK, '');
    const reading = readDate(words, today);
    if (reading === undefined) return { kind: 'invalid', command: 'pause', message: `I didn't recognise "${words}" as a date. ${example}` };
    if (!reading.ok) return { kind: 'invalid', command: 'pause', message: `${reading.message} ${example}` };
    until = reading.date;
  }
  if (until < today) {
    return { kind: 'invalid', command: 'pause', message: `${describeDate(until)} is in the past. Pick a date after today. ${example}` };
  }
  if (until === today) {
    return { kind: 'invalid', command: 'pause', message: `${describeDate(until)} is today. Pick a date after today. ${example}` };
  }
  if (until - today > MAX_PAUSE_DAYS) {
    return {
      kind: 'invalid',
      command: 'pause',
      message: `${describeDate(until)} is more than a year away, and a pause lasts at most a year. For a longer break, "leave" the program; you can join again later.`,
    };
  }
  return { kind: 'pause', until, resumeAt: localToEpoch(until, 0, zone) };
}

function normalise(text: string): string {
  return text
    .replace(/<at>.*?<\/at>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/[\u2018\u2019]/g, "'")
    .toLowerCase()
    .replace(/^\s*[/!@]+/, '')
    .replace(/\b(please|pls|plz|thanks|thank you)\b/g, ' ')
    .replace(/^\s*(upward|hey upward|hi upward|can you|could you)\b/g, ' ')
    .replace(/[.,!?;:]+(\s|$)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** True when `a` turns into `b` with one insertion, deletion, substitution or swap of neighbours. */
function closeTo(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length === b.length) {
    const diff: number[] = [];
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    if (diff.length === 1) return true;
    return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
  }
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  for (let i = 0; i < long.length; i++) if (long.slice(0, i) + long.slice(i + 1) === short) return true;
  return false;
}
