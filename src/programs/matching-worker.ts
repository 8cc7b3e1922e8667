/**
 * The matcher's worker thread: receives `{ id, job }`, answers `{ id, proposal }` or
 * `{ id, error }`. Plain data both ways; the core is pure, so nothing else is needed here.
 */
import { parentPort } from 'node:worker_threads';
import { proposeMatching } from '../core/matching/assign.ts';
import { serialiseError, type MatchJob } from './match-runner.ts';

if (parentPort === null) throw new Error('matching-worker.ts runs only as a worker thread');
const port = parentPort;

port.on('message', (message: { id: number; job: MatchJob }) => {
  try {
    port.postMessage({ id: message.id, proposal: proposeMatching(message.job.context, message.job.options) });
  } catch (error) {
    port.postMessage({ id: message.id, error: serialiseError(error) });
  }
});
