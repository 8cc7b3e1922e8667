import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce
  .number({ message: 'must be a port number' })
  .int('must be a whole number')
  .min(0, 'must be 0..65535')
  .max(65535, 'must be 0..65535');
const guid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID');
const url = z
  .string()
  .url('must be an absolute URL')
  .transform((v) => v.replace(/\/+$/, ''));
const optionalText = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v));

/**
 * Every setting Upward reads, by its environment variable name. Parsed once at start; the rest of
 * the code receives the typed object and never reads the environment itself.
 */
export const environmentSchema = z.object({
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: port.default(3978),
  PUBLIC_URL: url.optional(),
  DATA_DIR: z.string().min(1).default('.data'),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

  ENTRA_TENANT_ID: guid,
  ENTRA_ALLOWED_TENANT_IDS: optionalText,
  ENTRA_CLIENT_ID: guid,
  ENTRA_CLIENT_SECRET: optionalText,
  ENTRA_APP_ID_URI: optionalText,
  LOGIN_BASE_URL: url,
  GRAPH_BASE_URL: url,

  TEAMS_APP_ID: guid,
  BOT_ID: optionalText.pipe(guid.optional()),
  BOT_PASSWORD: optionalText,
  BOT_ALLOW_UNAUTHENTICATED: bool.default(false),

  DEVTENANT_ENABLED: bool.default(false),
  DEVTENANT_PORT: port.default(3979),
  DEVTENANT_SEED: z.coerce.number({ message: 'must be a number' }).int('must be a whole number').default(1),
  DEVTENANT_SIZE: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(10, 'must be at least 10')
    .max(50_000, 'must be at most 50000')
    .default(200),
  DEVTENANT_SCENARIO: optionalText,
});

export type Environment = z.infer<typeof environmentSchema>;
