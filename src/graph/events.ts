import type { Client } from '@microsoft/microsoft-graph-client';
import type { BatchOptions } from './batch.ts';
import { runKeyed, type KeyedStep } from './batch-outcomes.ts';
import type { StepOutcome } from './graph-step-error.ts';
import { graphUtcDateTime, parseGraphUtc } from './graph-time.ts';

/** A wall-clock time in a named zone, as Graph's `dateTimeTimeZone`. */
export interface ZonedDateTime {
  /** `YYYY-MM-DDTHH:mm:ss` local to `timeZone`. */
  readonly dateTime: string;
  /** IANA or Windows name. */
  readonly timeZone: string;
}

/** Graph's `patternedRecurrence`, as the scheduling core spells it. */
export interface EventRecurrence {
  readonly pattern: Readonly<Record<string, unknown>>;
  readonly range: Readonly<Record<string, unknown>>;
}

/** What Upward puts in a recurring Teams meeting. */
export interface SeriesEventInput {
  readonly subject: string;
  /** HTML; Graph stores every body as HTML anyway. */
  readonly bodyHtml: string;
  readonly start: ZonedDateTime;
  readonly end: ZonedDateTime;
  readonly recurrence: EventRecurrence;
  readonly attendees: readonly { readonly address: string; readonly name: string }[];
  /**
   * Graph's idempotency key: a repeated POST with the same value returns the event already
   * created instead of a second one, so a retry or a crash after Graph answered books nothing twice.
   */
  readonly transactionId: string;
}

/** The JSON body of `POST /users/{organiser}/events` for a recurring Teams meeting. */
export function seriesEventBody(input: SeriesEventInput): Record<string, unknown> {
  return {
    subject: input.subject,
    body: { contentType: 'html', content: input.bodyHtml },
    start: input.start,
    end: input.end,
    recurrence: input.recurrence,
    attendees: input.attendees.map((a) => ({ emailAddress: { address: a.address, name: a.name }, type: 'required' })),
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    showAs: 'busy',
    responseRequested: true,
    allowNewTimeProposals: true,
    isReminderOn: true,
    reminderMinutesBeforeStart: 15,
    transactionId: input.transactionId,
  };
}

/** What Upward keeps of an event Graph created. */
export interface CreatedEvent {
  readonly id: string;
  readonly iCalUId: string | undefined;
  readonly joinUrl: string | undefined;
  readonly transactionId: string | undefined;
  readonly start: number;
  readonly end: number;
}

/** One event to create in `userId`'s calendar (the organiser's: attendees get invitations). */
export interface EventCreate {
  readonly key: string;
  /** The organiser's directory object id: the mailbox written to and throttled. */
  readonly userId: string;
  readonly body: Record<string, unknown>;
  /** For error messages: "the series for pair p-1". */
  readonly what: string;
}

const UTC = { Prefer: 'outlook.timezone="UTC"' } as const;
const user = (id: string): string => `/users/${encodeURIComponent(id)}`;

/**
 * Creates events, batched (20 per request, at most 4 at once per organiser, throttling retried
 * inside the batch). Each key gets its created event or the error Graph gave.
 */
export function createEvents(client: Client, creates: readonly EventCreate[], options: BatchOptions = {}): Promise<Map<string, StepOutcome<CreatedEvent>>> {
  const steps = creates.map((c): KeyedStep<CreatedEvent> => ({
    key: c.key,
    doing: `creating ${c.what}`,
    step: { method: 'POST', url: `${user(c.userId)}/events`, mailbox: c.userId.toLowerCase(), body: c.body, headers: UTC },
    read: (answer) => readCreated(answer.body),
  }));
  return runKeyed(client, steps, options);
}

function readCreated(body: unknown): CreatedEvent {
  const event = body as {
    id?: string; iCalUId?: string; transactionId?: string; onlineMeeting?: { joinUrl?: string } | null;
    start?: { dateTime?: string }; end?: { dateTime?: string };
  };
  return {
    id: String(event.id),
    iCalUId: event.iCalUId ?? undefined,
    joinUrl: event.onlineMeeting?.joinUrl ?? undefined,
    transactionId: event.transactionId ?? undefined,
    start: event.start?.dateTime ? parseGraphUtc(event.start.dateTime) : Number.NaN,
    end: event.end?.dateTime ? parseGraphUtc(event.end.dateTime) : Number.NaN,
  };
}

/** A change to one event or occurrence in the organiser's calendar. */
export interface EventPatch {
  readonly key: string;
  readonly userId: string;
  readonly eventId: string;
  readonly body: Record<string, unknown>;
  readonly what: string;
}

/** The PATCH body that moves an event or one occurrence (making it an exception) to `[start, end)`. */
export function moveBody(start: number, end: number): Record<string, unknown> {
  return { start: { dateTime: graphUtcDateTime(start), timeZone: 'UTC' }, end: { dateTime: graphUtcDateTime(end), timeZone: 'UTC' } };
}

/** PATCHes events or occurrences, batched; each key gets `true` or Graph's error. */
export function patchEvents(client: Client, patches: readonly EventPatch[], options: BatchOptions = {}): Promise<Map<string, StepOutcome<true>>> {
  const steps = patches.map((p): KeyedStep<true> => ({
    key: p.key,
    doing: `changing ${p.what}`,
    step: { method: 'PATCH', url: `${user(p.userId)}/events/${encodeURIComponent(p.eventId)}`, mailbox: p.userId.toLowerCase(), body: p.body, headers: UTC },
    read: () => true,
  }));
  return runKeyed(client, steps, options);
}

/** An event or occurrence to cancel (organiser only; attendees get Graph's cancellation notice). */
export interface EventCancel {
  readonly key: string;
  readonly userId: string;
  readonly eventId: string;
  readonly comment: string;
  readonly what: string;
}

/** Cancels events or single occurrences, batched (`POST …/cancel`, 202). */
export function cancelEvents(client: Client, cancels: readonly EventCancel[], options: BatchOptions = {}): Promise<Map<string, StepOutcome<true>>> {
  const steps = cancels.map((c): KeyedStep<true> => ({
    key: c.key,
    doing: `cancelling ${c.what}`,
    step: { method: 'POST', url: `${user(c.userId)}/events/${encodeURIComponent(c.eventId)}/cancel`, mailbox: c.userId.toLowerCase(), body: { comment: c.comment } },
    read: () => true,
  }));
  return runKeyed(client, steps, options);
}
