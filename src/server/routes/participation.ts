import { Router } from 'express';
import { principalOf } from '../authenticate.ts';
import { summariseParticipation, type OrgPerson, type PersonFacts } from './participation-summary.ts';

/** Where the manager summary's data comes from (the directory and the store), passed in by the composition root. */
export interface ParticipationSource {
  /** Everyone below `managerId` in the directory (direct and indirect reports), without the manager. */
  reportsOf(tenantId: string, managerId: string): Promise<readonly OrgPerson[]>;
  /** Participation facts of these people in this tenant only. */
  factsFor(tenantId: string, userIds: readonly string[]): Promise<readonly PersonFacts[]>;
}

/**
 * `GET /participation`: the caller's org (their transitive reports from the directory) in counts
 * only. The org always comes from the token's person, never from the request, so nobody can ask
 * for another manager's org. Someone with no reports gets an empty summary, not an error.
 */
export function participationRoutes(source: ParticipationSource, now: () => number = Date.now): Router {
  const router = Router();
  router.get('/participation', async (req, res) => {
    const principal = principalOf(req);
    const people = await source.reportsOf(principal.tenantId, principal.userId);
    const facts = people.length === 0 ? [] : await source.factsFor(principal.tenantId, people.map((p) => p.id));
    res.set('Cache-Control', 'no-store').json(summariseParticipation(people, facts, now()));
  });
  return router;
}
