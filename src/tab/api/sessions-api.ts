import type { Caller } from './caller.ts';
import type { BacklogItem, BookingView, MyFeedback, SessionAlternatives } from './sessions-types.ts';

const booking = (id: string): string => `/scheduling/bookings/${encodeURIComponent(id)}`;

/** A participant's sessions, their free alternatives, the pair's backlog and their own feedback. */
export const sessionsApi = {
  bookings: async (call: Caller, signal?: AbortSignal) => (await call<{ bookings: BookingView[] }>('GET', '/me/bookings', undefined, signal)).bookings,
  alternatives: (call: Caller, bookingId: string, index: number, signal?: AbortSignal) =>
    call<SessionAlternatives>('GET', `${booking(bookingId)}/sessions/${index}/alternatives`, undefined, signal),
  /** Moves one session to `start` (checked free for both by the server). */
  reschedule: (call: Caller, bookingId: string, index: number, start: string) => call<BookingView>('POST', `${booking(bookingId)}/sessions/${index}/reschedule`, { start }),
  backlog: async (call: Caller, pairingId: string, signal?: AbortSignal) =>
    (await call<{ items: BacklogItem[] }>('GET', `/me/pairings/${encodeURIComponent(pairingId)}/backlog`, undefined, signal)).items,
  /** Adds an item to the pair's backlog; `id` makes a retry add nothing twice. */
  addToBacklog: async (call: Caller, pairingId: string, item: { readonly id: string; readonly text: string; readonly link: string }) =>
    (await call<{ added: boolean; item: BacklogItem }>('POST', `/me/pairings/${encodeURIComponent(pairingId)}/backlog`, item)).item,
  feedback: async (call: Caller, signal?: AbortSignal) => (await call<{ feedback: MyFeedback[] }>('GET', '/me/feedback', undefined, signal)).feedback,
};
