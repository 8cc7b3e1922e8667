import type { HostProbe } from './detect-host.ts';

/** Host initialisation may take this long before we treat the page as a plain browser. */
export const HOST_TIMEOUT_MS = 5_000;

// teams-js is loaded only when a host is plausible: on import it fetches its list of valid host
// origins from a CDN, which a plain browser (or an offline machine) has no reason to do.
const teams = () => import('@microsoft/teams-js');

/** The real probe: this page's location and frame, and teams-js. */
export function teamsProbe(): HostProbe {
  return {
    search: window.location.search,
    framed: window.self !== window.top,
    initialize: async () => {
      const { app } = await teams();
      await app.initialize();
      // Hosts that show a loading indicator for the tab wait for this; others ignore it.
      void app.notifySuccess().catch(() => undefined);
    },
    getTheme: async () => (await (await teams()).app.getContext()).app.theme,
    timeoutMs: HOST_TIMEOUT_MS,
  };
}
