/**
 * "Log a session": a dialog to record a session held outside the booked series, with the
 * author's feedback. The feedback answers go through the core's `validateFeedback` (the session
 * was held, so a rating 1–5 is required); the date must be a real day, not in the future and
 * within the last year. Anything wrong re-opens the dialog with the error and what was typed.
 */
import { randomUUID } from 'node:crypto';
import type { MessagingExtensionAction, MessagingExtensionActionResponse } from '@microsoft/teams.api';
import { validateFeedback } from '../../core/feedback/schema.ts';
import { DAY_MS, type EpochMs } from '../../core/time.ts';
import type { Caller } from './invoke-context.ts';
import { LOGGED_MINUTES, logSessionCard, sessionLoggedCard, type LogSessionValues } from './log-session-dialog.ts';
import type { PairsPort, SessionLogPort } from './ports.ts';
import { dialog, dialogMessage } from './responses.ts';

const TITLE = 'Log a session';
const NO_PAIR = 'You are not in a running pair, so there is no session to log yet.';
const MAX_AGE_DAYS = 365;

const isoDate = (at: number): string => new Date(at).toISOString().slice(0, 10);
/** Tomorrow in UTC: the person's today may already be tomorrow east of UTC. */
const latestDay = (now: EpochMs): string => isoDate(now + DAY_MS);

/** fetchTask: the empty form, or why there is none. */
export async function openLogSession(caller: Caller, pairs: PairsPort, now: EpochMs): Promise<MessagingExtensionActionResponse> {
  const mine = await pairs.runningPairsOf(caller.tenant, caller.person);
  if (mine.length === 0) return dialogMessage(NO_PAIR);
  return dialog(TITLE, logSessionCard({ pairs: mine, today: latestDay(now), submissionId: randomUUID(), values: {}, errors: new Map() }));
}

/** submitAction: validate, record once, confirm. */
export async function submitLogSession(
  action: MessagingExtensionAction,
  caller: Caller,
  ports: { readonly pairs: PairsPort; readonly sessionLog: SessionLogPort },
  now: EpochMs,
): Promise<MessagingExtensionActionResponse> {
  const data = (typeof action.data === 'object' && action.data !== null ? action.data : {}) as Record<string, unknown>;
  const str = (key: string): string | undefined => {
    const value = data[key];
    return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
  };
  const mine = await ports.pairs.runningPairsOf(caller.tenant, caller.person);
  if (mine.length === 0) return dialogMessage(NO_PAIR);
  const values: LogSessionValues = {
    pairId: str('pairId'),
    date: str('date')?.trim(),
    minutes: str('minutes')?.trim(),
    rating: str('rating')?.trim(),
    learned: str('learned'),
    taught: str('taught'),
    action: str('action'),
    privateNote: str('privateNote'),
    shareWithPartner: data['shareWithPartner'] === true || data['shareWithPartner'] === 'true',
  };
  // A missing id (a hand-made request) still gets a key, so the record is never keyless.
  const submissionId = str('submissionId')?.trim() || randomUUID();

  const errors = new Map<string, string>();
  const pair = mine.find((p) => p.pairId === values.pairId);
  if (pair === undefined) errors.set('pairId', 'Choose who you met: one of your pairs.');
  const dateError = checkDate(values.date, now);
  if (dateError !== undefined) errors.set('date', dateError);
  const minutes = Number(values.minutes);
  if (!LOGGED_MINUTES.some((m) => m === minutes)) errors.set('minutes', `How long: choose one of ${LOGGED_MINUTES.join(', ')} minutes.`);
  const feedback = validateFeedback({ ...data, happened: 'held' });
  if (!feedback.ok) for (const e of feedback.errors) if (!errors.has(e.field)) errors.set(e.field, e.message);

  if (errors.size > 0 || !feedback.ok || pair === undefined) {
    return dialog(TITLE, logSessionCard({ pairs: mine, today: latestDay(now), submissionId, values, errors }));
  }
  const outcome = await ports.sessionLog.record(caller.tenant, {
    id: submissionId,
    pairId: pair.pairId,
    authorId: caller.person,
    date: values.date!,
    minutes,
    feedback: feedback.value,
    loggedAt: now,
  });
  return dialog(TITLE, sessionLoggedCard(pair, values.date!, minutes, outcome === 'duplicate'));
}

/** Why a date is not acceptable, or undefined. */
function checkDate(date: string | undefined, now: EpochMs): string | undefined {
  if (date === undefined || date === '') return 'When was it: pick the day.';
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const at = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : Number.NaN;
  if (!match || Number.isNaN(at) || isoDate(at) !== date) return `When was it: "${date}" is not a date; pick the day.`;
  if (date > latestDay(now)) return 'When was it: the day is in the future. Log a session after it happened.';
  if (at < now - MAX_AGE_DAYS * DAY_MS) return `When was it: the day is more than ${MAX_AGE_DAYS} days ago.`;
  return undefined;
}
