import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseConfig, type Config } from '../../src/config/config.ts';
import {
  APP_PACKAGE_SOURCE,
  AppPackageError,
  buildAppPackage,
  fillManifest,
  validateManifest,
} from '../../scripts/app-package.ts';

const TEAMS_APP_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
const CLIENT_ID = '1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5';
const BOT_ID = '5e6f7a8b-9c0d-4e1f-a2b3-c4d5e6f7a8b9';

const baseVars = {
  PUBLIC_URL: 'https://upward.contoso.test:8443',
  ENTRA_TENANT_ID: '0f1e2d3c-4b5a-4968-8776-655443322110',
  ENTRA_CLIENT_ID: CLIENT_ID,
  LOGIN_BASE_URL: 'https://login.microsoftonline.com',
  GRAPH_BASE_URL: 'https://graph.microsoft.com',
  TEAMS_APP_ID,
};

/** The IHDR of a PNG, read independently of the code under test. */
const ihdr = (bytes: Uint8Array): { width: number; height: number; type: string } => {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  expect([...bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
  return {
    type: new TextDecoder().decode(bytes.subarray(12, 16)),
    width: view.getUint32(16),
    height: view.getUint32(20),
  };
};

let work: string;
const dirs: string[] = [];
const freshDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'upward-manifest-'));
  dirs.push(dir);
  return dir;
};

beforeAll(() => {
  // Validation must run from the schema copies in node_modules: any network use fails the test.
  vi.stubGlobal('fetch', () => {
    throw new Error('manifest validation tried to use the network');
  });
  work = freshDir();
});
afterAll(() => {
  vi.unstubAllGlobals();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('the Teams app package', () => {
  const config: Config = parseConfig({ ...baseVars, BOT_ID, BOT_PASSWORD: 'not-a-real-secret' });

  it('zips a manifest that matches the official schema, with both icons at the root', async () => {
    const built = await buildAppPackage(config, work);
    const entries = unzipSync(readFileSync(built.zipPath));
    expect(Object.keys(entries).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);

    const text = new TextDecoder().decode(entries['manifest.json']);
    expect(text).not.toContain('${{');
    const manifest = JSON.parse(text) as Record<string, unknown>;
    expect(await validateManifest(manifest)).toEqual([]);
    expect(manifest).toEqual(JSON.parse(readFileSync(built.manifestPath, 'utf8')));

    expect(ihdr(entries['color.png']!)).toEqual({ type: 'IHDR', width: 192, height: 192 });
    expect(ihdr(entries['outline.png']!)).toEqual({ type: 'IHDR', width: 32, height: 32 });
  });

  it('fills ids, hosts and URLs from the configuration', async () => {
    const { manifest } = await buildAppPackage(config, work);
    const m = manifest as {
      id: string;
      bots: { botId: string; scopes: string[] }[];
      composeExtensions: { botId: string; commands: { id: string; type: string }[] }[];
      webApplicationInfo: { id: string; resource: string };
      validDomains: string[];
      staticTabs: { entityId: string; contentUrl?: string; websiteUrl?: string }[];
    };
    expect(m.id).toBe(TEAMS_APP_ID);
    expect(m.bots[0]!.botId).toBe(BOT_ID);
    expect(m.composeExtensions[0]!.botId).toBe(BOT_ID);
    expect(m.webApplicationInfo).toEqual({ id: CLIENT_ID, resource: `api://upward.contoso.test:8443/${CLIENT_ID}` });
    expect(config.entra.audiences).toContain(m.webApplicationInfo.resource);
    expect(m.validDomains).toEqual(['upward.contoso.test:8443']);

    const personal = m.staticTabs.find((t) => t.entityId === 'my-mentoring')!;
    expect(personal.contentUrl).toBe('https://upward.contoso.test:8443/tab/?host=teams&view=personal');
    expect(personal.websiteUrl).toBe('https://upward.contoso.test:8443/tab/?view=personal');
    const views = m.staticTabs.map((t) => new URL(t.contentUrl ?? 'about:blank').searchParams.get('view'));
    expect(views.filter((v) => v !== null).sort()).toEqual(['admin', 'manager', 'personal']);
    expect(m.composeExtensions[0]!.commands.map((c) => `${c.id}:${c.type}`)).toEqual([
      'findMentors:query',
      'nextSession:query',
      'addToAgenda:action',
      'logSession:action',
    ]);
  });

  it('uses Upward\'s own app registration as the bot when no Azure Bot is registered', async () => {
    const local = parseConfig(baseVars);
    const built = await buildAppPackage(local, freshDir());
    const botId = (built.manifest['bots'] as { botId: string }[])[0]!.botId;
    expect(built.botIdDerived).toBe(true);
    expect(botId).toBe(local.entra.clientId);
    const again = await buildAppPackage(local, freshDir());
    expect(readFileSync(again.zipPath)).toEqual(readFileSync(built.zipPath));
  });

  it('names a placeholder that has no value', () => {
    expect(() => fillManifest('{"id": "${{TEAMS_APP_ID}}", "x": "${{NO_SUCH_VALUE}}"}', { TEAMS_APP_ID })).toThrow(
      /\$\{\{NO_SUCH_VALUE\}\}/,
    );
    expect(fillManifest('{"a": "${{ V }}"}', { V: 'say "hi"' })).toBe('{"a": "say \\"hi\\""}');
  });

  it('reports a manifest broken on purpose as invalid, naming the fault', async () => {
    const broken = freshDir();
    cpSync(APP_PACKAGE_SOURCE, broken, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(broken, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    delete manifest['developer'];
    manifest['accentColor'] = 'blue';
    writeFileSync(join(broken, 'manifest.json'), JSON.stringify(manifest));

    const failure = await buildAppPackage(config, freshDir(), { sourceDir: broken }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppPackageError);
    const problems = (failure as AppPackageError).problems.join('\n');
    expect(problems).toMatch(/developer/);
    expect(problems).toMatch(/accentColor/);
  });

  it('refuses a $schema it has no offline copy of instead of fetching it', async () => {
    const errors = await validateManifest({ $schema: 'https://developer.microsoft.com/json-schemas/teams/v1.18/MicrosoftTeams.schema.json' });
    expect(errors.join()).toMatch(/no copy/);
  });

  it('refuses an icon of the wrong size', async () => {
    const wrong = freshDir();
    cpSync(APP_PACKAGE_SOURCE, wrong, { recursive: true });
    cpSync(join(APP_PACKAGE_SOURCE, 'outline.png'), join(wrong, 'color.png'));
    await expect(buildAppPackage(config, freshDir(), { sourceDir: wrong })).rejects.toThrow(/icons\.color.*192x192/);
  });

  it('refuses an app ID URI the server would not accept as audience', async () => {
    const other = parseConfig({ ...baseVars, ENTRA_APP_ID_URI: `api://elsewhere.test/${CLIENT_ID}` });
    await expect(buildAppPackage(other, freshDir())).rejects.toThrow(/webApplicationInfo\.resource/);
  });
});
