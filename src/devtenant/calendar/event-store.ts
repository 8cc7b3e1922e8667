import type { Meeting } from './meeting.ts';

/**
 * Events created through the API, in memory, with the indexes the calendar needs: by key, by
 * person (organizer and tenant attendees), and by (organizer, transactionId) for idempotent
 * retries. Persisting is the caller's job, through exportState/importState (state.ts).
 */
export class EventStore {
  readonly meetings = new Map<string, Meeting>();
  readonly #byPerson = new Map<string, Set<string>>();
  readonly #byTransaction = new Map<string, string>();
  /** Number of meetings ever created; keys and join URLs derive from it, so it is persisted too. */
  created = 0;

  get(key: string): Meeting | undefined {
    return this.meetings.get(key);
  }

  /** Adds or re-adds a meeting and indexes it (call again after its attendees change). */
  put(meeting: Meeting): void {
    const previous = this.meetings.get(meeting.key);
    if (previous) this.#unindex(previous);
    this.meetings.set(meeting.key, meeting);
    for (const personId of participants(meeting)) {
      const key = `${meeting.tenantId}|${personId}`;
      let set = this.#byPerson.get(key);
      if (!set) {
        set = new Set();
        this.#byPerson.set(key, set);
      }
      set.add(meeting.key);
    }
    if (meeting.transactionId !== undefined) this.#byTransaction.set(transactionKey(meeting.tenantId, meeting.organizerId, meeting.transactionId), meeting.key);
  }

  /** Meetings in which the person takes part (visibility is decided per instance by meeting.ts). */
  forPerson(tenantId: string, personId: string): Meeting[] {
    const keys = this.#byPerson.get(`${tenantId}|${personId}`);
    if (!keys) return [];
    const out: Meeting[] = [];
    for (const key of keys) {
      const meeting = this.meetings.get(key);
      if (meeting) out.push(meeting);
    }
    return out;
  }

  byTransaction(tenantId: string, organizerId: string, transactionId: string): Meeting | undefined {
    const key = this.#byTransaction.get(transactionKey(tenantId, organizerId, transactionId));
    return key === undefined ? undefined : this.meetings.get(key);
  }

  /** Forgets a meeting nobody can see any more. */
  remove(key: string): void {
    const meeting = this.meetings.get(key);
    if (!meeting) return;
    this.#unindex(meeting);
    this.meetings.delete(key);
    if (meeting.transactionId !== undefined) this.#byTransaction.delete(transactionKey(meeting.tenantId, meeting.organizerId, meeting.transactionId));
  }

  clear(): void {
    this.meetings.clear();
    this.#byPerson.clear();
    this.#byTransaction.clear();
    this.created = 0;
  }

  #unindex(meeting: Meeting): void {
    for (const personId of participants(meeting)) this.#byPerson.get(`${meeting.tenantId}|${personId}`)?.delete(meeting.key);
  }
}

function participants(meeting: Meeting): string[] {
  const ids = new Set<string>([meeting.organizerId]);
  for (const attendee of meeting.attendees) if (attendee.personId) ids.add(attendee.personId);
  return [...ids];
}

function transactionKey(tenantId: string, organizerId: string, transactionId: string): string {
  return `${tenantId}|${organizerId}|${transactionId}`;
}
