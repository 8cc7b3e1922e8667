import type { ILogger, LogLevel } from '@microsoft/teams.common';
import type { Logger } from 'pino';

/** Routes the Teams SDK's logging into Upward's structured pino log. */
export function teamsLogger(log: Logger, name = 'teams'): ILogger {
  const child = log.child({ component: name });
  const write = (level: LogLevel, msg: unknown[]): void => {
    const [first, ...rest] = msg;
    const text = typeof first === 'string' ? first : JSON.stringify(first);
    child[level === 'trace' ? 'trace' : level]({ detail: rest.length > 0 ? rest : undefined }, text);
  };
  return {
    debug: (...msg) => write('debug', msg),
    info: (...msg) => write('info', msg),
    warn: (...msg) => write('warn', msg),
    error: (...msg) => write('error', msg),
    trace: (...msg) => write('trace', msg),
    log: (level, ...msg) => write(level, msg),
    child: (childName) => teamsLogger(child, `${name}/${childName}`),
  };
}
