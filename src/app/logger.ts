import pino, { type Logger } from 'pino';

/** Upward's structured log: JSON lines on stdout. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { app: 'upward' }, redact: ['req.headers.authorization', '*.clientSecret', '*.password'] });
}
