import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv } from 'node:util';
import { ConfigError } from './config-error.ts';

/** Reads `.env.<name>` and its git-ignored `.env.<name>.user` companion from a folder. */
export function readEnvFiles(dir: string, name: string): Record<string, string> {
  if (!/^[a-z0-9-]+$/i.test(name)) throw new ConfigError(`UPWARD_ENV: "${name}" is not a valid environment name`);
  const base = join(dir, `.env.${name}`);
  if (!existsSync(base)) throw new ConfigError(`UPWARD_ENV: no file ${base} for environment "${name}"`);
  const user = `${base}.user`;
  const merged = { ...parseEnv(readFileSync(base, 'utf8')), ...(existsSync(user) ? parseEnv(readFileSync(user, 'utf8')) : {}) };
  return Object.fromEntries(Object.entries(merged).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
