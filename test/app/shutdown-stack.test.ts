import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { ShutdownStack } from '../../src/app/shutdown-stack.ts';

/** A logger that keeps what it was asked to log at error level. */
function recordingLog() {
  const errors: string[] = [];
  const log = pino({ level: 'error' }, { write: (line: string) => errors.push((JSON.parse(line) as { msg: string }).msg) });
  return { log, errors };
}

describe('stopping what the composition root started', () => {
  it('stops the last started first', async () => {
    const stopped: string[] = [];
    const shutdown = new ShutdownStack(recordingLog().log);
    for (const name of ['server', 'dev tenant', 'store', 'programs', 'jobs']) shutdown.onClose(async () => void stopped.push(name));
    await shutdown.close();
    expect(stopped).toEqual(['jobs', 'programs', 'store', 'dev tenant', 'server']);
  });

  it('logs a failure to stop one and still stops the rest', async () => {
    const stopped: string[] = [];
    const { log, errors } = recordingLog();
    const shutdown = new ShutdownStack(log);
    shutdown.onClose(async () => void stopped.push('store'));
    shutdown.onClose(() => Promise.reject(new Error('queue stuck')));
    await shutdown.close();
    expect(stopped).toEqual(['store']);
    expect(errors).toEqual(['error while closing']);
  });

  it('stops each thing once, however often it is closed', async () => {
    let stops = 0;
    const shutdown = new ShutdownStack(recordingLog().log);
    shutdown.onClose(async () => void stops++);
    await Promise.all([shutdown.close(), shutdown.close()]);
    await shutdown.close();
    expect(stops).toBe(1);
  });
});
