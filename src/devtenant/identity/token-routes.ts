import express, { Router } from 'express';
import { GRAPH_RESOURCE } from './app-registrations.ts';
import { authenticateClient } from './client-authentication.ts';
import { EntraError, entraErrors } from './entra-error.ts';
import { checkClientCredentialsScope, checkOnBehalfOfScope } from './graph-scopes.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { sendEntraError } from './send-entra-error.ts';
import { TOKEN_LIFETIME_SECONDS } from './token-issuer.ts';
import { TokenRejection } from './token-verifier.ts';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
/** Entra reports one second less than the token's lifetime. */
const EXPIRES_IN = TOKEN_LIFETIME_SECONDS - 1;

const stringFields = (body: unknown): Record<string, string> => {
  const out: Record<string, string> = {};
  if (body && typeof body === 'object') {
    for (const [k, v] of Object.entries(body)) if (typeof v === 'string') out[k] = v;
  }
  return out;
};

/**
 * `POST /{tenant}/oauth2/v2.0/token`: client credentials (app-only Graph or Bot Framework token) and
 * on-behalf-of (delegated Graph token for the user of an API token this tenant issued).
 */
export function tokenRoutes(deps: IdentityDeps): Router {
  const router = Router();
  router.post('/:tenant/oauth2/v2.0/token', express.urlencoded({ extended: false, limit: '64kb' }), async (req, res) => {
    try {
      const segment = String(req.params['tenant']);
      const tenant = deps.directory.tenant(segment);
      if (!tenant) throw entraErrors.unknownTenant(segment);
      const body = stringFields(req.body);
      const grant = body['grant_type'];
      if (!grant) throw entraErrors.missingParameter('grant_type');
      if (grant !== 'client_credentials' && grant !== JWT_BEARER) throw entraErrors.unsupportedGrant(grant);
      const app = authenticateClient(req, body, deps.apps, tenant.tenantId);
      const scope = body['scope'];
      if (!scope) throw entraErrors.missingParameter('scope');

      res.set('Cache-Control', 'no-store, no-cache').set('Pragma', 'no-cache');
      if (grant === 'client_credentials') {
        const resource = checkClientCredentialsScope(scope, tenant.tenantId);
        const accessToken = resource === 'botframework' ? await deps.issuer.appBotToken(tenant.tenantId, app) : await deps.issuer.appGraphToken(tenant.tenantId, app);
        res.json({ token_type: 'Bearer', expires_in: EXPIRES_IN, ext_expires_in: EXPIRES_IN, access_token: accessToken });
        return;
      }

      if (!body['requested_token_use']) throw entraErrors.missingParameter('requested_token_use');
      if (body['requested_token_use'] !== 'on_behalf_of') throw entraErrors.unsupportedGrant(`${grant} (${body['requested_token_use']})`);
      const assertion = body['assertion'];
      if (!assertion) throw entraErrors.missingParameter('assertion');
      checkOnBehalfOfScope(scope, tenant.tenantId);
      const audiences = [app.clientId, ...(app.appIdUri ? [app.appIdUri] : [])];
      let claims;
      try {
        claims = await deps.verifier.verify(assertion, audiences);
      } catch (error) {
        if (!(error instanceof TokenRejection)) throw error;
        if (error.reason === 'expired' || error.reason === 'not-yet-valid') throw entraErrors.assertionExpired();
        if (error.reason === 'audience') throw entraErrors.assertionAudience(app.clientId);
        if (error.reason === 'malformed' || error.reason === 'missing') throw entraErrors.malformedAssertion();
        throw entraErrors.assertionRejected(error.message);
      }
      if (claims.tid !== tenant.tenantId) throw entraErrors.assertionRejected('The assertion was issued by another tenant.');
      const person = typeof claims['oid'] === 'string' ? deps.directory.find(claims.tid, claims['oid']) : undefined;
      if (!person) throw entraErrors.userNotFound(String(claims['oid']), tenant.tenantId);
      if (!person.accountEnabled) throw entraErrors.userDisabled();
      const accessToken = await deps.issuer.delegatedGraphToken(person, app);
      res.json({
        token_type: 'Bearer',
        scope: app.graphDelegatedScopes.map((s) => `${GRAPH_RESOURCE}/${s}`).join(' '),
        expires_in: EXPIRES_IN,
        ext_expires_in: EXPIRES_IN,
        access_token: accessToken,
      });
    } catch (error) {
      if (error instanceof EntraError) {
        deps.log.debug({ err: error.description() }, 'token request refused');
        sendEntraError(res, deps, error);
        return;
      }
      throw error;
    }
  });
  return router;
}
