import type { RequestHandler } from 'express';
import { GraphError } from '../graph-error.ts';
import { callerOf } from './caller.ts';

/**
 * Graph's `/me` is `/users/{signed-in user}`: rewrites it so that route modules only handle
 * `/users/:id/...`. With an app-only token there is no "me", and Graph says so with a 400.
 */
export function meAlias(): RequestHandler {
  return (req, _res, next) => {
    const match = /^\/me(\/.*)?$/i.exec(req.path);
    if (!match) return next();
    const caller = callerOf(req);
    if (caller.kind !== 'delegated' || caller.userId === undefined) {
      throw new GraphError(400, 'BadRequest', '/me request is only valid with delegated authentication flow.');
    }
    const query = req.url.slice(req.path.length);
    req.url = `/users/${encodeURIComponent(caller.userId)}${match[1] ?? ''}${query}`;
    next();
  };
}
