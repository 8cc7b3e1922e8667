import { createHash } from 'node:crypto';

const digest = (text: string): string => createHash('sha256').update(text).digest('base64url');

/**
 * The Teams identifiers the development tenant hands out, derived rather than stored so that they
 * stay the same across restarts (as a person's Teams ids and their 1:1 chat with a bot do).
 */
export const teamsIds = {
  /** A person's Teams user id (MRI), `29:1…`: what activities carry as `from.id`. */
  user: (tenantId: string, userId: string): string => `29:1${digest(`user:${tenantId.toLowerCase()}:${userId.toLowerCase()}`)}`,
  /** A bot's Teams id, `28:<app id>`: activities' `recipient.id`. */
  bot: (botId: string): string => `28:${botId.toLowerCase()}`,
  /** The Bot Framework id of the 1:1 chat of a bot and a person, `a:1…` (stable for the pair). */
  personalConversation: (tenantId: string, botId: string, userId: string): string =>
    `a:1${digest(`conversation:${tenantId.toLowerCase()}:${botId.toLowerCase()}:${userId.toLowerCase()}`)}`,
  /** The same chat's Graph id, as `GET /users/{id}/teamwork/installedApps/{id}/chat` gives it. */
  chat: (userId: string, botId: string): string => `19:${userId.toLowerCase()}_${botId.toLowerCase()}@unq.gbl.spaces`,
  /** Graph's id of an app installed for a person: base64 of `<user id>##<catalog app id>`, as Graph's look. */
  installation: (userId: string, catalogAppId: string): string => Buffer.from(`${userId.toLowerCase()}##${catalogAppId}`).toString('base64'),
  /** The org-catalog id of an app, derived from its manifest id (Graph's differs from the manifest id too). */
  catalogApp: (tenantId: string, externalId: string): string => {
    const h = createHash('sha256').update(`catalog:${tenantId.toLowerCase()}:${externalId.toLowerCase()}`).digest('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
  },
} as const;
