import type { Request } from 'express';
import { PROGRAM_ADMIN_ROLE } from '../../auth/principal.ts';
import type { Actor } from '../../programs/ports.ts';
import { principalOf } from '../authenticate.ts';

/** The caller as the program use cases see them: tenant, person, and whether they are a program admin. */
export function actorOf(req: Request): Actor {
  const principal = principalOf(req);
  return { tenantId: principal.tenantId, userId: principal.userId, isAdmin: principal.roles.includes(PROGRAM_ADMIN_ROLE), displayName: principal.name };
}

/** A route parameter as text (Express 5 types them loosely). */
export const param = (req: Request, name: string): string => String(req.params[name] ?? '');
