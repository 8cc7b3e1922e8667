import { Router, type Request, type Response } from 'express';
import type { IdentityDeps } from './identity-deps.ts';
import { issuerUrl } from './issuer-url.ts';
import { entraErrors } from './entra-error.ts';
import { resolveTenantPath } from './tenant-path.ts';
import { sendEntraError } from './send-entra-error.ts';

/**
 * OpenID Connect discovery and the signing keys, per tenant, at Entra's v2.0 paths. Readable
 * cross-origin, as Entra's are, so browser libraries can fetch them.
 */
export function openIdRoutes(deps: IdentityDeps): Router {
  const router = Router();
  const tenantOr404 = (req: Request, res: Response) => {
    const path = resolveTenantPath(deps.directory, String(req.params['tenant']));
    if (!path) sendEntraError(res, deps, entraErrors.unknownTenant(String(req.params['tenant'])));
    return path;
  };

  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    const path = tenantOr404(req, res);
    if (!path) return;
    const base = deps.baseUrl();
    const segment = String(req.params['tenant']);
    const issuerTenant = path.kind === 'tenant' ? path.tenant.tenantId : '{tenantid}';
    res.set('Access-Control-Allow-Origin', '*').set('Cache-Control', 'max-age=86400, private');
    res.json({
      token_endpoint: `${base}/${segment}/oauth2/v2.0/token`,
      token_endpoint_auth_methods_supported: ['client_secret_post', 'client_secret_basic'],
      jwks_uri: `${base}/${segment}/discovery/v2.0/keys`,
      response_modes_supported: ['fragment'],
      subject_types_supported: ['pairwise'],
      id_token_signing_alg_values_supported: ['RS256'],
      response_types_supported: ['token', 'id_token token'],
      scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
      issuer: issuerUrl(base, issuerTenant),
      request_uri_parameter_supported: false,
      userinfo_endpoint: `${base}/oidc/userinfo`,
      authorization_endpoint: `${base}/${segment}/oauth2/v2.0/authorize`,
      http_logout_supported: false,
      frontchannel_logout_supported: false,
      claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'nonce', 'oid', 'preferred_username', 'tid', 'ver', 'roles', 'scp'],
      tenant_region_scope: 'EU',
      cloud_instance_name: new URL(base).host,
      msgraph_host: new URL(base).host,
    });
  });

  router.get('/:tenant/discovery/v2.0/keys', (req, res) => {
    const path = tenantOr404(req, res);
    if (!path) return;
    const issuerTenant = path.kind === 'tenant' ? path.tenant.tenantId : '{tenantid}';
    res.set('Access-Control-Allow-Origin', '*').set('Cache-Control', 'max-age=86400, private');
    res.json({ keys: [{ ...deps.key.publicJwk, issuer: issuerUrl(deps.baseUrl(), issuerTenant) }] });
  });
  return router;
}
