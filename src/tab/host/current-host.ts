import { detectHost, type HostInfo } from './detect-host.ts';
import { teamsProbe } from './teams-probe.ts';

let detected: Promise<HostInfo> | undefined;

/** Detects the host once per page; teams-js must be initialised only once. */
export function currentHost(): Promise<HostInfo> {
  detected ??= detectHost(teamsProbe()).then((host) => {
    if (host.reason !== undefined) console.info(`Upward: running outside Teams (${host.reason})`);
    return host;
  });
  return detected;
}
