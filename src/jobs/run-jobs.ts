import type { JobResult, JobWithMetadata } from 'pg-boss';
import type { Logger } from 'pino';
import type { JobDefinition, JobHandler } from './job-queue.ts';
import { readPayload } from './payload.ts';

/**
 * The pg-boss batch handler for one job definition: runs each fetched job through `handler` at the
 * same time and tells pg-boss, per job, how it ended.
 *
 * - The handler returned: `completed`.
 * - The handler threw: `failed`, which pg-boss retries after the job's retry delay until its retry
 *   limit is spent, then keeps as failed. Logged as a warning while retries remain, then an error.
 * - The payload fails the definition's schema (sent by an older version, or written by hand):
 *   `deadletter`, which fails the job at once and for good, whatever retries remain (the queue has
 *   no dead letter queue). Retrying could not help; the log line names the fields at fault.
 */
export function runJobs<T>(definition: JobDefinition<T>, handler: JobHandler<T>, log: Logger) {
  const name = definition.name;
  return (jobs: JobWithMetadata<unknown>[]): Promise<JobResult[]> =>
    Promise.all(
      jobs.map(async (job): Promise<JobResult> => {
        const payload = readPayload(definition.schema, job.data);
        if (!payload.ok) {
          const fields = payload.fields.map((f) => `${f.field}: ${f.message}`).join('; ');
          log.error(
            { job: name, jobId: job.id, fields: payload.fields },
            `job ${name} ${job.id} has an invalid payload (${fields}); failed permanently, not retried`,
          );
          return { id: job.id, status: 'deadletter', output: { error: 'invalid_payload', fields: payload.fields } };
        }
        try {
          await handler({ id: job.id, data: payload.data, signal: job.signal });
          return { id: job.id, status: 'completed' };
        } catch (error) {
          const attempt = job.retryCount + 1;
          const attempts = job.retryLimit + 1;
          const last = attempt >= attempts;
          const message = error instanceof Error ? error.message : String(error);
          const context = { err: error, job: name, jobId: job.id, attempt, attempts };
          if (last) log.error(context, `job ${name} ${job.id} failed on its last attempt (${attempt} of ${attempts}): ${message}`);
          else log.warn(context, `job ${name} ${job.id} failed (attempt ${attempt} of ${attempts}), will retry: ${message}`);
          return { id: job.id, status: 'failed', output: { message } };
        }
      }),
    );
}
