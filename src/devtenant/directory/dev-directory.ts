import type { DevOrganisation, DevPerson } from '../org/dev-person.ts';

/** Who an organisation is, without its people. */
export interface DevTenantInfo {
  readonly tenantId: string;
  readonly displayName: string;
  readonly domain: string;
}

/**
 * Read-only view of the seeded organisations, for the tenant's own endpoints and for tests,
 * benchmarks and the CLI. Tenant ids and UPNs are matched case-insensitively, as Entra does.
 */
export interface DevDirectory {
  readonly tenants: readonly DevTenantInfo[];
  /** The tenant with this id or verified domain. */
  tenant(idOrDomain: string): DevTenantInfo | undefined;
  /** Everyone in the tenant, the chief executive first (empty for an unknown tenant). */
  people(tenantId: string): readonly DevPerson[];
  /** A person of the tenant by object id or UPN. */
  find(tenantId: string, idOrUpn: string): DevPerson | undefined;
  /** A person of any tenant by object id or UPN. */
  findAnywhere(idOrUpn: string): DevPerson | undefined;
  /** The chief executive. */
  root(tenantId: string): DevPerson | undefined;
  manager(tenantId: string, id: string): DevPerson | undefined;
  directReports(tenantId: string, id: string): readonly DevPerson[];
  /** Holders of the Upward.ProgramAdmin app role. */
  admins(tenantId: string): readonly DevPerson[];
  /** People with at least one direct report. */
  managers(tenantId: string): readonly DevPerson[];
}

interface TenantIndex {
  readonly info: DevTenantInfo;
  readonly people: readonly DevPerson[];
  readonly byKey: ReadonlyMap<string, DevPerson>;
  readonly reports: ReadonlyMap<string, readonly DevPerson[]>;
  readonly admins: readonly DevPerson[];
  readonly managers: readonly DevPerson[];
}

function indexOrganisation(org: DevOrganisation): TenantIndex {
  const byKey = new Map<string, DevPerson>();
  const reports = new Map<string, DevPerson[]>();
  for (const person of org.people) {
    byKey.set(person.id.toLowerCase(), person);
    byKey.set(person.userPrincipalName.toLowerCase(), person);
    if (person.managerId !== null) {
      const list = reports.get(person.managerId);
      if (list) list.push(person);
      else reports.set(person.managerId, [person]);
    }
  }
  return {
    info: { tenantId: org.tenantId.toLowerCase(), displayName: org.displayName, domain: org.domain },
    people: org.people,
    byKey,
    reports,
    admins: org.people.filter((p) => p.isProgramAdmin),
    managers: org.people.filter((p) => reports.has(p.id)),
  };
}

const NONE: readonly DevPerson[] = [];

/** Indexes the organisations for lookups by id, UPN, manager and domain. */
export function createDevDirectory(organisations: readonly DevOrganisation[]): DevDirectory {
  const indexes = organisations.map(indexOrganisation);
  const byTenant = new Map<string, TenantIndex>();
  for (const index of indexes) {
    byTenant.set(index.info.tenantId, index);
    byTenant.set(index.info.domain.toLowerCase(), index);
  }
  const of = (tenantId: string): TenantIndex | undefined => byTenant.get(tenantId.toLowerCase());
  return {
    tenants: indexes.map((i) => i.info),
    tenant: (idOrDomain) => of(idOrDomain)?.info,
    people: (tenantId) => of(tenantId)?.people ?? NONE,
    find: (tenantId, idOrUpn) => of(tenantId)?.byKey.get(idOrUpn.toLowerCase()),
    findAnywhere(idOrUpn) {
      for (const index of indexes) {
        const found = index.byKey.get(idOrUpn.toLowerCase());
        if (found) return found;
      }
      return undefined;
    },
    root: (tenantId) => of(tenantId)?.people[0],
    manager(tenantId, id) {
      const index = of(tenantId);
      const person = index?.byKey.get(id.toLowerCase());
      return person?.managerId ? index?.byKey.get(person.managerId) : undefined;
    },
    directReports: (tenantId, id) => {
      const index = of(tenantId);
      const person = index?.byKey.get(id.toLowerCase());
      return (person && index?.reports.get(person.id)) ?? NONE;
    },
    admins: (tenantId) => of(tenantId)?.admins ?? NONE,
    managers: (tenantId) => of(tenantId)?.managers ?? NONE,
  };
}
