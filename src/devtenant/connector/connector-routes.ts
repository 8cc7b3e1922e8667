import express, { type Request, type Router } from 'express';
import type { DevPerson } from '../org/dev-person.ts';
import { botCallerOf, type BotCaller } from './bot-caller.ts';
import { connectorErrors } from './connector-error.ts';
import { sendConnector } from './connector-json.ts';
import { receivedFields, type DevConversation } from './conversations.ts';
import type { DevTeams } from './dev-teams.ts';
import { teamsIds } from './teams-ids.ts';

/** Teams refuses bot messages over about 28 KB. */
const MAX_ACTIVITY_BYTES = 28 * 1024;

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A posted activity: an object with a type, within Teams' size limit. */
function activityOf(body: unknown): Json {
  if (!isObject(body)) throw connectorErrors.badSyntax('The request body must be an activity object.');
  if (typeof body['type'] !== 'string' || body['type'] === '') throw connectorErrors.badArgument("The activity's 'type' is required.");
  if (Buffer.byteLength(JSON.stringify(body)) > MAX_ACTIVITY_BYTES) throw connectorErrors.messageTooBig();
  return body;
}

/** The 1:1 chat named in the path, if this bot is in it (counted against the limits). */
function readableConversation(teams: DevTeams, req: Request, caller: BotCaller): DevConversation {
  const conversation = teams.conversations.find(String(req.params['conversationId']));
  if (!conversation) throw connectorErrors.conversationNotFound();
  if (conversation.botId !== caller.botId) throw connectorErrors.notInRoster();
  teams.traffic.admit({ method: req.method, path: `${req.baseUrl}${req.path}`, botId: caller.botId, tenantId: conversation.tenantId, conversationId: conversation.id });
  return conversation;
}

/** The 1:1 chat named in the path, if this bot may write to it; the refusals in Teams' order. */
function writableConversation(teams: DevTeams, req: Request, caller: BotCaller): DevConversation {
  const conversation = teams.conversations.find(String(req.params['conversationId']));
  if (!conversation) throw connectorErrors.conversationNotFound();
  if (conversation.botId !== caller.botId) throw connectorErrors.notInRoster();
  if (!teams.hasBot(conversation.tenantId, conversation.userId, conversation.botId)) {
    teams.traffic.count('blocked');
    throw connectorErrors.notInstalled();
  }
  if (teams.isBlocked(conversation.tenantId, conversation.userId)) {
    teams.traffic.count('blocked');
    throw connectorErrors.blockedByUser();
  }
  teams.traffic.admit({ method: req.method, path: `${req.baseUrl}${req.path}`, botId: caller.botId, tenantId: conversation.tenantId, conversationId: conversation.id });
  return conversation;
}

/** A person as a Teams roster lists them (TeamsChannelAccount). */
function channelAccount(person: DevPerson): Json {
  return {
    id: teamsIds.user(person.tenantId, person.id),
    name: person.displayName,
    aadObjectId: person.id,
    givenName: person.givenName,
    surname: person.surname,
    email: person.mail,
    userPrincipalName: person.userPrincipalName,
    tenantId: person.tenantId,
    userRole: 'user',
  };
}

/**
 * The Bot Connector subset Upward's bot uses, under `/v3`: create a 1:1 conversation, send an
 * activity into it, replace an activity (card updates), read its member. Authenticated with a
 * Bot Framework token of this tenant (aud https://api.botframework.com); limited per
 * conversation and per tenant with 429 + Retry-After; 403 (subCode MessageWritesBlocked) for a
 * person who blocked the bot or no longer has the app.
 */
export function connectorRoutes(teams: DevTeams): Router {
  const router = express.Router();
  router.use(express.json({ limit: '1mb', type: () => true }));

  router.post('/conversations', (req, res) => {
    const caller = botCallerOf(req);
    const body: Json = isObject(req.body) ? req.body : {};
    if (body['isGroup'] === true) throw connectorErrors.badSyntax('Group chat creation is not supported.');
    const members = Array.isArray(body['members']) ? body['members'] : [];
    if (members.length !== 1 || !isObject(members[0]) || typeof members[0]['id'] !== 'string') {
      throw connectorErrors.badSyntax('A personal conversation needs exactly one member with an id.');
    }
    const channelTenant = isObject(body['channelData']) && isObject(body['channelData']['tenant']) ? body['channelData']['tenant']['id'] : undefined;
    const tenantId = String(body['tenantId'] ?? channelTenant ?? '').toLowerCase();
    if (tenantId === '') throw connectorErrors.badSyntax('The tenant id is required.');
    const person = teams.person(tenantId, members[0]['id']);
    if (!person) throw connectorErrors.badArgument('Invalid user identity in provided tenant.');
    teams.traffic.admit({ method: req.method, path: `${req.baseUrl}${req.path}`, botId: caller.botId, tenantId });
    if (!teams.hasBot(tenantId, person.id, caller.botId)) {
      teams.traffic.count('blocked');
      throw connectorErrors.notInstalled();
    }
    const conversation = teams.chatOf({ tenantId, userId: person.id.toLowerCase(), app: { botId: caller.botId } });
    teams.traffic.count('conversationsCreated');
    let activityId: string | undefined;
    if (body['activity'] !== undefined) {
      if (teams.isBlocked(tenantId, person.id)) throw connectorErrors.blockedByUser();
      activityId = teams.conversations.add(conversation, activityOf(body['activity']), teams.now()).activityId;
      teams.traffic.count('sent');
    }
    sendConnector(res, 201, { id: conversation.id, ...(activityId === undefined ? {} : { activityId }) });
  });

  const send = (req: Request, res: express.Response): void => {
    const caller = botCallerOf(req);
    const conversation = writableConversation(teams, req, caller);
    const activity = activityOf(req.body);
    const received = teams.conversations.add(conversation, activity, teams.now());
    teams.traffic.count('sent');
    sendConnector(res, 201, { id: received.activityId });
  };
  router.post('/conversations/:conversationId/activities', send);
  // A reply to an activity: in a personal chat Teams posts it into the same conversation.
  router.post('/conversations/:conversationId/activities/:activityId', send);

  router.put('/conversations/:conversationId/activities/:activityId', (req, res) => {
    const caller = botCallerOf(req);
    const conversation = writableConversation(teams, req, caller);
    const activity = activityOf(req.body);
    const existing = conversation.activities.get(String(req.params['activityId']));
    if (!existing) throw connectorErrors.activityNotFound();
    Object.assign(existing, receivedFields(activity), { updatedAt: teams.now().toISOString(), updates: existing.updates + 1, raw: structuredClone(activity) });
    teams.traffic.count('updated');
    sendConnector(res, 200, { id: existing.activityId });
  });

  router.get('/conversations/:conversationId/members', (req, res) => {
    const caller = botCallerOf(req);
    const conversation = readableConversation(teams, req, caller);
    const person = teams.person(conversation.tenantId, conversation.userId);
    sendConnector(res, 200, person ? [channelAccount(person)] : []);
  });

  router.get('/conversations/:conversationId/members/:memberId', (req, res) => {
    const caller = botCallerOf(req);
    const conversation = readableConversation(teams, req, caller);
    const person = teams.person(conversation.tenantId, String(req.params['memberId']));
    if (!person || person.id.toLowerCase() !== conversation.userId) throw connectorErrors.memberNotFound();
    sendConnector(res, 200, channelAccount(person));
  });

  return router;
}
