import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from 'jose';

/**
 * A minimal OpenID issuer on loopback for the token validator's tests: discovery, JWKS, and a
 * `mint` that signs any claims — including wrong ones — with the published key or a stranger's.
 */
export interface LocalIssuer {
  readonly url: string;
  mint(claims: JWTPayload, options?: { foreignKey?: boolean; expiresIn?: string; kid?: string }): Promise<string>;
  close(): Promise<void>;
}

export async function startLocalIssuer(): Promise<LocalIssuer> {
  const { publicKey, privateKey } = await generateKeyPair('RS256');
  const stranger = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', use: 'sig', alg: 'RS256' };
  let base = '';
  const server: Server = createServer((req, res) => {
    const path = req.url ?? '';
    const discovery = /^\/([^/]+)\/v2\.0\/\.well-known\/openid-configuration$/.exec(path);
    if (discovery) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ issuer: `${base}/${discovery[1]}/v2.0`, jwks_uri: `${base}/${discovery[1]}/discovery/v2.0/keys` }));
      return;
    }
    if (/^\/[^/]+\/discovery\/v2\.0\/keys$/.test(path)) {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys: [jwk] }));
      return;
    }
    res.statusCode = 404;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: base,
    async mint(claims, options = {}) {
      return new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: options.kid ?? 'k1', typ: 'JWT' })
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(options.foreignKey ? stranger.privateKey : privateKey);
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
