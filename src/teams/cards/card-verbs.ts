/**
 * The verbs of every Action.Execute Upward's cards carry, and the ids each sends back. The bot
 * routes `card.action.<verb>`; ids in `data` say what the action is about, never who clicked —
 * that comes from the activity, and handlers must check it (a forwarded card is clickable too).
 */
import type { PairId, SessionId } from '../../core/sessions/session.ts';

export const CARD_VERBS = {
  /** Refresh of the pair introduction for the reader. */
  introductionRefresh: 'introductionRefresh',
  /** Ask to move the whole series to another time. */
  seriesReschedule: 'seriesReschedule',
  /** Refresh of a session agenda for the reader (their own action items, the latest backlog). */
  agendaRefresh: 'agendaRefresh',
  /** Add the typed `agendaItem` to the pair's backlog. */
  agendaAdd: 'agendaAdd',
  /** Show the agenda of a session (from the next-session card). */
  agendaShow: 'agendaShow',
  /** Move one session to another time. */
  sessionReschedule: 'sessionReschedule',
  /** Move one session to the offered `data.start` (ISO), from the reschedule card. */
  sessionRescheduleChoose: 'sessionRescheduleChoose',
  /** Refresh of the feedback card for the reader: the form, or their thank-you view. */
  feedbackRefresh: 'feedbackRefresh',
  /** Open the feedback form (from a reminder). */
  feedbackOpen: 'feedbackOpen',
  /** Submit the feedback form. */
  feedbackSubmit: 'feedbackSubmit',
  /** Open the submitted feedback again to change it. */
  feedbackEdit: 'feedbackEdit',
  /** An answer to a private check-in; `data.choice` says which. */
  checkInAnswer: 'checkInAnswer',
  /** The chat commands, as buttons. */
  commandHelp: 'commandHelp',
  commandNext: 'commandNext',
  commandPause: 'commandPause',
  commandLeave: 'commandLeave',
  /** Pause until `data.until` or the typed `pauseUntil`. */
  pauseConfirm: 'pauseConfirm',
  pauseCancel: 'pauseCancel',
  leaveConfirm: 'leaveConfirm',
  leaveCancel: 'leaveCancel',
} as const;

export type CardVerb = (typeof CARD_VERBS)[keyof typeof CARD_VERBS];

/** The answers a check-in offers. */
export const CHECK_IN_CHOICES = ['keep', 'reschedule', 'pause', 'contact', 'new-partner'] as const;
export type CheckInChoice = (typeof CHECK_IN_CHOICES)[number];

/** `data` of actions about a pair. */
export interface PairActionData {
  readonly pairId: PairId;
}

/** `data` of actions about one session. */
export interface SessionActionData extends PairActionData {
  readonly sessionId: SessionId;
}

/**
 * `data` of actions that store something. `submissionId` is the idempotency key: the same card
 * sends the same key on every click and retry, so the handler stores once per key.
 */
export interface SubmissionActionData {
  readonly submissionId: string;
}

export type FeedbackActionData = SessionActionData & SubmissionActionData;
export type AgendaAddData = SessionActionData & SubmissionActionData;
/** `start` is the chosen alternative's start, an ISO date-time. */
export type RescheduleChooseData = SessionActionData & { readonly start: string };
export type CheckInAnswerData = PairActionData & SubmissionActionData & { readonly choice: CheckInChoice };
/** `until` is `YYYY-MM-DD` when the date came from the chat; otherwise the `pauseUntil` input has it. */
export type PauseConfirmData = SubmissionActionData & { readonly until?: string };
export type LeaveConfirmData = SubmissionActionData & { readonly programId: string };

