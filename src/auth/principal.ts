import type { ProgramAdminRole } from '../contracts/me.ts';
import type { TenantId, UserId } from '../core/ids.ts';

/** The app role that makes a person a program admin (assigned in Entra ID, carried in `roles`). */
export const PROGRAM_ADMIN_ROLE: ProgramAdminRole = 'Upward.ProgramAdmin';

/** Who is calling, as proven by a validated token. */
export interface Principal {
  readonly tenantId: TenantId;
  readonly userId: UserId;
  readonly name: string | undefined;
  readonly userPrincipalName: string | undefined;
  readonly roles: readonly string[];
  readonly scopes: readonly string[];
}
