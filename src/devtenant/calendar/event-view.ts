import { formatInstant, formatInstantSeconds } from './civil.ts';
import { bodyPreview } from './event-input.ts';
import type { MeetingAttendee, MeetingContent } from './meeting.ts';
import { toDateTimeTimeZone } from './prefer.ts';
import type { NamedZone, ResponseType } from './types.ts';

/**
 * Everything needed to write one event as Graph does, whatever its source (generated or created
 * through the API), and the writer itself.
 */
export interface EventSnapshot {
  id: string;
  type: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  seriesMasterId?: string;
  originalStartMs?: number;
  startMs: number;
  endMs: number;
  startZoneName: string;
  endZoneName: string;
  content: MeetingContent;
  isCancelled: boolean;
  isOrganizer: boolean;
  response: { response: ResponseType; timeMs?: number };
  organizer: { address: string; name: string };
  attendees: MeetingAttendee[];
  joinUrl?: string;
  conferenceId?: string;
  recurrence?: object;
  cancelledOccurrences: string[];
  iCalUId: string;
  transactionId?: string;
  changeKey: string;
  createdMs: number;
  lastModifiedMs: number;
}

export interface RenderOptions {
  zone: NamedZone;
  /** Calendars.ReadBasic: no body. */
  basicOnly: boolean;
  /** A delegate reading someone else's private item: no subject, body or location. */
  hidePrivate: boolean;
  /** `$select`: only these properties (id and the etag always come). */
  select?: string[];
}

/** Graph's value for "never" in responseStatus.time. */
const NEVER = '0001-01-01T00:00:00Z';

export function renderEvent(s: EventSnapshot, options: RenderOptions): Record<string, unknown> {
  const c = s.content;
  const hide = options.hidePrivate && c.sensitivity === 'private';
  const subject = hide ? '' : s.isCancelled && !s.isOrganizer ? `Canceled: ${c.subject}` : c.subject;
  const location = hide ? { displayName: '' } : c.location;
  const event: Record<string, unknown> = {
    '@odata.etag': `W/"${s.changeKey}"`,
    id: s.id,
    createdDateTime: formatInstant(s.createdMs),
    lastModifiedDateTime: formatInstant(s.lastModifiedMs),
    changeKey: s.changeKey,
    categories: c.categories,
    transactionId: s.transactionId ?? null,
    originalStartTimeZone: s.startZoneName,
    originalEndTimeZone: s.endZoneName,
    iCalUId: s.iCalUId,
    reminderMinutesBeforeStart: c.reminderMinutesBeforeStart,
    isReminderOn: c.isReminderOn,
    hasAttachments: false,
    subject,
    ...(options.basicOnly ? {} : { bodyPreview: hide ? '' : bodyPreview(c.bodyHtml) }),
    importance: c.importance,
    sensitivity: c.sensitivity,
    isAllDay: c.isAllDay,
    isCancelled: s.isCancelled,
    isOrganizer: s.isOrganizer,
    responseRequested: c.responseRequested,
    seriesMasterId: s.seriesMasterId ?? null,
    showAs: c.showAs,
    type: s.type,
    webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(s.id)}&exvsurl=1&path=/calendar/item`,
    onlineMeetingUrl: null,
    isOnlineMeeting: c.isOnlineMeeting,
    onlineMeetingProvider: c.onlineMeetingProvider,
    allowNewTimeProposals: c.allowNewTimeProposals,
    isDraft: false,
    hideAttendees: c.hideAttendees,
    ...(s.originalStartMs === undefined ? {} : { originalStart: formatInstantSeconds(s.originalStartMs) }),
    responseStatus: { response: s.response.response, time: s.response.timeMs === undefined ? NEVER : formatInstantSeconds(s.response.timeMs) },
    ...(options.basicOnly ? {} : { body: { contentType: 'html', content: hide ? '' : c.bodyHtml } }),
    start: toDateTimeTimeZone(s.startMs, options.zone),
    end: toDateTimeTimeZone(s.endMs, options.zone),
    location: { locationType: 'default', uniqueIdType: 'unknown', address: {}, coordinates: {}, ...location },
    locations: hide ? [] : c.locations,
    recurrence: s.recurrence ?? null,
    attendees: s.attendees.map((a) => ({
      type: a.type,
      status: { response: a.response, time: a.responseTimeMs === undefined ? NEVER : formatInstantSeconds(a.responseTimeMs) },
      emailAddress: { name: a.name, address: a.address },
    })),
    organizer: { emailAddress: { name: s.organizer.name, address: s.organizer.address } },
    onlineMeeting: s.joinUrl === undefined ? null : { joinUrl: s.joinUrl, conferenceId: s.conferenceId ?? null },
    cancelledOccurrences: s.cancelledOccurrences,
  };
  if (!options.select) return event;
  const keep = new Set(['@odata.etag', 'id', ...options.select]);
  return Object.fromEntries(Object.entries(event).filter(([key]) => keep.has(key)));
}
