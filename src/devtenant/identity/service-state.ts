import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { z } from 'zod';

/** What the development tenant keeps between restarts so that issued secrets and tokens stay valid. */
export interface ServiceState {
  /** Upward's client secret in the development tenant. */
  readonly clientSecret: string;
  /** The RSA private key (JWK) that signs every token. */
  readonly signingKey: JWK;
}

const STATE_FILE = 'dev-tenant-state.json';
const stateSchema = z.object({
  version: z.literal(1),
  clientSecret: z.string().min(20),
  signingKey: z.object({ kty: z.literal('RSA'), n: z.string(), e: z.string(), d: z.string() }).passthrough(),
});

/** A secret shaped like an Entra client secret value (40 characters, "8Q~" after the first three). */
function newClientSecret(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789.-_~';
  const bytes = randomBytes(37);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return `${chars.slice(0, 3)}8Q~${chars.slice(3, 37)}`;
}

/**
 * Reads the state from `dataDir`, or creates it on first start (written atomically, readable by
 * the owner only, since it holds a secret and a private key).
 */
export async function loadOrCreateServiceState(dataDir: string): Promise<ServiceState> {
  const file = join(dataDir, STATE_FILE);
  try {
    const parsed = stateSchema.parse(JSON.parse(await readFile(file, 'utf8')));
    return { clientSecret: parsed.clientSecret, signingKey: parsed.signingKey as JWK };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      throw new Error(`development tenant state ${file} is unreadable; delete it to start afresh`, { cause: error });
    }
  }
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const state: ServiceState = { clientSecret: newClientSecret(), signingKey: await exportJWK(privateKey) };
  await mkdir(dataDir, { recursive: true });
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(temporary, JSON.stringify({ version: 1, ...state }, null, 2), { mode: 0o600 });
  await rename(temporary, file);
  return state;
}
