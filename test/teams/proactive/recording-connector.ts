import type { BotConnector, ProactiveActivity } from '../../../src/teams/proactive/index.ts';

/** A Bot Connector that accepts every activity and keeps it, with the conversation it went to, in order. */
export function recordingConnector(): { connector: BotConnector; delivered: { conversationId: string; activity: ProactiveActivity }[] } {
  const delivered: { conversationId: string; activity: ProactiveActivity }[] = [];
  const connector: BotConnector = {
    async send(_serviceUrl, conversationId, activity) {
      delivered.push({ conversationId, activity });
      return { id: `activity-${delivered.length}` };
    },
    async update() {},
  };
  return { connector, delivered };
}
