/**
 * The naive baseline: what a scheduler without a series search does. Per pair and per session,
 * ask Graph's findMeetingTimes (delegated, as the organiser) for one slot in that session's week
 * where both are free, then create that single meeting. No batching; each request on its own,
 * retried on 429/503/504 honouring Retry-After, and every attempt counted.
 */
import { parseGraphUtc } from '../src/graph/graph-time.ts';
import { oboToken, signIn } from '../test/devtenant/tokens.ts';
import { BENCH_APP_ID_URI, BENCH_CLIENT_ID, BENCH_ORIGIN, BENCH_TENANT_ID } from './scheduling-tenant.ts';
import type { BenchPair } from './scheduling-pairs.ts';

export interface NaiveResult {
  readonly requests: number;
  readonly wallMs: number;
  /** Pairs that got every session. */
  readonly bookedPairs: number;
  /** The sessions created per pair, as Graph answered. */
  readonly created: ReadonlyMap<string, readonly { start: number; end: number }[]>;
}

const DAY = 86_400_000;

export async function naiveBooking(options: {
  readonly url: string;
  readonly secret: string;
  readonly pairs: readonly BenchPair[];
  /** Midnight UTC of the first session week. */
  readonly from: number;
  readonly sessions: number;
  readonly everyDays: number;
  readonly minutes: number;
  readonly concurrency: number;
}): Promise<NaiveResult> {
  let requests = 0;
  // Tokens are identity-service calls, not Graph requests: fetched before the clock starts.
  const tokens = new Map<string, string>();
  for (const pair of options.pairs) {
    const apiToken = await signIn(options.url, BENCH_TENANT_ID, BENCH_CLIENT_ID, `${BENCH_ORIGIN}/auth-end`, pair.mentee.id, `${BENCH_APP_ID_URI}/access_as_user`);
    tokens.set(pair.mentee.id, await oboToken(options.url, BENCH_TENANT_ID, BENCH_CLIENT_ID, options.secret, apiToken));
  }

  const call = async (token: string, method: string, path: string, body: unknown): Promise<any> => {
    for (let attempt = 1; ; attempt++) {
      requests++;
      const response = await fetch(`${options.url}/v1.0${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', Prefer: 'outlook.timezone="UTC"' },
        body: JSON.stringify(body),
      });
      if ([429, 503, 504].includes(response.status) && attempt <= 5) {
        const after = Number(response.headers.get('retry-after') ?? '1');
        await response.arrayBuffer();
        await new Promise((resolve) => setTimeout(resolve, Math.ceil((Number.isFinite(after) ? after : 1) * 1000)));
        continue;
      }
      const json = await response.json();
      if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
      return json;
    }
  };

  const created = new Map<string, { start: number; end: number }[]>();
  let bookedPairs = 0;
  const bookPair = async (pair: BenchPair): Promise<void> => {
    const token = tokens.get(pair.mentee.id)!;
    const ids: { start: number; end: number }[] = [];
    for (let i = 0; i < options.sessions; i++) {
      const weekStart = options.from + i * options.everyDays * DAY;
      const found = await call(token, 'POST', '/me/findMeetingTimes', {
        attendees: [{ emailAddress: { address: pair.mentor.mail, name: pair.mentor.displayName }, type: 'required' }],
        timeConstraint: {
          activityDomain: 'work',
          timeSlots: [{ start: { dateTime: new Date(weekStart).toISOString().slice(0, 19), timeZone: 'UTC' }, end: { dateTime: new Date(weekStart + 7 * DAY).toISOString().slice(0, 19), timeZone: 'UTC' } }],
        },
        meetingDuration: `PT${options.minutes}M`,
        maxCandidates: 1,
        minimumAttendeePercentage: 100,
      });
      const slot = found.meetingTimeSuggestions?.[0]?.meetingTimeSlot;
      if (!slot) continue;
      const event = await call(token, 'POST', '/me/events', {
        subject: `Naive baseline ${pair.pairId}`,
        start: slot.start,
        end: slot.end,
        attendees: [{ emailAddress: { address: pair.mentor.mail, name: pair.mentor.displayName }, type: 'required' }],
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
      });
      ids.push({ start: parseGraphUtc(event.start.dateTime), end: parseGraphUtc(event.end.dateTime) });
    }
    created.set(pair.pairId, ids);
    if (ids.length === options.sessions) bookedPairs++;
  };

  const started = performance.now();
  const queue = [...options.pairs];
  await Promise.all(Array.from({ length: options.concurrency }, async () => {
    for (let pair = queue.shift(); pair !== undefined; pair = queue.shift()) await bookPair(pair);
  }));
  return { requests, wallMs: performance.now() - started, bookedPairs, created };
}
