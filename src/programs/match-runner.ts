/**
 * Running the matcher. A 2,000 × 2,000 cohort takes a few hundred milliseconds of CPU, so in the
 * app it runs on a worker thread (`worker-match-runner.ts`) and the server keeps answering; the
 * inline runner is for tests and scripts that have nothing else to serve.
 */
import { UpwardError, type ErrorCode, type FieldError } from '../core/errors.ts';
import { proposeMatching, type MatchingOptions } from '../core/matching/assign.ts';
import type { MatchingContext } from '../core/matching/context.ts';
import type { Proposal } from '../core/matching/proposal.ts';

/** One matching run: plain data in (it is copied to the worker), a proposal out. */
export interface MatchJob {
  readonly context: MatchingContext;
  readonly options: MatchingOptions;
}

export interface MatchRunner {
  /** The proposal for `job`; rejects with the matcher's own error (e.g. `bad_input`). */
  run(job: MatchJob): Promise<Proposal>;
  /** Stops the runner; runs still waiting reject. Idempotent. */
  close(): Promise<void>;
}

/** Runs the matcher on the caller's thread. */
export function inlineMatchRunner(): MatchRunner {
  return {
    run: async (job) => proposeMatching(job.context, job.options),
    close: async () => undefined,
  };
}

/** An error as it crosses a thread boundary: code, words and fields survive, the class does not. */
export interface SerialisedError {
  readonly code: string;
  readonly message: string;
  readonly fields?: readonly FieldError[];
}

const CODES: readonly ErrorCode[] = ['bad_input', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'illegal_transition', 'upstream', 'unavailable'];

export function serialiseError(error: unknown): SerialisedError {
  if (error instanceof UpwardError) return { code: error.code, message: error.message, fields: error.fields };
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/** The error again on this side: an UpwardError when it was one, else a plain Error. */
export function revivedError(error: SerialisedError): Error {
  return (CODES as readonly string[]).includes(error.code)
    ? new UpwardError(error.code as ErrorCode, error.message, error.fields ?? [])
    : new Error(`matching failed: ${error.message}`);
}
