import { timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import type { AppRegistration, AppRegistry } from './app-registrations.ts';
import { entraErrors } from './entra-error.ts';

const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

/**
 * Authenticates the calling app by client_id + client_secret, in the form body
 * (client_secret_post) or an HTTP Basic header (client_secret_basic). Throws Entra's errors.
 */
export function authenticateClient(req: Request, body: Record<string, string>, apps: AppRegistry, tenantLabel: string): AppRegistration {
  let clientId = body['client_id'];
  let secret = body['client_secret'];
  const basic = /^Basic\s+(.+)$/i.exec(req.get('authorization') ?? '');
  if (basic) {
    const decoded = Buffer.from(basic[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) {
      clientId ??= decodeURIComponent(decoded.slice(0, colon));
      secret ??= decodeURIComponent(decoded.slice(colon + 1));
    }
  }
  if (!clientId) throw entraErrors.missingParameter('client_id');
  const app = apps.find(clientId);
  if (!app) throw entraErrors.unknownClient(clientId, tenantLabel);
  if (!secret) throw entraErrors.missingSecret();
  if (!sameSecret(secret, app.clientSecret)) throw entraErrors.badSecret(app.clientId);
  return app;
}
