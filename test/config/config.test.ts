import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../../src/config/config.ts';
import { readEnvFiles } from '../../src/config/env-files.ts';

const base = {
  ENTRA_TENANT_ID: '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  ENTRA_CLIENT_ID: '0b7c6d5e-4f3a-4b2c-9d1e-0f1a2b3c4d5e',
  TEAMS_APP_ID: '7e1f2a3b-4c5d-4e6f-8a9b-0c1d2e3f4a5b',
  LOGIN_BASE_URL: 'http://127.0.0.1:3979',
  GRAPH_BASE_URL: 'http://127.0.0.1:3979',
  DEVTENANT_ENABLED: 'true',
};

const failure = (vars: Record<string, string | undefined>): string => {
  try {
    parseConfig(vars);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
};

describe('configuration', () => {
  it('parses the local defaults into one typed object', () => {
    const config = parseConfig({ ...base, ENTRA_CLIENT_SECRET: 's', PORT: '4000' });
    expect(config.server).toEqual({ host: '127.0.0.1', port: 4000, publicUrl: 'http://127.0.0.1:4000' });
    expect(config.entra.audiences).toEqual([base.ENTRA_CLIENT_ID, `api://127.0.0.1:4000/${base.ENTRA_CLIENT_ID}`]);
    expect(config.entra.allowedTenantIds).toEqual([base.ENTRA_TENANT_ID]);
    expect(config.store.databaseUrl).toBeUndefined();
    expect(config.devTenant).toMatchObject({ enabled: true, port: 3979, size: 200, seed: 1 });
  });

  it('names a missing variable', () => {
    expect(failure({ ...base, ENTRA_CLIENT_ID: undefined })).toBe('ENTRA_CLIENT_ID: is required');
  });

  it('names a bad value and says what is wrong, in one line', () => {
    const message = failure({ ...base, PORT: 'eighty' });
    expect(message).toMatch(/^PORT: /);
    expect(message).not.toContain('\n');
    expect(failure({ ...base, ENTRA_TENANT_ID: 'contoso' })).toBe('ENTRA_TENANT_ID: must be a GUID');
    expect(failure({ ...base, GRAPH_BASE_URL: 'graph' })).toBe('GRAPH_BASE_URL: must be an absolute URL');
    expect(failure({ ...base, DATABASE_URL: 'mysql://x' })).toBe('DATABASE_URL: must be a postgres:// or postgresql:// URL');
    expect(failure({ ...base, DEVTENANT_ENABLED: 'maybe' })).toBe('DEVTENANT_ENABLED: must be true or false');
  });

  it('refuses unauthenticated bot requests whenever a real tenant is configured', () => {
    expect(parseConfig({ ...base, BOT_ALLOW_UNAUTHENTICATED: 'true' }).bot.allowUnauthenticated).toBe(true);
    const real = {
      ...base,
      DEVTENANT_ENABLED: 'false',
      LOGIN_BASE_URL: 'https://login.microsoftonline.com',
      GRAPH_BASE_URL: 'https://graph.microsoft.com',
    };
    expect(failure({ ...real, BOT_ALLOW_UNAUTHENTICATED: 'true' })).toMatch(/^BOT_ALLOW_UNAUTHENTICATED: must be false/);
    expect(failure({ ...base, DEVTENANT_ENABLED: 'false', BOT_ALLOW_UNAUTHENTICATED: 'true' })).toMatch(/^BOT_ALLOW_UNAUTHENTICATED/);
    expect(
      failure({ ...base, BOT_ALLOW_UNAUTHENTICATED: 'true', BOT_ID: '11111111-1111-4111-8111-111111111111', BOT_PASSWORD: 'p' }),
    ).toMatch(/^BOT_ALLOW_UNAUTHENTICATED/);
  });

  it('needs the bot password when a bot id is set', () => {
    expect(failure({ ...base, BOT_ID: '11111111-1111-4111-8111-111111111111' })).toBe('BOT_PASSWORD: is required when BOT_ID is set');
  });

  it('keeps the home tenant in the allowed list', () => {
    const other = '99999999-2222-4333-8444-555555555555';
    expect(parseConfig({ ...base, ENTRA_ALLOWED_TENANT_IDS: other }).entra.allowedTenantIds).toEqual([base.ENTRA_TENANT_ID, other]);
  });

  it('layers the git-ignored .user file over the environment file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'upward-env-'));
    writeFileSync(join(dir, '.env.test'), 'PORT=4000\nENTRA_CLIENT_SECRET=\n# comment\n');
    writeFileSync(join(dir, '.env.test.user'), 'ENTRA_CLIENT_SECRET=from-user-file\n');
    expect(readEnvFiles(dir, 'test')).toEqual({ PORT: '4000', ENTRA_CLIENT_SECRET: 'from-user-file' });
    expect(() => readEnvFiles(dir, 'missing')).toThrow(/UPWARD_ENV: no file .*\.env\.missing/);
    expect(() => readEnvFiles(dir, '../etc')).toThrow(/not a valid environment name/);
  });

  it('accepts the committed local and dev environment files (the dev one once filled in)', () => {
    const local = readEnvFiles('env', 'local');
    expect(() => parseConfig({ ...local, ENTRA_CLIENT_SECRET: 'x' })).not.toThrow();
    const dev = readEnvFiles('env', 'dev');
    // The dev file documents every value; left empty, the first required one is named.
    expect(failure(dev)).toBe('ENTRA_TENANT_ID: is required');
  });
});
