/**
 * The matcher on a worker thread, so a large cohort never blocks the server's event loop. One
 * worker, started on first use and kept: it runs jobs one after another (on a 2-core machine a
 * second matcher thread would only slow the first). If the worker dies, the jobs it held reject
 * and the next job starts a fresh one.
 */
import { Worker } from 'node:worker_threads';
import type { Proposal } from '../core/matching/proposal.ts';
import { revivedError, type MatchJob, type MatchRunner, type SerialisedError } from './match-runner.ts';

interface Pending {
  readonly resolve: (proposal: Proposal) => void;
  readonly reject: (error: Error) => void;
}

type Reply = { id: number; proposal: Proposal } | { id: number; error: SerialisedError };

/** A runner backed by `matching-worker.ts`. */
export function workerMatchRunner(): MatchRunner {
  let worker: Worker | undefined;
  let nextId = 1;
  let closed = false;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error): void => {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };

  const start = (): Worker => {
    const started = new Worker(new URL('./matching-worker.ts', import.meta.url));
    started.on('message', (reply: Reply) => {
      const job = pending.get(reply.id);
      if (!job) return;
      pending.delete(reply.id);
      if ('error' in reply) job.reject(revivedError(reply.error));
      else job.resolve(reply.proposal);
      // An idle worker must not keep the process alive (a CLI, a test run).
      if (pending.size === 0) started.unref();
    });
    started.on('error', (error) => {
      if (worker === started) worker = undefined;
      failAll(error);
    });
    started.on('exit', (code) => {
      if (worker === started) worker = undefined;
      if (pending.size > 0) failAll(new Error(`the matching worker stopped (exit code ${code})`));
    });
    return started;
  };

  return {
    run(job) {
      if (closed) return Promise.reject(new Error('the matcher has been stopped'));
      worker ??= start();
      worker.ref();
      const id = nextId++;
      const result = new Promise<Proposal>((resolve, reject) => pending.set(id, { resolve, reject }));
      worker.postMessage({ id, job });
      return result;
    },
    async close() {
      closed = true;
      const running = worker;
      worker = undefined;
      failAll(new Error('the matcher has been stopped'));
      await running?.terminate();
    },
  };
}
