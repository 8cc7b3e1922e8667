import express, { type Router } from 'express';
import { z } from 'zod';
import { badControlRequest, settingsRoute } from '../throttling/settings-route.ts';
import type { DevDirectory } from '../directory/dev-directory.ts';
import { requireAdminSecret } from '../throttling/admin-auth.ts';
import type { ReceivedActivity } from './conversations.ts';
import type { DevTeams } from './dev-teams.ts';

const blockedSchema = z.strictObject({
  userIds: z.array(z.string().min(1)).min(1).max(50_000),
  /** false unblocks. */
  blocked: z.boolean().default(true),
  /** Defaults to each person's own tenant. */
  tenantId: z.string().min(1).optional(),
});

const view = (activity: ReceivedActivity) => ({
  activityId: activity.activityId,
  conversationId: activity.conversationId,
  type: activity.type,
  text: activity.text ?? null,
  summary: activity.summary ?? null,
  attachments: activity.attachments,
  receivedAt: activity.receivedAt,
  updatedAt: activity.updatedAt ?? null,
  updates: activity.updates,
});

/**
 * The connector's control API, beside the tenant's other `/_devtenant` endpoints and guarded the
 * same way (the app's client secret):
 * - `GET|PUT /_devtenant/connector/blocked` — people who blocked the bot (`{userIds, blocked?, tenantId?}`)
 * - `GET|DELETE /_devtenant/connector/received[?userId=&tenantId=]` — what each person received (updates applied)
 * - `GET|PUT /_devtenant/connector/limits`, `GET|PUT /_devtenant/connector/faults`, `GET|DELETE /_devtenant/connector/stats`
 */
export function connectorAdminRoutes(teams: DevTeams, directory: DevDirectory, secret: () => string): Router {
  const router = express.Router();
  const admin = express.Router();
  admin.use(requireAdminSecret(secret));
  admin.use(express.json({ limit: '4mb', type: () => true }));

  admin.get('/blocked', (_req, res) => {
    res.json({ value: teams.blockedPeople() });
  });
  admin.put('/blocked', (req, res) => {
    const parsed = blockedSchema.safeParse(req.body ?? {});
    if (!parsed.success) return badControlRequest(res, parsed.error);
    const { userIds, blocked, tenantId } = parsed.data;
    const people = userIds.map((id) => (tenantId === undefined ? directory.findAnywhere(id) : directory.find(tenantId, id)));
    const unknown = userIds.filter((_id, i) => people[i] === undefined);
    if (unknown.length > 0) {
      res.status(400).json({ error: { code: 'BadRequest', message: `Unknown people: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}` } });
      return;
    }
    for (const person of people) teams.setBlocked(person!.tenantId, [person!.id], blocked);
    res.json({ value: teams.blockedPeople() });
  });

  admin.get('/received', (req, res) => {
    const userId = typeof req.query['userId'] === 'string' ? req.query['userId'] : undefined;
    const tenantId = typeof req.query['tenantId'] === 'string' ? req.query['tenantId'] : undefined;
    const people = teams.received({ ...(userId === undefined ? {} : { userId }), ...(tenantId === undefined ? {} : { tenantId }) });
    res.json({ value: people.map((p) => ({ tenantId: p.tenantId, userId: p.userId, activities: p.activities.map(view) })) });
  });
  admin.delete('/received', (_req, res) => {
    teams.conversations.clearActivities();
    res.status(204).end();
  });

  settingsRoute(admin, '/limits', () => teams.traffic.limits(), (input) => teams.traffic.setLimits(input));
  settingsRoute(admin, '/faults', () => teams.traffic.faults(), (input) => teams.traffic.setFaults(input));
  admin.get('/stats', (_req, res) => {
    res.json(teams.traffic.stats());
  });
  admin.delete('/stats', (_req, res) => {
    teams.traffic.resetStats();
    res.status(204).end();
  });
  admin.use((req, res) => {
    res.status(404).json({ error: { code: 'NotFound', message: `No control endpoint at ${req.method} /_devtenant/connector${req.path}` } });
  });

  router.use('/_devtenant/connector', admin);
  return router;
}

