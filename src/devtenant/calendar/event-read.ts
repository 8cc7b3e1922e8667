import { openMailbox } from './access.ts';
import type { CalendarContext, ResponseOptions } from './context.ts';
import { snapshotOf } from './event-snapshots.ts';
import { resolveTarget } from './event-targets.ts';
import { renderEvent } from './event-view.ts';
import { outputZone } from './prefer.ts';
import type { CalendarAuth } from './types.ts';

/** `GET /users/{id}/events/{id}`: a series master, single event, occurrence or exception of the mailbox. */
export function getEvent(ctx: CalendarContext, auth: CalendarAuth, mailbox: string, eventId: string, options: ResponseOptions & { select?: string } = {}): Record<string, unknown> {
  const access = openMailbox(ctx.directory, auth, mailbox, 'readBasic');
  const target = resolveTarget(ctx, access.person, eventId);
  const zone = outputZone(options.timeZone);
  const select = options.select?.split(',').map((s) => s.trim()).filter(Boolean);
  return renderEvent(snapshotOf(ctx, target), {
    zone, basicOnly: access.basicOnly, hidePrivate: !access.isOwn && access.me !== undefined, ...(select ? { select } : {}),
  });
}
