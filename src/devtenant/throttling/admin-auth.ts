import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Guards the development tenant's control API: the caller must present the app's client secret,
 * as `Authorization: Bearer <secret>` or `x-devtenant-admin: <secret>`. Compared in constant
 * time over digests, so neither the content nor the length leaks.
 */
export function requireAdminSecret(secret: () => string): RequestHandler {
  return (req, res, next) => {
    const header = req.get('x-devtenant-admin') ?? /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (header !== undefined && timingSafeEqual(digest(header), digest(secret()))) return next();
    res
      .status(401)
      .setHeader('WWW-Authenticate', 'Bearer realm="devtenant-admin"')
      .json({
        error: {
          code: 'Unauthorized',
          message: 'The development tenant control API needs the app client secret, as "Authorization: Bearer <secret>" or "x-devtenant-admin: <secret>".',
        },
      });
  };
}
