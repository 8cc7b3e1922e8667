import { withTimeout } from './with-timeout.ts';

/** Where the tab is running. */
export type HostKind = 'teams' | 'browser';

/** The facts about the host the rest of the tab needs. */
export interface HostInfo {
  readonly kind: HostKind;
  /** The host's theme name (`default`, `dark`, `contrast`, ...) when inside a host. */
  readonly theme: string | undefined;
  /** Why we decided we are outside a host, for the console; undefined inside one. */
  readonly reason: string | undefined;
}

/** What host detection needs from the page and from teams-js; injected so it can be tested. */
export interface HostProbe {
  /** `location.search`. */
  readonly search: string;
  /** `window.self !== window.top`. */
  readonly framed: boolean;
  readonly initialize: () => Promise<void>;
  readonly getTheme: () => Promise<string | undefined>;
  /** Our own guard; teams-js would otherwise wait 60 s in a non-Teams iframe. */
  readonly timeoutMs: number;
}

/** The query parameter the manifest's contentUrl carries (`?host=teams`). */
export const HOST_PARAM = 'host';

/**
 * Decides whether the tab runs inside Teams/Outlook/Microsoft 365. Only a page that both carries
 * `?host=teams` (set by the manifest) and sits in an iframe even tries teams-js; anything else is
 * a plain browser at once, so a person opening the URL directly never waits.
 */
export async function detectHost(probe: HostProbe): Promise<HostInfo> {
  const wanted = new URLSearchParams(probe.search).get(HOST_PARAM);
  if (wanted !== 'teams') return { kind: 'browser', theme: undefined, reason: 'no ?host=teams parameter' };
  if (!probe.framed) return { kind: 'browser', theme: undefined, reason: 'not inside a frame' };
  try {
    await withTimeout(probe.initialize(), probe.timeoutMs, 'Host initialisation');
  } catch (error) {
    return { kind: 'browser', theme: undefined, reason: `host did not answer: ${String(error)}` };
  }
  let theme: string | undefined;
  try {
    theme = await withTimeout(probe.getTheme(), probe.timeoutMs, 'Host context');
  } catch {
    theme = undefined; // A host without a readable context still hosts us; fall back to the default theme.
  }
  return { kind: 'teams', theme, reason: undefined };
}
