import { existsSync, readFileSync, statSync } from 'node:fs';
import { parseEnv } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { environmentSchema } from '../../src/config/schema.ts';

interface Step {
  uses: string;
  name?: string;
  env?: Record<string, string>;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
interface ProjectFile {
  version: string;
  environmentFolderPath: string;
  provision: Step[];
  deploy: Step[];
}

// Actions the v1.11 project-file schema defines (a subset: those a Node app can use). A typo in
// `uses` makes the Toolkit refuse the whole file.
const TOOLKIT_ACTIONS = [
  'aadApp/create',
  'aadApp/update',
  'arm/deploy',
  'azureAppService/zipDeploy',
  'botAadApp/create',
  'botFramework/create',
  'cli/runNpmCommand',
  'cli/runNpxCommand',
  'devTool/install',
  'file/createOrUpdateEnvironmentFile',
  'file/createOrUpdateJsonFile',
  'script',
  'teamsApp/create',
  'teamsApp/extendToM365',
  'teamsApp/publishAppPackage',
  'teamsApp/update',
  'teamsApp/validateAppPackage',
  'teamsApp/validateManifest',
  'teamsApp/zipAppPackage',
];

const root = new URL('../../', import.meta.url);
const read = (path: string): string => readFileSync(new URL(path, root), 'utf8');
const project = parse(read('teamsapp.yml')) as ProjectFile;
const uses = (steps: Step[]): string[] => steps.map((s) => s.uses);
const placeholders = (text: string): string[] => [...text.matchAll(/\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)].map((m) => m[1]!);

/** The variables a step makes available to the steps after it. */
const outputs = (step: Step): string[] => [
  ...Object.values(step.writeToEnvironmentFile ?? {}),
  ...[...String(step.with?.['run'] ?? '').matchAll(/::set-teamsfx-env ([A-Z][A-Z0-9_]*)=/g)].map((m) => m[1]!),
  ...Object.keys(step.uses === 'file/createOrUpdateEnvironmentFile' ? (step.with?.['envs'] as object) : {}),
];

describe('teamsapp.yml', () => {
  it('is a Toolkit v1.x project file with provision and deploy stages over ./env', () => {
    expect(project.version).toMatch(/^v1\.\d+$/);
    expect(project.environmentFolderPath).toBe('./env');
    expect(statSync(new URL('env/', root)).isDirectory()).toBe(true);
    expect(existsSync(new URL('env/.env.dev', root))).toBe(true);
    for (const step of [...project.provision, ...project.deploy]) expect(TOOLKIT_ACTIONS).toContain(step.uses);
  });

  it('provisions the Teams app, the Entra app and the bot, in an order that works', () => {
    const order = uses(project.provision);
    const before = (a: string, b: string): void => expect(order.indexOf(a)).toBeLessThan(order.indexOf(b));
    for (const action of [
      'teamsApp/create',
      'aadApp/create',
      'aadApp/update',
      'botAadApp/create',
      'botFramework/create',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/update',
    ]) {
      expect(order).toContain(action);
    }
    before('aadApp/create', 'aadApp/update');
    before('botAadApp/create', 'botFramework/create');
    before('teamsApp/create', 'teamsApp/zipAppPackage');
    before('teamsApp/zipAppPackage', 'teamsApp/update');
  });

  it('deploys with npm and an App Service zip deploy', () => {
    const order = uses(project.deploy);
    expect(order).toContain('cli/runNpmCommand');
    expect(order.at(-1)).toBe('azureAppService/zipDeploy');
  });

  it('references only files that exist', () => {
    const fileKeys = ['manifestPath', 'ignoreFile', 'path', 'parameters', 'packageSolutionPath'];
    const referenced = [...project.provision, ...project.deploy].flatMap((step) =>
      Object.entries(step.with ?? {}).filter(([key]) => fileKeys.includes(key)).map(([, value]) => String(value)),
    );
    expect(referenced).toContain('./appPackage/manifest.json');
    expect(referenced).toContain('./appPackage/aad.manifest.json');
    for (const path of referenced) expect(existsSync(new URL(path, root)), path).toBe(true);
  });

  it('writes ids and secrets under names src/config reads, and secrets only as SECRET_*', () => {
    const known = Object.keys(environmentSchema.shape);
    const writes = Object.fromEntries(project.provision.map((s) => [s.uses, s.writeToEnvironmentFile ?? {}]));
    expect(writes['teamsApp/create']).toMatchObject({ teamsAppId: 'TEAMS_APP_ID' });
    expect(writes['aadApp/create']).toMatchObject({ clientId: 'ENTRA_CLIENT_ID', tenantId: 'ENTRA_TENANT_ID' });
    expect(writes['botAadApp/create']).toMatchObject({ botId: 'BOT_ID' });
    for (const name of ['TEAMS_APP_ID', 'ENTRA_CLIENT_ID', 'ENTRA_TENANT_ID', 'BOT_ID']) expect(known).toContain(name);

    for (const step of project.provision) {
      for (const [key, variable] of Object.entries(step.writeToEnvironmentFile ?? {})) {
        expect(variable).toMatch(key === 'clientSecret' || key === 'botPassword' ? /^SECRET_[A-Z0-9_]+$/ : /^[A-Z][A-Z0-9_]*$/);
      }
    }
    const bridge = project.provision.find((s) => s.uses === 'file/createOrUpdateEnvironmentFile')!;
    expect(bridge.with?.['target']).toMatch(/\.user$/);
    for (const name of Object.keys(bridge.with?.['envs'] as object)) expect(known).toContain(name);
  });

  it('has every placeholder filled by the time a step uses it', () => {
    const fromEnvFile = Object.entries(parseEnv(read('env/.env.dev')))
      .filter(([, value]) => value !== '')
      .map(([name]) => name);
    // TEAMSFX_ENV is the Toolkit's own; aadApp/update generates the scope id when it is empty.
    const available = new Set(['TEAMSFX_ENV', 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID', ...fromEnvFile]);
    const filesOf: Record<string, string> = {
      'aadApp/update': 'appPackage/aad.manifest.json',
      'teamsApp/validateManifest': 'appPackage/manifest.json',
      'teamsApp/zipAppPackage': 'appPackage/manifest.json',
    };
    for (const step of project.provision) {
      const used = placeholders(JSON.stringify(step.with ?? {}));
      if (filesOf[step.uses] !== undefined) used.push(...placeholders(read(filesOf[step.uses]!)));
      for (const name of used) expect(available.has(name), `${step.uses} needs \${{${name}}}`).toBe(true);
      for (const name of outputs(step)) available.add(name);
    }
    // The App Service is created outside this file (portal or infrastructure code), so its id is
    // the one value the operator puts in env/.env.<env> by hand.
    available.add('AZURE_APP_SERVICE_RESOURCE_ID');
    for (const step of project.deploy) {
      for (const name of placeholders(JSON.stringify(step))) expect(available.has(name), `${step.uses} needs \${{${name}}}`).toBe(true);
    }
  });

  it('registers the same application ID URI the manifest asks Teams for', () => {
    const aad = JSON.parse(read('appPackage/aad.manifest.json')) as { identifierUris: string[]; replyUrlsWithType: { url: string; type: string }[] };
    const manifest = JSON.parse(read('appPackage/manifest.json')) as { webApplicationInfo: { resource: string } };
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    // Nested app authentication in Teams, Outlook and Microsoft 365 needs this SPA broker redirect.
    expect(aad.replyUrlsWithType).toContainEqual({ url: 'brk-multihub://${{PUBLIC_HOST}}', type: 'Spa' });
  });
});
