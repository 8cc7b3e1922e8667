import express, { Router, type Request, type Response } from 'express';
import type { DevPerson } from '../org/dev-person.ts';
import { AUTHORIZE_PARAMETERS, fragmentRedirect, validateAuthorizeRequest, type AuthorizeRequest } from './authorize-request.ts';
import { entraErrors, type EntraError } from './entra-error.ts';
import type { IdentityDeps } from './identity-deps.ts';
import { signInCandidates } from './sign-in-candidates.ts';
import { renderSignInErrorPage, renderSignInPage } from './sign-in-page.ts';
import { resolveTenantPath, tenantsOf, type TenantPath } from './tenant-path.ts';
import { TOKEN_LIFETIME_SECONDS } from './token-issuer.ts';

const first = (value: unknown): string | undefined =>
  typeof value === 'string' ? value : Array.isArray(value) && typeof value[0] === 'string' ? value[0] : undefined;

/** OAuth parameters from the query, overridden by the form body (Entra accepts both). */
function authorizeParams(req: Request): Record<string, string | undefined> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const out: Record<string, string | undefined> = {};
  for (const name of AUTHORIZE_PARAMETERS) out[name] = first(body[name]) ?? first(req.query[name]);
  return out;
}

function sendPage(res: Response, status: number, html: string, formTargets: readonly string[]): void {
  // The form posts here and the answer redirects to the app, so form-action must allow both.
  const formAction = ["'self'", ...formTargets].join(' ');
  res
    .status(status)
    .set('Content-Type', 'text/html; charset=utf-8')
    .set('Cache-Control', 'no-store')
    .set('X-Content-Type-Options', 'nosniff')
    .set('Referrer-Policy', 'no-referrer')
    .set('Content-Security-Policy', `default-src 'none'; style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors 'none'; base-uri 'none'`)
    .send(html);
}

const errorPage = (res: Response, error: EntraError): void =>
  sendPage(res, 400, renderSignInErrorPage('Sign-in request refused', error.description()), []);

/**
 * `GET|POST /{tenant}/oauth2/v2.0/authorize`: the development sign-in. GET shows a person picker;
 * POST with `userId` (object id or UPN) or `login_hint` signs in as that person and redirects
 * to the app with an access token for its API in the fragment (implicit grant), as a browser
 * or a test would see it after a real Entra sign-in.
 */
export function authorizeRoutes(deps: IdentityDeps): Router {
  const router = Router();
  const path = '/:tenant/oauth2/v2.0/authorize';

  const validate = (req: Request, res: Response): { tenantPath: TenantPath; request: AuthorizeRequest } | undefined => {
    const segment = String(req.params['tenant']);
    const tenantPath = resolveTenantPath(deps.directory, segment);
    if (!tenantPath) {
      errorPage(res, entraErrors.unknownTenant(segment));
      return undefined;
    }
    const result = validateAuthorizeRequest(authorizeParams(req), deps.apps, segment);
    if (result.ok) return { tenantPath, request: result.request };
    if ('page' in result) errorPage(res, result.page);
    else {
      const { uri, error, state } = result.redirect;
      res.redirect(302, fragmentRedirect(uri, { error: error.error, error_description: error.description(), state }));
    }
    return undefined;
  };

  router.get(path, (req, res) => {
    const valid = validate(req, res);
    if (!valid) return;
    const params = authorizeParams(req);
    const carried: Record<string, string> = {};
    for (const name of AUTHORIZE_PARAMETERS) if (params[name] !== undefined) carried[name] = params[name]!;
    const query = first(req.query['q']) ?? '';
    const { shown, total } = signInCandidates(deps.directory, tenantsOf(deps.directory, valid.tenantPath), query, valid.request.loginHint);
    const html = renderSignInPage({ appName: valid.request.app.displayName, action: req.originalUrl, carried, query, shown, total });
    sendPage(res, 200, html, valid.request.app.redirectOrigins);
  });

  router.post(path, express.urlencoded({ extended: false, limit: '16kb' }), async (req, res) => {
    const valid = validate(req, res);
    if (!valid) return;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const chosen = first(body['userId']) ?? first(body['login_hint']);
    if (!chosen) {
      errorPage(res, entraErrors.missingParameter('userId'));
      return;
    }
    let person: DevPerson | undefined;
    for (const tenantId of tenantsOf(deps.directory, valid.tenantPath)) person ??= deps.directory.find(tenantId, chosen);
    const tenantLabel = valid.tenantPath.kind === 'tenant' ? valid.tenantPath.tenant.tenantId : valid.tenantPath.alias;
    if (!person) return errorPage(res, entraErrors.userNotFound(chosen, tenantLabel));
    if (!person.accountEnabled) return errorPage(res, entraErrors.userDisabled());
    const { app, redirectUri, grantedScope, state, nonce, wantsIdToken } = valid.request;
    const accessToken = await deps.issuer.apiToken(person, app);
    const idToken = wantsIdToken ? await deps.issuer.idToken(person, app, nonce) : undefined;
    deps.log.debug({ user: person.userPrincipalName, tenant: person.tenantId }, 'development sign-in');
    res.set('Cache-Control', 'no-store');
    res.redirect(
      302,
      fragmentRedirect(redirectUri, {
        access_token: accessToken,
        token_type: 'Bearer',
        expires_in: String(TOKEN_LIFETIME_SECONDS),
        scope: grantedScope,
        id_token: idToken,
        state,
      }),
    );
  });
  return router;
}
