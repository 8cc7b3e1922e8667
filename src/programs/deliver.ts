/** Hands a committed event to the `publish` port; a failing sink is reported, never the request's failure. */
import type { ProgramEvent } from './events.ts';
import type { ProgramPorts } from './ports.ts';

export async function deliver(ports: ProgramPorts, event: ProgramEvent): Promise<void> {
  try {
    await ports.publish(event);
  } catch (error) {
    // The change is committed and the event recorded in program_events; a consumer can catch up.
    ports.onBackgroundError(error, `delivering ${event.type} ${event.id}`);
  }
}
