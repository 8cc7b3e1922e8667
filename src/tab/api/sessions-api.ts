import type { BacklogAdded, BacklogResponse } from '../../contracts/backlog.ts';
import type { BookingView, MyBookingsResponse, SessionAlternatives } from '../../contracts/bookings.ts';
import type { MyFeedbackResponse } from '../../contracts/feedback.ts';
import type { Caller } from './caller.ts';

const booking = (id: string): string => `/scheduling/bookings/${encodeURIComponent(id)}`;

/** A participant's sessions, their free alternatives, the pair's backlog and their own feedback. */
export const sessionsApi = {
  bookings: async (call: Caller, signal?: AbortSignal) => (await call<MyBookingsResponse>('GET', '/me/bookings', undefined, signal)).bookings,
  alternatives: (call: Caller, bookingId: string, index: number, signal?: AbortSignal) =>
    call<SessionAlternatives>('GET', `${booking(bookingId)}/sessions/${index}/alternatives`, undefined, signal),
  /** Moves one session to `start` (checked free for both by the server). */
  reschedule: (call: Caller, bookingId: string, index: number, start: string) => call<BookingView>('POST', `${booking(bookingId)}/sessions/${index}/reschedule`, { start }),
  backlog: async (call: Caller, pairingId: string, signal?: AbortSignal) =>
    (await call<BacklogResponse>('GET', `/me/pairings/${encodeURIComponent(pairingId)}/backlog`, undefined, signal)).items,
  /** Adds an item to the pair's backlog; `id` makes a retry add nothing twice. */
  addToBacklog: async (call: Caller, pairingId: string, item: { readonly id: string; readonly text: string; readonly link: string }) =>
    (await call<BacklogAdded>('POST', `/me/pairings/${encodeURIComponent(pairingId)}/backlog`, item)).item,
  feedback: async (call: Caller, signal?: AbortSignal) => (await call<MyFeedbackResponse>('GET', '/me/feedback', undefined, signal)).feedback,
};
