import { parseDateTimeTimeZone, type ParsedDateTime } from './date-time-input.ts';
import { invalidRequest, requestBodyRead } from './errors.ts';
import {
  bodyObject, isObject, optArray, optBoolean, optEnum, optInteger, optObject, optString, rejectUnknown, type JsonObject,
} from './json-input.ts';
import type { Importance, MeetingAttendee, MeetingContent } from './meeting.ts';
import type { FreeBusyStatus, Sensitivity } from './types.ts';

/**
 * Reads an event body (POST or PATCH) into typed fields without touching any state, so a bad
 * request is refused before anything changes. Only the fields present are returned.
 */

const WHERE = 'microsoft.graph.event';
export const MAX_ATTENDEES = 500;

const WRITABLE = [
  'subject', 'body', 'start', 'end', 'location', 'locations', 'attendees', 'isOnlineMeeting', 'onlineMeetingProvider', 'showAs',
  'sensitivity', 'importance', 'isAllDay', 'categories', 'isReminderOn', 'reminderMinutesBeforeStart', 'responseRequested',
  'allowNewTimeProposals', 'hideAttendees', 'recurrence', 'transactionId',
];
/** Read-only or unsupported properties of event that Graph accepts in a body and ignores. */
const IGNORED = [
  'id', 'createdDateTime', 'lastModifiedDateTime', 'changeKey', 'iCalUId', 'uid', 'type', 'seriesMasterId', 'isOrganizer', 'isCancelled',
  'isDraft', 'webLink', 'onlineMeetingUrl', 'onlineMeeting', 'responseStatus', 'originalStartTimeZone', 'originalEndTimeZone',
  'originalStart', 'bodyPreview', 'hasAttachments', 'cancelledOccurrences', 'organizer', 'attachments', 'extensions', 'calendar',
  'instances', 'exceptionOccurrences', 'singleValueExtendedProperties', 'multiValueExtendedProperties',
];
const KNOWN = new Set([...WRITABLE, ...IGNORED]);

const SHOW_AS: readonly FreeBusyStatus[] = ['free', 'tentative', 'busy', 'oof', 'workingElsewhere', 'unknown'];
const SENSITIVITY: readonly Sensitivity[] = ['normal', 'personal', 'private', 'confidential'];
const IMPORTANCE: readonly Importance[] = ['low', 'normal', 'high'];
const PROVIDERS = ['unknown', 'skypeForBusiness', 'skypeForConsumer', 'teamsForBusiness'] as const;
const ATTENDEE_TYPES = ['required', 'optional', 'resource'] as const;
const BODY_TYPES = ['text', 'html'] as const;

export type AttendeeInput = Pick<MeetingAttendee, 'address' | 'name' | 'type'>;

export interface EventFields {
  content: Partial<MeetingContent>;
  start?: ParsedDateTime;
  end?: ParsedDateTime;
  attendees?: AttendeeInput[];
  /** The raw recurrence (validated later against the start); null removes it. */
  recurrence?: unknown;
  transactionId?: string;
}

export function parseEventFields(rawBody: unknown): EventFields {
  const body = bodyObject(rawBody);
  rejectUnknown(body, KNOWN, WHERE);
  const content: Partial<MeetingContent> = {};
  const out: EventFields = { content };

  const subject = optString(body, 'subject', WHERE);
  if (subject !== undefined) content.subject = subject;
  const itemBody = optObject(body, 'body', WHERE);
  if (itemBody) content.bodyHtml = toHtml(itemBody);
  const location = optObject(body, 'location', WHERE);
  if (location) content.location = readLocation(location);
  const locations = optArray(body, 'locations', WHERE);
  if (locations) content.locations = locations.map((l) => (isObject(l) ? readLocation(l) : badLocation()));
  if (!location && locations && content.locations![0]) content.location = content.locations![0];

  const showAs = optEnum(body, 'showAs', 'microsoft.graph.freeBusyStatus', SHOW_AS);
  if (showAs) content.showAs = showAs;
  const sensitivity = optEnum(body, 'sensitivity', 'microsoft.graph.sensitivity', SENSITIVITY);
  if (sensitivity) content.sensitivity = sensitivity;
  const importance = optEnum(body, 'importance', 'microsoft.graph.importance', IMPORTANCE);
  if (importance) content.importance = importance;
  const provider = optEnum(body, 'onlineMeetingProvider', 'microsoft.graph.onlineMeetingProviderType', PROVIDERS);
  if (provider) content.onlineMeetingProvider = provider;

  for (const key of ['isOnlineMeeting', 'isAllDay', 'isReminderOn', 'responseRequested', 'allowNewTimeProposals', 'hideAttendees'] as const) {
    const value = optBoolean(body, key, WHERE);
    if (value !== undefined) content[key] = value;
  }
  const reminder = optInteger(body, 'reminderMinutesBeforeStart', WHERE);
  if (reminder !== undefined) content.reminderMinutesBeforeStart = reminder;
  const categories = optArray(body, 'categories', WHERE);
  if (categories) {
    if (categories.some((c) => typeof c !== 'string')) throw requestBodyRead("The property 'categories' must be a collection of strings.");
    content.categories = categories as string[];
  }

  if (body.start !== undefined && body.start !== null) out.start = parseDateTimeTimeZone(body.start, 'start');
  if (body.end !== undefined && body.end !== null) out.end = parseDateTimeTimeZone(body.end, 'end');
  const attendees = optArray(body, 'attendees', WHERE);
  if (attendees) out.attendees = readAttendees(attendees);
  if ('recurrence' in body) out.recurrence = body.recurrence;
  const transactionId = optString(body, 'transactionId', WHERE);
  if (transactionId !== undefined) out.transactionId = transactionId;
  return out;
}

function badLocation(): never {
  throw requestBodyRead("Each item of 'locations' must be a location object.");
}

function readLocation(raw: JsonObject): Record<string, unknown> {
  const displayName = optString(raw, 'displayName', 'microsoft.graph.location') ?? '';
  return { ...raw, displayName };
}

function readAttendees(raw: unknown[]): AttendeeInput[] {
  if (raw.length > MAX_ATTENDEES) throw invalidRequest(`A meeting can have at most ${MAX_ATTENDEES} attendees.`);
  const seen = new Set<string>();
  const out: AttendeeInput[] = [];
  for (const item of raw) {
    if (!isObject(item)) throw requestBodyRead("Each item of 'attendees' must be an attendee object.");
    rejectUnknown(item, new Set(['emailAddress', 'type', 'status', 'proposedNewTime']), 'microsoft.graph.attendee');
    const email = optObject(item, 'emailAddress', 'microsoft.graph.attendee');
    const address = email ? optString(email, 'address', 'microsoft.graph.emailAddress') : undefined;
    if (!address || !/^[^@\s]+@[^@\s]+$/.test(address.trim())) {
      throw invalidRecipient(address);
    }
    const type = optEnum(item, 'type', 'microsoft.graph.attendeeType', ATTENDEE_TYPES) ?? 'required';
    const key = address.trim().toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ address: address.trim(), name: (email && optString(email, 'name', 'microsoft.graph.emailAddress')) || address.trim(), type });
  }
  return out;
}

function invalidRecipient(address: string | undefined): Error {
  return invalidRequest(`The attendee address '${address ?? ''}' is not a valid SMTP address.`);
}

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Exchange stores every body as HTML: text is escaped, and a fragment is wrapped in a document. */
function toHtml(itemBody: JsonObject): string {
  const type = optEnum(itemBody, 'contentType', 'microsoft.graph.bodyType', BODY_TYPES) ?? 'text';
  const content = optString(itemBody, 'content', 'microsoft.graph.itemBody') ?? '';
  const html = type === 'html' ? content : escapeHtml(content).replace(/\r?\n/g, '<br>\r\n');
  if (/<html[\s>]/i.test(html)) return html;
  return `<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r\n</head>\r\n<body>\r\n${html}\r\n</body>\r\n</html>\r\n`;
}

/** Plain text of an HTML body, as Graph's bodyPreview (first 255 characters). */
export function bodyPreview(html: string): string {
  const text = html
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return text.slice(0, 255);
}
