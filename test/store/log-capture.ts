import pino, { type Logger } from 'pino';

/** One parsed pino line. */
export type LogLine = { level: number; msg: string } & Record<string, unknown>;

/** A real pino logger at `info` whose lines land, parsed, in `lines`. */
export function captureLog(): { log: Logger; lines: LogLine[] } {
  const lines: LogLine[] = [];
  const log = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as LogLine) });
  return { log, lines };
}
