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
  // The source hands out the same facts list while it caches it, so each is summarised once (10 000
  // people take tens of ms of CPU) and a manager reloading in that window shares the summary.
  const summaries = new WeakMap<readonly PersonFacts[], ReturnType<typeof summariseParticipation>>();
  router.get('/participation', async (req, res) => {
    const principal = principalOf(req);
    const people = await source.reportsOf(principal.tenantId, principal.userId);
    if (people.length === 0) {
      res.set('Cache-Control', 'no-store').json(summariseParticipation(people, [], now()));
      return;
    }
    const facts = await source.factsFor(principal.tenantId, people.map((p) => p.id));
    let summary = summaries.get(facts);
    if (summary === undefined) summaries.set(facts, (summary = summariseParticipation(people, facts, now())));
    res.set('Cache-Control', 'no-store').json(summary);
  });
  return router;
}
