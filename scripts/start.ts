/**
 * `npm start`: runs Upward on the configured store and tenant (by default the embedded store and
 * the development tenant) and prints where to go.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../src/config/config.ts';
import { startApp } from '../src/app/start-app.ts';
import { StoreLockedError } from '../src/store/store.ts';
import { ScenarioError } from '../src/devtenant/dev-tenant.ts';
import { buildTabIfStale } from './tab-build.ts';

/** `npm start -- --scenario <file>` loads a scenario organisation into the development tenant. */
function overridesFromArguments(): Record<string, string> {
  const { values } = parseArgs({ options: { scenario: { type: 'string' } }, allowPositionals: false });
  return values.scenario === undefined ? {} : { DEVTENANT_SCENARIO: values.scenario };
}

async function main(): Promise<void> {
  const overrides = overridesFromArguments();
  await buildTabIfStale();
  const app = await startApp({ overrides });
  const { config, devTenant, url } = app;
  const lines = [
    '',
    `Upward is running at ${url}`,
    `  Tab (My mentoring):   ${url}/tab/`,
    `  Health:               ${url}/healthz`,
    `  Bot endpoint:         ${url}/api/messages`,
  ];
  if (devTenant) {
    lines.push(
      `  Development tenant:   ${devTenant.url}  (tenant ${devTenant.tenantId}, ${config.devTenant.enabled ? config.devTenant.size : 0} people)`,
      `  Sign-in page:         ${devTenant.url}/${devTenant.tenantId}/oauth2/v2.0/authorize?client_id=${config.entra.clientId}&response_type=token&redirect_uri=${encodeURIComponent(`${url}/tab/`)}&scope=${encodeURIComponent(`${config.entra.audiences[1]}/access_as_user`)}`,
      `                        (opening the tab takes you there; pick any seeded person)`,
      `  Agents Playground:    npm run playground   (in another terminal; opens the bot as a seeded person)`,
    );
  }
  if (!existsSync('dist/tab/index.html')) lines.push('  Note: the tab is not built; run `npm run build:tab`.');
  console.log(lines.join('\n') + '\n');

  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'stopping');
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  const known =
    error instanceof ConfigError ||
    error instanceof StoreLockedError ||
    error instanceof ScenarioError ||
    (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION';
  if (known) {
    console.error(`Upward cannot start: ${(error as Error).message}`);
  } else {
    console.error('Upward cannot start:', error);
  }
  process.exit(1);
});
