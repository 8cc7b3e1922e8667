import type { Logger } from 'pino';
import type { DevDirectory } from '../directory/dev-directory.ts';
import type { AppRegistry } from './app-registrations.ts';
import type { SigningKey } from './signing-key.ts';
import type { TokenIssuer } from './token-issuer.ts';
import type { TokenVerifier } from './token-verifier.ts';

/** What the identity endpoints need. */
export interface IdentityDeps {
  readonly directory: DevDirectory;
  readonly apps: AppRegistry;
  readonly issuer: TokenIssuer;
  readonly verifier: TokenVerifier;
  readonly key: SigningKey;
  /** The service's own base URL (known once it listens). */
  readonly baseUrl: () => string;
  readonly now: () => Date;
  readonly log: Logger;
}
