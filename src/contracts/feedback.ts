/** The signed-in person's own feedback after sessions (`/api/me/feedback…`); only its author reads it. */

/** One of my feedback records, every answer included. */
export interface MyFeedback {
  readonly key: string;
  readonly sessionId: string;
  readonly pairId: string;
  readonly authorId: string;
  readonly happened?: 'held' | 'no-show' | 'rescheduled';
  /** Only for a held session. */
  readonly rating?: number | null;
  readonly learned?: string;
  readonly taught?: string;
  readonly action?: string;
  readonly privateNote?: string;
  readonly shareWithPartner?: boolean;
  /** Epoch milliseconds of the session's scheduled end. */
  readonly sessionEnd: number;
  /** Epoch milliseconds. */
  readonly submittedAt: number;
  readonly updatedAt: number;
  /** 1 when first stored, +1 on every change. */
  readonly revision: number;
}

/** `GET /api/me/feedback/actions-done`: session id → when its action was marked done (ISO); sessions not done are absent. */
export interface ActionsDone {
  readonly done: Readonly<Record<string, string>>;
}

/** `POST /api/me/feedback/:sessionId/action-done`. */
export interface ActionDoneSet {
  readonly sessionId: string;
  readonly done: boolean;
  readonly doneAt: string | null;
}

/** `GET /api/me/feedback`: newest first. */
export interface MyFeedbackResponse {
  readonly feedback: readonly MyFeedback[];
}
