/**
 * `npm run package`: builds build/appPackage/manifest.json and build/appPackage.zip for the
 * environment named by UPWARD_ENV (default `local`). Exits 1 with every problem listed when the
 * configuration or the manifest is wrong.
 */
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../src/config/config.ts';
import { AppPackageError, buildAppPackage } from './app-package.ts';

const outDir = fileURLToPath(new URL('../build/', import.meta.url));

try {
  const config = loadConfig();
  const built = await buildAppPackage(config, outDir);
  console.log(`Teams app package: ${built.zipPath}`);
  console.log(`manifest:          ${built.manifestPath}`);
  if (built.botIdDerived) {
    console.log('BOT_ID is not set: the bot is Upward\'s own app registration (ENTRA_CLIENT_ID). That is');
    console.log('enough locally; a real Teams client needs an Azure Bot registration and BOT_ID.');
  }
} catch (error) {
  if (error instanceof ConfigError || error instanceof AppPackageError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
