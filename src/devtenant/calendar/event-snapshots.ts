import { formatIsoDate, MS_PER_DAY, MS_PER_MINUTE } from './civil.ts';
import type { EventTarget, TargetDeps } from './event-targets.ts';
import type { EventSnapshot } from './event-view.ts';
import { occurrenceEventId } from './ids.ts';
import { occurrenceLocalDay, responseOf, viewStatus, type Meeting, type MeetingContent } from './meeting.ts';
import { firstOccurrenceDay } from './recurrence.ts';
import { recurrenceToGraph } from './recurrence-input.ts';
import { hexDigits } from './seeded-random.ts';
import type { CalendarPerson } from './types.ts';
import { wallToUtc } from './zones.ts';

/**
 * The snapshot of an event as one mailbox sees it (times, answer, showAs, ids), for event-view.ts
 * to write. API events read their meeting record; generated items are described from the seed.
 */

const changeKey = (parts: string): string => Buffer.from(hexDigits(7, parts, 32), 'hex').toString('base64');

export function snapshotOf(deps: TargetDeps, target: EventTarget): EventSnapshot {
  return target.kind === 'meeting' ? meetingSnapshot(target.meeting, target.person, target.masterId, target.originalStartMs) : generatedSnapshot(deps, target);
}

function meetingSnapshot(meeting: Meeting, person: CalendarPerson, masterId: string, originalStartMs?: number): EventSnapshot {
  const exception = originalStartMs === undefined ? undefined : meeting.exceptions.get(originalStartMs);
  const duration = meeting.time.endMs - meeting.time.startMs;
  const time = exception?.time ?? (originalStartMs === undefined ? meeting.time : { ...meeting.time, startMs: originalStartMs, endMs: originalStartMs + duration });
  const content = exception ? { ...meeting.content, ...exception.content } : meeting.content;
  const isOrganizer = person.id === meeting.organizerId;
  const isMaster = originalStartMs === undefined;
  return {
    id: isMaster ? masterId : occurrenceEventId(masterId, originalStartMs),
    type: isMaster ? (meeting.recurrence ? 'seriesMaster' : 'singleInstance') : exception ? 'exception' : 'occurrence',
    ...(isMaster ? {} : { seriesMasterId: masterId, originalStartMs }),
    startMs: time.startMs,
    endMs: time.endMs,
    startZoneName: time.startZone.name,
    endZoneName: time.endZone.name,
    content: { ...content, showAs: viewStatus(meeting, person.id, originalStartMs) ?? content.showAs },
    isCancelled: meeting.isCancelled,
    isOrganizer,
    response: responseOf(meeting, person.id, originalStartMs),
    organizer: meeting.organizer,
    attendees: meeting.attendees.map((a) => {
      const answer = a.personId === undefined ? undefined : responseOf(meeting, a.personId, originalStartMs);
      return answer ? { ...a, response: answer.response, ...(answer.timeMs === undefined ? {} : { responseTimeMs: answer.timeMs }) } : a;
    }),
    ...(meeting.joinUrl === undefined || !content.isOnlineMeeting ? {} : { joinUrl: meeting.joinUrl, conferenceId: meeting.conferenceId! }),
    ...(isMaster && meeting.recurrence ? { recurrence: recurrenceToGraph(meeting.recurrence) } : {}),
    cancelledOccurrences: isMaster && meeting.recurrence
      ? [...meeting.cancelled].sort((a, b) => a - b).map((start) => `OID.${masterId}.${formatIsoDate(occurrenceLocalDay(meeting, start))}`)
      : [],
    iCalUId: meeting.iCalUId,
    ...(meeting.transactionId === undefined ? {} : { transactionId: meeting.transactionId }),
    changeKey: changeKey(`${meeting.key}|${meeting.version}|${exception?.version ?? ''}`),
    createdMs: meeting.createdMs,
    lastModifiedMs: meeting.lastModifiedMs,
  };
}

function generatedContent(fields: { subject: string; location: string; status: MeetingContent['showAs']; sensitivity: MeetingContent['sensitivity']; isAllDay: boolean; isOnlineMeeting: boolean }): MeetingContent {
  return {
    subject: fields.subject, bodyHtml: '', location: { displayName: fields.location }, locations: fields.location ? [{ displayName: fields.location }] : [],
    showAs: fields.status, sensitivity: fields.sensitivity, importance: 'normal', isAllDay: fields.isAllDay,
    isOnlineMeeting: fields.isOnlineMeeting, onlineMeetingProvider: fields.isOnlineMeeting ? 'teamsForBusiness' : 'unknown', categories: [],
    isReminderOn: !fields.isAllDay, reminderMinutesBeforeStart: fields.isAllDay ? 1080 : 15, responseRequested: true,
    allowNewTimeProposals: true, hideAttendees: false,
  };
}

function generatedSnapshot(deps: TargetDeps, target: Exclude<EventTarget, { kind: 'meeting' }>): EventSnapshot {
  const person = target.person;
  const profile = deps.generated.profile(person);
  const zoneName = person.mailboxTimeZone;
  const base = {
    isCancelled: false, isOrganizer: true, response: { response: 'organizer' as const },
    organizer: { address: person.mail, name: person.displayName }, attendees: [], cancelledOccurrences: [],
    startZoneName: zoneName, endZoneName: zoneName,
  };
  const joinUrlFor = (key: string, online: boolean): { joinUrl?: string } =>
    online ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/19%3ameeting_${Buffer.from(hexDigits(deps.seed, `${person.id}|${key}`, 36), 'hex').toString('base64url')}%40thread.v2/0` } : {};
  if (target.kind === 'generatedSingle') {
    const item = target.item;
    const key = item.source.itemKey;
    return {
      ...base, id: target.id, type: 'singleInstance', startMs: item.startMs, endMs: item.endMs,
      content: generatedContent(item), ...joinUrlFor(key, item.isOnlineMeeting),
      iCalUId: `040000008200E00074C5B7101A82E008${hexDigits(deps.seed, `${person.id}|${key}`, 56).toUpperCase()}`,
      changeKey: changeKey(`${person.id}|${key}`), createdMs: item.startMs - 7 * MS_PER_DAY, lastModifiedMs: item.startMs - 7 * MS_PER_DAY,
    };
  }
  const { series, masterId, originalStartMs } = target;
  const firstDay = firstOccurrenceDay(series.rule) ?? series.rule.startDay;
  const start = originalStartMs ?? wallToUtc(profile.zone, firstDay * MS_PER_DAY + series.startMinute * MS_PER_MINUTE);
  const key = `s:${series.key}`;
  const created = wallToUtc(profile.zone, (series.rule.startDay - 14) * MS_PER_DAY + 10 * 60 * MS_PER_MINUTE);
  return {
    ...base,
    id: originalStartMs === undefined ? masterId : occurrenceEventId(masterId, originalStartMs),
    type: originalStartMs === undefined ? 'seriesMaster' : 'occurrence',
    ...(originalStartMs === undefined ? {} : { seriesMasterId: masterId, originalStartMs }),
    startMs: start, endMs: start + series.durationMinutes * MS_PER_MINUTE,
    content: generatedContent({ ...series, sensitivity: 'normal', isAllDay: false }), ...joinUrlFor(key, series.isOnlineMeeting),
    ...(originalStartMs === undefined ? { recurrence: recurrenceToGraph({ rule: series.rule, zone: { name: zoneName, iana: profile.zone }, zoneGiven: true }) } : {}),
    iCalUId: `040000008200E00074C5B7101A82E008${hexDigits(deps.seed, `${person.id}|${key}`, 56).toUpperCase()}`,
    changeKey: changeKey(`${person.id}|${key}`), createdMs: created, lastModifiedMs: created,
  };
}
