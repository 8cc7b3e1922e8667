import type { Client } from '@microsoft/microsoft-graph-client';
import { describe, expect, it } from 'vitest';
import { tenantId, userId } from '../../src/core/ids.ts';
import { epochMs } from '../../src/core/time.ts';
import { createPlannedSeries, finishSessions } from '../../src/scheduling/book-series.ts';
import type { GraphContext } from '../../src/scheduling/graph-context.ts';
import { newBooking } from '../../src/scheduling/new-booking.ts';
import type { BookingRecord } from '../../src/store/bookings.ts';

/**
 * What happens when Graph refuses part of a booking, with a scripted Graph (a stand-in for the
 * $batch endpoint that records every request and answers as each test says).
 */
interface Sent {
  method: string;
  url: string;
}
function scriptedGraph(answer: (r: Sent & { body?: any }) => { status: number; body?: unknown }): { ctx: GraphContext; sent: Sent[] } {
  const sent: Sent[] = [];
  const client = {
    api: () => ({
      post: async (batch: { requests: Array<Sent & { id: string; body?: unknown }> }) => ({
        responses: batch.requests.map((r) => {
          sent.push({ method: r.method, url: r.url });
          return { id: r.id, headers: {}, ...answer(r) };
        }),
      }),
    }),
  } as unknown as Client;
  return { ctx: { client, batch: { sleep: async () => undefined } }, sent };
}

const NOW = epochMs(Date.parse('2027-03-01T12:00:00Z'));
const person = (name: string, role: 'mentor' | 'mentee') => ({ userId: userId(`id-${name}`), mailbox: `${name}@contoso.test`, name, role });

/** A booking planned with one moved session (as the series search would leave it). */
function plannedWithMove(): BookingRecord {
  const b = newBooking({
    tenantId: tenantId('t'), programId: 'p', cycle: 1, pairId: 'pair-1', runId: null, position: 0, now: NOW,
    settings: { cadence: 'weekly', durationMinutes: 30, term: { start: '2027-03-02', end: '2027-03-20' }, organiser: 'mentee', programName: 'RM', agenda: [] },
    people: { organiser: person('senior', 'mentee'), attendee: person('junior', 'mentor') },
  });
  const at = (d: string) => epochMs(Date.parse(`${d}T10:00:00Z`));
  const recurrence = {
    pattern: { type: 'weekly' as const, interval: 1 as const, daysOfWeek: ['wednesday'] as ['wednesday'], firstDayOfWeek: 'monday' as const },
    range: { type: 'endDate' as const, startDate: '2027-03-03', endDate: '2027-03-17', recurrenceTimeZone: 'UTC' as never },
  };
  return {
    ...b,
    state: 'planned',
    occurrences: [
      { index: 0, date: '2027-03-03', originalStart: at('2027-03-03'), start: at('2027-03-03'), end: epochMs(at('2027-03-03') + 1_800_000), status: 'free', segment: 0, conflict: null },
      { index: 1, date: '2027-03-10', originalStart: at('2027-03-10'), start: at('2027-03-11'), end: epochMs(at('2027-03-11') + 1_800_000), status: 'moved', segment: 0, conflict: null },
    ],
    series: [{ segment: 0, transactionId: b.transactionId, eventId: null, iCalUId: null, joinUrl: null, recurrence, start: { dateTime: '2027-03-03T10:00:00', timeZone: 'UTC' }, end: { dateTime: '2027-03-03T10:30:00', timeZone: 'UTC' } }],
  };
}

describe('nothing is half-booked', () => {
  it('cancels the whole series when a moved session cannot be applied, and fails the pair with the reason', async () => {
    const { ctx, sent } = scriptedGraph((r) => {
      if (r.method === 'POST' && r.url.endsWith('/events')) return { status: 201, body: { id: 'series-1', start: { dateTime: '2027-03-03T10:00:00.0000000' }, end: { dateTime: '2027-03-03T10:30:00.0000000' } } };
      // The organiser's series no longer has the session to move (someone deleted it in Outlook).
      if (r.url.includes('/instances')) return { status: 200, body: { value: [] } };
      return { status: 202 };
    });
    const [created] = await createPlannedSeries(ctx, [plannedWithMove()]);
    expect(created!.booking.state).toBe('created');
    const [finished] = await finishSessions(ctx, [created!.booking]);
    expect(finished!.transient).toBeUndefined();
    expect(finished!.booking).toMatchObject({ state: 'failed', reasonCode: 'OccurrenceNotFound' });
    expect(finished!.booking.reason).toContain('the series was cancelled so that nothing is left half-booked');
    expect(sent.map((s) => `${s.method} ${s.url.split('?')[0]}`)).toEqual([
      'POST /users/id-senior/events',
      'GET /users/id-senior/events/series-1/instances',
      'POST /users/id-senior/events/series-1/cancel',
    ]);
  });

  it("fails a pair whose create Graph refuses, with Graph's code, and sends nothing else", async () => {
    const { ctx, sent } = scriptedGraph(() => ({ status: 400, body: { error: { code: 'ErrorInvalidRecipients', message: 'The attendee address is not valid.' } } }));
    const [result] = await createPlannedSeries(ctx, [plannedWithMove()]);
    expect(result!.booking).toMatchObject({ state: 'failed', reasonCode: 'ErrorInvalidRecipients' });
    expect(result!.booking.reason).toBe('Microsoft Graph refused creating the meeting series of pair pair-1 (400 ErrorInvalidRecipients): The attendee address is not valid.');
    expect(sent).toHaveLength(1);
  });

  it('keeps a throttled pair planned for the next attempt instead of failing it', async () => {
    const { ctx } = scriptedGraph(() => ({ status: 429, body: { error: { code: 'ApplicationThrottled', message: 'MailboxConcurrency' } } }));
    const planned = plannedWithMove();
    const [result] = await createPlannedSeries({ ...ctx, batch: { ...ctx.batch, maxRetries: 1 } }, [planned]);
    expect(result!.booking).toBe(planned);
    expect(result!.transient).toMatchObject({ code: 'unavailable', graphCode: 'ApplicationThrottled' });
  });
});
