/** Enrolments and invoke activities shaped like the Teams SDK's, for the message extension tests. */
import type { MessagingExtensionAction, MessagingExtensionQuery } from '@microsoft/teams.api';
import pino from 'pino';
import { tenantId, userId, type UserId } from '../../../src/core/ids.ts';
import { neverShownDoNotPairWith, publicProfile, type Enrolment, type PublicProfile } from '../../../src/core/programs/enrolment.ts';
import { programId } from '../../../src/core/programs/program.ts';
import { epochMs, ianaZone } from '../../../src/core/time.ts';

export const TENANT = tenantId('tenant-1');
export const PROGRAM = programId('program-a');
export const OTHER_PROGRAM = programId('program-b');
export const silentLog = pino({ level: 'silent' });

/** A whole enrolment, with a private `doNotPairWith` that must never come out of a search. */
export function enrolment(id: string, name: string, canTeach: readonly string[], overrides: Partial<Enrolment> = {}): Enrolment {
  return {
    tenantId: TENANT,
    programId: PROGRAM,
    userId: userId(id),
    role: 'mentor',
    profile: {
      displayName: name,
      department: 'Digital',
      jobTitle: 'Analyst',
      managerChain: [userId('boss-secret-chain')],
      seniorityLevel: 2,
      timeZone: ianaZone('Europe/London'),
      weeklyWorkingMinutesUtc: [],
    },
    canTeach,
    wantsToLearn: ['Strategy'],
    goals: [],
    languages: ['English'],
    doNotPairWith: neverShownDoNotPairWith([userId('private-exclusion-id')]),
    pausedUntil: null,
    left: null,
    enrolledAt: epochMs(1_700_000_000_000),
    ...overrides,
  };
}

export const profiles = (...enrolments: Enrolment[]): PublicProfile[] => enrolments.map(publicProfile);

/** The caller part of a Teams invoke (a personal chat, as Teams sends it). */
export function from(objectId: string) {
  return {
    type: 'invoke' as const,
    channelId: 'msteams',
    serviceUrl: 'https://smba.trafficmanager.net/emea/',
    from: { id: `29:${objectId}`, aadObjectId: objectId, name: 'Someone' },
    recipient: { id: '28:bot', name: 'Upward' },
    conversation: { id: 'a:1chat', conversationType: 'personal', tenantId: TENANT },
    channelData: { tenant: { id: TENANT } },
  };
}

/** A `composeExtension/query` activity. */
export function queryActivity(objectId: string, commandId: string, query?: string, options?: MessagingExtensionQuery['queryOptions']) {
  const value: MessagingExtensionQuery = {
    commandId,
    parameters: query === undefined ? [{ name: 'initialRun', value: 'true' }] : [{ name: 'query', value: query }],
    queryOptions: options ?? { skip: 0, count: 25 },
  };
  return { ...from(objectId), name: 'composeExtension/query' as const, value };
}

/** A `composeExtension/fetchTask` or `submitAction` activity. */
export function actionActivity(objectId: string, commandId: string, extra: Partial<MessagingExtensionAction> = {}) {
  const value = { commandId, commandContext: 'message', botMessagePreviewAction: 'send', ...extra } as MessagingExtensionAction;
  return { ...from(objectId), name: 'composeExtension/submitAction' as const, value };
}

export const asUser = (id: string): UserId => userId(id);
