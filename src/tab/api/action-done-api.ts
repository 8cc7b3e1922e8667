import type { ActionDoneSet, ActionsDone } from '../../contracts/feedback.ts';
import type { Caller } from './caller.ts';

/** The caller's own "action done" flags on their feedback (only the author can read or set them). */
export const actionDoneApi = {
  /** Session id → when its action was marked done (ISO); sessions not done are absent. */
  list: async (call: Caller, signal?: AbortSignal) => (await call<ActionsDone>('GET', '/me/feedback/actions-done', undefined, signal)).done,
  set: async (call: Caller, sessionId: string, done: boolean) => call<ActionDoneSet>('POST', `/me/feedback/${encodeURIComponent(sessionId)}/action-done`, { done }),
};
