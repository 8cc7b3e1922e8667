import type { Request } from 'express';
import { setTimeout as sleep } from 'node:timers/promises';
import { callerOf, sendGraph, type GraphRouteModule } from '../../../src/devtenant/graph-module-kit.ts';

/** One call the stub served, with when it started and finished (performance.now() ms). */
export interface ProbeCall {
  readonly path: string;
  readonly mailbox: string;
  readonly startedAt: number;
  readonly finishedAt: number;
}

/**
 * A stand-in Outlook module for throttling and batch tests, independent of the real calendar
 * module: `POST /users/{id}/calendar/getSchedule` echoes its body after `?delay=<ms>` and records
 * the call. Mounted like any Graph route module, it also shows that batching and throttling work
 * for modules they know nothing about.
 */
export function stubCalendarModule(calls: ProbeCall[]): GraphRouteModule {
  const handle = async (req: Request, res: Parameters<typeof sendGraph>[0]) => {
    const startedAt = performance.now();
    callerOf(req);
    const delay = Number(req.query['delay'] ?? 0);
    if (delay > 0) await sleep(delay);
    const mailbox = String(req.params['id']);
    calls.push({ path: req.path, mailbox, startedAt, finishedAt: performance.now() });
    sendGraph(res, 200, { value: [], mailbox, echo: req.body ?? null });
  };
  return {
    name: 'stub-calendar',
    segments: ['calendar', 'getSchedule', 'events'],
    mount(router) {
      router.post('/users/:id/calendar/getSchedule', handle);
      router.get('/users/:id/events', handle);
    },
  };
}
