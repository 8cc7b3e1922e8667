import type { Client } from '@microsoft/microsoft-graph-client';
import { interval } from '../../src/core/time/intervals.ts';
import { expandWorkingHours, resolveWorkingHours } from '../../src/core/time/working-hours.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { parseGraphUtc } from '../../src/graph/graph-time.ts';
import type { BookingView } from '../../src/scheduling/booking-view.ts';

/**
 * Reads a booked pair back from both calendars through Graph, as anyone could check it, and
 * reports what a correct booking must satisfy. Test-only: it reads subjects and ids freely.
 */
export interface ReadBack {
  /** Upward's series in the organiser's calendar with this booking's transaction id. */
  readonly organiserSeries: number;
  /** Copies of that series in the attendee's calendar. */
  readonly attendeeSeries: number;
  /** Held sessions (not cancelled) as the organiser's calendar shows them, sorted. */
  readonly sessions: readonly { start: number; end: number }[];
  /** Sessions not inside both people's working hours. */
  readonly outsideHours: readonly string[];
  /** Sessions that overlap anything else either person has. */
  readonly overlaps: readonly string[];
  readonly joinUrl: string | undefined;
  readonly body: string;
}

interface Item {
  id: string;
  seriesMasterId?: string | null;
  iCalUId?: string;
  transactionId?: string | null;
  subject?: string;
  showAs?: string;
  isCancelled?: boolean;
  type?: string;
  start: { dateTime: string };
  end: { dateTime: string };
  onlineMeeting?: { joinUrl?: string } | null;
  body?: { content?: string };
}

async function all(client: Client, path: string, query: Record<string, string>): Promise<Item[]> {
  const out: Item[] = [];
  let page = (await client.api(path).query(query).header('Prefer', 'outlook.timezone="UTC"').get()) as { value: Item[]; '@odata.nextLink'?: string };
  out.push(...page.value);
  while (page['@odata.nextLink']) {
    page = (await client.api(page['@odata.nextLink']).header('Prefer', 'outlook.timezone="UTC"').get()) as typeof page;
    out.push(...page.value);
  }
  return out;
}

const span = (i: Item) => ({ start: parseGraphUtc(i.start.dateTime), end: parseGraphUtc(i.end.dateTime) });

export async function readBack(client: Client, booking: BookingView, organiser: DevPerson, attendee: DevPerson, transactionId: string, window: { from: number; to: number }): Promise<ReadBack> {
  const select = { $select: 'id,transactionId,iCalUId,subject,type,onlineMeeting,body,isCancelled,start,end', $top: '1000' };
  const organiserEvents = await all(client, `/users/${organiser.id}/events`, select);
  const ours = organiserEvents.filter((e) => e.transactionId === transactionId && !e.isCancelled);
  const master = ours[0];
  const attendeeEvents = await all(client, `/users/${attendee.id}/events`, select);
  const copies = master ? attendeeEvents.filter((e) => e.iCalUId === master.iCalUId && !e.isCancelled) : [];

  const view = { startDateTime: new Date(window.from).toISOString(), endDateTime: new Date(window.to).toISOString(), $top: '1000', $select: 'id,seriesMasterId,showAs,isCancelled,type,start,end' };
  const organiserView = await all(client, `/users/${organiser.id}/calendarView`, view);
  const attendeeView = await all(client, `/users/${attendee.id}/calendarView`, view);
  const mine = (items: Item[], masterId: string | undefined) => items.filter((i) => masterId !== undefined && (i.seriesMasterId === masterId || i.id === masterId));
  const sessions = mine(organiserView, master?.id).filter((i) => !i.isCancelled).map(span).sort((a, b) => a.start - b.start);

  const taken = (items: Item[], masterId: string | undefined) => {
    const own = new Set(mine(items, masterId).map((i) => i.id));
    return items.filter((i) => !own.has(i.id) && !i.isCancelled && !['free', 'workingelsewhere'].includes(String(i.showAs).toLowerCase())).map(span);
  };
  const busy = [...taken(organiserView, master?.id), ...taken(attendeeView, copies[0]?.id)];
  const hours = [organiser, attendee].map((p) => resolveWorkingHours({ daysOfWeek: p.workingHours.daysOfWeek, start: p.workingHours.startTime, end: p.workingHours.endTime, zone: p.mailboxTimeZone }));
  const outsideHours: string[] = [];
  const overlaps: string[] = [];
  for (const s of sessions) {
    const label = new Date(s.start).toISOString();
    const inside = hours.every((h) => expandWorkingHours(h, interval(s.start - 86_400_000, s.end + 86_400_000)).some((w) => w.start <= s.start && s.end <= w.end));
    if (!inside) outsideHours.push(label);
    if (busy.some((b) => b.start < s.end && s.start < b.end)) overlaps.push(label);
  }
  return {
    organiserSeries: ours.length,
    attendeeSeries: copies.length,
    sessions,
    outsideHours,
    overlaps,
    joinUrl: master?.onlineMeeting?.joinUrl ?? undefined,
    body: master?.body?.content ?? '',
  };
}
