import { createHash } from 'node:crypto';
import type { DevPerson } from '../org/dev-person.ts';
import { localeDisplayName, localeFormats } from './locale-formats.ts';

/** Graph's Edm.TimeOfDay as Exchange writes it: "08:00" → "08:00:00.0000000". */
export const timeOfDay = (hhmm: string): string => `${hhmm}:00.0000000`;

/** A person's `mailboxSettings` in Graph's shape (microsoft.graph.mailboxSettings). */
export function mailboxSettingsOf(person: DevPerson): Record<string, unknown> {
  const { dateFormat, timeFormat } = localeFormats(person.preferredLanguage);
  const archiveFolder = `AAMkA${createHash('sha256').update(`archive:${person.id}`).digest('base64url').slice(0, 60)}AAA=`;
  return {
    archiveFolder,
    timeZone: person.mailboxTimeZone,
    delegateMeetingMessageDeliveryOptions: 'sendToDelegateOnly',
    dateFormat,
    timeFormat,
    userPurpose: 'user',
    automaticRepliesSetting: {
      status: 'disabled',
      externalAudience: 'all',
      internalReplyMessage: '',
      externalReplyMessage: '',
      scheduledStartDateTime: { dateTime: '2025-01-06T08:00:00.0000000', timeZone: 'UTC' },
      scheduledEndDateTime: { dateTime: '2025-01-07T08:00:00.0000000', timeZone: 'UTC' },
    },
    language: { locale: person.preferredLanguage, displayName: localeDisplayName(person.preferredLanguage) },
    workingHours: {
      daysOfWeek: [...person.workingHours.daysOfWeek],
      startTime: timeOfDay(person.workingHours.startTime),
      endTime: timeOfDay(person.workingHours.endTime),
      timeZone: { name: person.workingHours.timeZone },
    },
  };
}
