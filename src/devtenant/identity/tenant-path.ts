import type { DevDirectory, DevTenantInfo } from '../directory/dev-directory.ts';

/** The `{tenant}` path segment of a login URL: one tenant (by id or domain) or a multi-tenant alias. */
export type TenantPath =
  | { readonly kind: 'tenant'; readonly tenant: DevTenantInfo }
  | { readonly kind: 'multi'; readonly alias: 'common' | 'organizations' };

export function resolveTenantPath(directory: DevDirectory, segment: string): TenantPath | undefined {
  const lower = segment.toLowerCase();
  if (lower === 'common' || lower === 'organizations') return { kind: 'multi', alias: lower };
  const tenant = directory.tenant(lower);
  return tenant ? { kind: 'tenant', tenant } : undefined;
}

/** Tenant ids whose people may sign in through this path. */
export function tenantsOf(directory: DevDirectory, path: TenantPath): readonly string[] {
  return path.kind === 'tenant' ? [path.tenant.tenantId] : directory.tenants.map((t) => t.tenantId);
}
