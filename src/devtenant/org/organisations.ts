import type { DevOrganisation } from './dev-person.ts';
import { generateOrganisation } from './generate-organisation.ts';
import { MAIN_REGIONS, OTHER_REGIONS } from './regions.ts';

/** The second organisation's tenant id: fixed, so cross-tenant tests and fixtures can name it. */
export const OTHER_TENANT_ID = '3c9e4b1a-7d2f-4e8a-b5c6-1f0a9d8e7b6c';
export const OTHER_TENANT_SIZE = 20;
export const MAIN_DOMAIN = 'fabrikam.example';
export const OTHER_DOMAIN = 'tailspintoys.example';

/**
 * The main organisation (Upward's home tenant) and a small, unrelated second one. `main` (e.g. a
 * scenario file's organisation) replaces the generated main organisation.
 */
export function seedOrganisations(options: { tenantId: string; seed: number; size: number; main?: DevOrganisation }): readonly DevOrganisation[] {
  const main = options.main ?? generateOrganisation({
    tenantId: options.tenantId.toLowerCase(),
    displayName: 'Fabrikam',
    domain: MAIN_DOMAIN,
    seed: options.seed,
    size: options.size,
    regions: MAIN_REGIONS,
    headquarters: 'london',
  });
  const other = generateOrganisation({
    tenantId: OTHER_TENANT_ID,
    displayName: 'Tailspin Toys',
    domain: OTHER_DOMAIN,
    // Derived from the main seed so it varies with it, but never equal to it.
    seed: (Math.imul(options.seed, 2654435761) ^ 0x5bd1e995) >>> 0,
    size: OTHER_TENANT_SIZE,
    regions: OTHER_REGIONS,
    headquarters: 'paris',
  });
  return [main, other];
}
