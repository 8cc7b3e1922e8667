/**
 * Who `npm run playground` shows beside the chosen person: their current mentoring partner, read
 * from the running Upward (`GET /api/me/pairings`, signed in as that person through the
 * development tenant, as the `upward` CLI signs in), then the colleagues `colleaguesOf` picks.
 * Separate from the script so that tests run it against an Upward they started.
 */
import { apiClient } from '../src/cli/api-client.ts';
import { signInAs } from '../src/cli/sign-in.ts';
import {
  buildPlaygroundConfig,
  currentPartners,
  findPerson,
  partnerLine,
  type PlaygroundConfig,
  type PlaygroundConfigInput,
  type PlaygroundPairing,
  type PlaygroundPartner,
} from './playground-config.ts';

/** What the Playground is configured with, and the line saying which partner was added. */
export interface PlaygroundWithPartner {
  readonly config: PlaygroundConfig;
  readonly partners: readonly PlaygroundPartner[];
  /** For the terminal: the partner added among the five, or why there is none. */
  readonly partnerLine: string;
}

/** The partners of `person` (a UPN or object id) in the Upward at `appUrl`. */
export async function partnersInUpward(appUrl: string, person: string, tenantId: string): Promise<PlaygroundPartner[]> {
  const token = await signInAs(appUrl, person, tenantId);
  const answer = (await apiClient(appUrl, token).get('/me/pairings')) as { pairings: PlaygroundPairing[] };
  return currentPartners(answer.pairings);
}

/**
 * The Playground configuration for `input.as`, with their current partner(s) among the five
 * others. When Upward cannot say (sign-in or the API fails), the five are colleagues as before
 * and the line says why. Throws PlaygroundPersonError for a bad `as`.
 */
export async function playgroundWithPartner(input: Omit<PlaygroundConfigInput, 'preferredIds'> & { readonly appUrl: string }): Promise<PlaygroundWithPartner> {
  const me = findPerson(input.people, input.as);
  let partners: PlaygroundPartner[] = [];
  let problem: string | undefined;
  try {
    partners = await partnersInUpward(input.appUrl, me.userPrincipalName, input.tenantId);
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  const config = buildPlaygroundConfig({ tenantId: input.tenantId, people: input.people, as: me.id, botAppId: input.botAppId, preferredIds: partners.map((p) => p.userId) });
  const line = problem === undefined ? partnerLine(config, partners) : `unknown (${problem}): the five are colleagues`;
  return { config, partners, partnerLine: line };
}
