import type { RequestHandler, Response } from 'express';
import { setTimeout as delay } from 'node:timers/promises';
import { isBatchPath } from '../batch/batch-path.ts';
import type { DevDirectory } from '../directory/dev-directory.ts';
import { callerOf } from '../http/caller.ts';
import { FaultPlan } from './fault-plan.ts';
import { faultSettingsSchema, type FaultSettings, type FaultSettingsInput } from './fault-settings.ts';
import { MailboxLimiter } from './mailbox-limiter.ts';
import { mailboxTarget } from './mailbox-target.ts';
import { throttleErrors } from './throttle-errors.ts';
import { throttleSettingsSchema, type ThrottleSettings, type ThrottleSettingsInput } from './throttle-settings.ts';
import { TrafficStats, type TrafficStatsReport } from './traffic-stats.ts';

/**
 * Throttling "like the service" and injected faults for the Graph pipeline, plus the counters
 * that prove the limits held. One per running tenant; `/_devtenant/*` reads and changes it.
 */
export interface TrafficControl {
  /** The Graph pipeline stage: after authentication, before body parsing and routes. */
  middleware(): RequestHandler;
  throttleSettings(): ThrottleSettings;
  faultSettings(): FaultSettings;
  /** Validates (zod; throws its ZodError) and applies new limits from the next request. */
  setThrottle(input: unknown): ThrottleSettings;
  /** Validates and applies new faults; every fault sequence and nth count restarts at 1. */
  setFaults(input: unknown): FaultSettings;
  stats(): TrafficStatsReport;
  resetStats(): void;
}

export interface TrafficControlOptions {
  readonly directory: DevDirectory;
  readonly now: () => Date;
  readonly throttle?: ThrottleSettingsInput;
  readonly faults?: FaultSettingsInput;
}

/** Releases once, when the response is done or its connection is gone. */
function onFinished(res: Response, done: () => void): void {
  if (res.closed) done();
  else res.once('close', done);
}

export function createTrafficControl(options: TrafficControlOptions): TrafficControl {
  const limiter = new MailboxLimiter(throttleSettingsSchema.parse(options.throttle ?? {}));
  let plan = new FaultPlan(faultSettingsSchema.parse(options.faults ?? {}));
  const stats = new TrafficStats(options.now());

  const middleware: RequestHandler = async (req, res, next) => {
    // The batch itself is neither throttled nor faulted; each of its requests comes back through here.
    if (isBatchPath(req.path)) return next();
    const caller = callerOf(req);
    const target = mailboxTarget(req.path, caller, options.directory);
    const key = `${caller.appId}|${target.mailbox ?? ''}`;
    // Per-mailbox counters cover what the mailbox limits apply to: Outlook resources.
    const counters = stats.seen(key, caller.appId, target.outlook ? target.mailbox : undefined, target.upn);
    const fate = plan.decide({ method: req.method, path: target.normalizedPath, key, inScope: plan.settings.scope === 'all' || target.outlook });

    if (target.outlook && target.mailbox !== undefined) {
      const admission = limiter.admit(key, options.now().getTime());
      if (!admission.ok) {
        stats.throttled(counters, admission.reason);
        throw admission.reason === 'concurrency' ? throttleErrors.concurrency(admission.retryAfterSeconds) : throttleErrors.rate(admission.retryAfterSeconds);
      }
      stats.admitted(counters, admission.inFlight);
      onFinished(res, () => {
        admission.release();
        stats.finished(counters);
      });
    }

    // Latency is spent holding the concurrency slot, as a slow mailbox would.
    if (fate.latencyMs > 0) {
      stats.fault(counters, 'delayed');
      await delay(fate.latencyMs);
    }
    const outcome = fate.outcome;
    if (outcome.kind === 'error') {
      stats.fault(counters, `status${outcome.status}`);
      throw outcome.status === 429 ? throttleErrors.rate(outcome.retryAfterSeconds ?? 1) : throttleErrors.status(outcome.status, outcome.retryAfterSeconds);
    }
    if (outcome.kind === 'timeout') {
      await delay(outcome.afterMs);
      if (outcome.outcome === 'drop') {
        stats.fault(counters, 'drops');
        req.socket.destroy();
        return;
      }
      stats.fault(counters, 'timeouts');
      throw throttleErrors.status(504, undefined);
    }
    next();
  };

  return {
    middleware: () => middleware,
    throttleSettings: () => limiter.settings,
    faultSettings: () => plan.settings,
    setThrottle(input) {
      const settings = throttleSettingsSchema.parse(input);
      limiter.configure(settings);
      return settings;
    },
    setFaults(input) {
      plan = new FaultPlan(faultSettingsSchema.parse(input));
      return plan.settings;
    },
    stats: () => stats.report(),
    resetStats: () => stats.reset(options.now()),
  };
}
