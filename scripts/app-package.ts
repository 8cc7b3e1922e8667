/**
 * Builds the Teams app package: fills the `${{NAME}}` placeholders of appPackage/manifest.json from
 * the typed configuration, validates the result offline against Microsoft's schema, and writes the
 * manifest and the zip Teams accepts. `scripts/package-app.ts` is the command-line wrapper.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import type { Config } from '../src/config/config.ts';

/** The package is wrong: `problems` lists every finding, one line each. */
export class AppPackageError extends Error {
  readonly problems: readonly string[];

  constructor(message: string, problems: readonly string[] = []) {
    super(problems.length === 0 ? message : `${message}:\n  ${problems.join('\n  ')}`);
    this.name = 'AppPackageError';
    this.problems = problems;
  }
}

/** The folder holding manifest.json and the icons, committed in the repository. */
export const APP_PACKAGE_SOURCE = fileURLToPath(new URL('../appPackage/', import.meta.url));

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The values of every placeholder the manifest may use, taken from the configuration. */
export function manifestValues(config: Config): Record<string, string> {
  return {
    TEAMS_APP_ID: config.teams.appId,
    BOT_ID: config.bot.appId,
    ENTRA_CLIENT_ID: config.entra.clientId,
    PUBLIC_URL: config.server.publicUrl,
    PUBLIC_HOST: new URL(config.server.publicUrl).host,
  };
}

/**
 * Replaces every `${{NAME}}` in a manifest template (Teams Toolkit syntax). Values are escaped for
 * a JSON string. A placeholder with no value is an error naming it, never an empty string.
 */
export function fillManifest(template: string, values: Readonly<Record<string, string>>): string {
  const unknown = new Set<string>();
  const filled = template.replace(PLACEHOLDER, (whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      unknown.add(name);
      return whole;
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.size > 0) {
    throw new AppPackageError('unknown manifest placeholder', [...unknown].map((name) => `\${{${name}}} has no value`));
  }
  if (filled.includes('${{')) throw new AppPackageError('malformed manifest placeholder', ['a "${{" is not followed by NAME}}']);
  return filled;
}

// @microsoft/app-manifest requires fs-extra at load time without declaring it; Upward's
// devDependencies carry it.
const loadManifestPackage = (): typeof import('@microsoft/app-manifest') =>
  createRequire(import.meta.url)('@microsoft/app-manifest') as typeof import('@microsoft/app-manifest');

const SCHEMA_HOST = /^https:\/\/developer\.microsoft\.com\/(?:[a-z]{2}(?:-[a-z]{2})?\/)?(json-schemas\/.+)$/i;

/**
 * Validates a manifest against the schema its `$schema` names, using the copy shipped inside
 * @microsoft/app-manifest. Refuses a `$schema` with no shipped copy rather than letting the library
 * fetch it from the network. Returns the schema errors, empty when valid.
 */
export async function validateManifest(manifest: unknown): Promise<string[]> {
  const schemaUrl = (manifest as { $schema?: unknown } | null)?.$schema;
  if (typeof schemaUrl !== 'string') return ['/$schema is missing'];
  const packageDir = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest'));
  const suffix = SCHEMA_HOST.exec(schemaUrl)?.[1];
  if (suffix === undefined || !existsSync(join(packageDir, suffix))) {
    return [`/$schema ${schemaUrl} has no copy in @microsoft/app-manifest; validating it would need the network`];
  }
  const { AppManifestUtils } = loadManifestPackage();
  return AppManifestUtils.validateAgainstSchema(manifest as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0]);
}

/** Width and height from a PNG's IHDR chunk, or undefined when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

// Teams' sizes for the two icons; any other size is rejected when the app is uploaded.
const ICON_SIZES = { color: 192, outline: 32 } as const;
// A fixed timestamp makes two builds of the same inputs byte-identical zips.
const ZIP_MTIME = new Date('2000-01-01T00:00:00Z');

export interface AppPackage {
  /** The filled, validated manifest. */
  readonly manifest: Record<string, unknown>;
  readonly manifestPath: string;
  readonly zipPath: string;
  /** True when BOT_ID was not configured and Upward's own app id stands in for the bot. */
  readonly botIdDerived: boolean;
}

/**
 * Writes `<outDir>/appPackage/` (manifest.json and the icons) and `<outDir>/appPackage.zip`
 * (the same three files at the zip root). Throws AppPackageError listing every problem when the
 * filled manifest is invalid, disagrees with the configuration, or an icon is missing or misfit.
 */
export async function buildAppPackage(
  config: Config,
  outDir: string,
  options: { sourceDir?: string } = {},
): Promise<AppPackage> {
  const sourceDir = options.sourceDir ?? APP_PACKAGE_SOURCE;
  const values = manifestValues(config);
  const manifest = JSON.parse(fillManifest(readFileSync(join(sourceDir, 'manifest.json'), 'utf8'), values)) as Record<
    string,
    unknown
  >;
  const problems = await validateManifest(manifest);
  if (problems.length > 0) throw new AppPackageError('the Teams manifest does not match its schema', problems);

  // Teams SSO tokens carry the manifest's resource as audience; the server must accept exactly it.
  const resource = (manifest['webApplicationInfo'] as { resource?: string } | undefined)?.resource;
  if (resource !== undefined && !config.entra.audiences.includes(resource)) {
    problems.push(`webApplicationInfo.resource ${resource} is not among the accepted audiences (ENTRA_APP_ID_URI)`);
  }
  const icons = manifest['icons'] as Record<keyof typeof ICON_SIZES, string>;
  const files: Record<string, Uint8Array> = {};
  for (const [kind, size] of Object.entries(ICON_SIZES) as [keyof typeof ICON_SIZES, number][]) {
    const path = join(sourceDir, icons[kind]);
    if (!existsSync(path)) {
      problems.push(`icons.${kind}: ${icons[kind]} does not exist`);
      continue;
    }
    const bytes = readFileSync(path);
    const found = pngSize(bytes);
    if (found?.width !== size || found.height !== size) {
      problems.push(`icons.${kind}: ${icons[kind]} must be a ${size}x${size} PNG`);
    }
    files[icons[kind]] = bytes;
  }
  if (problems.length > 0) throw new AppPackageError('the Teams app package is not usable', problems);

  const manifestBytes = new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`);
  const unpacked = join(outDir, 'appPackage');
  mkdirSync(unpacked, { recursive: true });
  const manifestPath = join(unpacked, 'manifest.json');
  writeFileSync(manifestPath, manifestBytes);
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(unpacked, name), bytes);
  const zipPath = join(outDir, 'appPackage.zip');
  writeFileSync(zipPath, zipSync({ 'manifest.json': manifestBytes, ...files }, { level: 9, mtime: ZIP_MTIME }));
  return { manifest, manifestPath, zipPath, botIdDerived: config.bot.id === undefined };
}
