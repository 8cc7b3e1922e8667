import { calculateJwkThumbprint, importJWK, type JWK } from 'jose';

/** The tenant's token-signing key: private half for signing, public half published as JWKS. */
export interface SigningKey {
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
  /** The public JWK as published (kty, n, e, kid, use). */
  readonly publicJwk: JWK;
}

/** Builds the signing key from a stored private JWK; the key id is its RFC 7638 thumbprint. */
export async function signingKeyFromJwk(privateJwk: JWK): Promise<SigningKey> {
  const publicJwk: JWK = { kty: 'RSA', n: privateJwk.n!, e: privateJwk.e! };
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateKey = (await importJWK({ ...privateJwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  const publicKey = (await importJWK({ ...publicJwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  return { kid, privateKey, publicKey, publicJwk: { ...publicJwk, kid, use: 'sig' } };
}
