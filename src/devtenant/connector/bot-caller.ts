import type { Request } from 'express';
import { callerOf } from '../http/caller.ts';
import { ConnectorError } from './connector-error.ts';

/** The bot calling the connector: the app id and tenant of its Bot Framework token. */
export interface BotCaller {
  readonly botId: string;
  readonly tenantId: string;
}

/** The verified bot of a connector request; a token that is not an app's own is refused as the connector refuses it. */
export function botCallerOf(req: Request): BotCaller {
  const caller = callerOf(req);
  if (caller.kind !== 'app' || caller.appId === '') throw new ConnectorError(401, 'Unauthorized', 'Authorization has been denied for this request.');
  return { botId: caller.appId.toLowerCase(), tenantId: caller.tenantId };
}
