import { randomUUID } from 'node:crypto';
import type { DevPerson } from '../org/dev-person.ts';
import type { DevConversation } from './conversations.ts';
import { teamsIds } from './teams-ids.ts';

/** How long the bot may take to answer an activity before the delivery counts as failed. */
const DELIVERY_TIMEOUT_MS = 15_000;

/**
 * The `installationUpdate` Teams posts to a bot when its app is added to (or removed from) a
 * person's personal scope: what makes the bot store the person's conversation reference.
 */
export function installationUpdateActivity(options: {
  action: 'add' | 'remove';
  person: DevPerson;
  conversation: DevConversation;
  botName: string;
  serviceUrl: string;
  now: Date;
}): Record<string, unknown> {
  const { person, conversation } = options;
  const at = options.now.toISOString();
  return {
    type: 'installationUpdate',
    action: options.action,
    id: `f:${randomUUID()}`,
    timestamp: at,
    localTimestamp: at,
    serviceUrl: options.serviceUrl,
    channelId: 'msteams',
    from: { id: teamsIds.user(person.tenantId, person.id), aadObjectId: person.id, name: person.displayName },
    recipient: { id: teamsIds.bot(conversation.botId), name: options.botName },
    conversation: { id: conversation.id, conversationType: 'personal', tenantId: person.tenantId },
    channelData: { tenant: { id: person.tenantId }, source: null },
    entities: [{ type: 'clientInfo', locale: person.preferredLanguage || 'en-US', country: person.usageLocation, platform: 'Web', timezone: person.ianaTimeZone }],
    locale: person.preferredLanguage || 'en-US',
  };
}

/**
 * Posts an activity to the bot's messaging endpoint. No token is attached: real Teams signs these
 * with the Bot Framework's keys, which no local service holds, so the bot must run with
 * unauthenticated requests allowed (the Agents Playground mode) to accept them.
 */
export async function postToBot(endpoint: string, activity: Record<string, unknown>, doFetch: typeof fetch): Promise<{ ok: boolean; status: number | undefined; error?: string }> {
  try {
    const response = await doFetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.arrayBuffer().catch(() => undefined);
    return { ok: response.ok, status: response.status };
  } catch (error) {
    return { ok: false, status: undefined, error: String(error) };
  }
}
