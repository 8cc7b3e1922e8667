import { useEffect, useState } from 'react';
import { currentHost } from './current-host.ts';
import type { HostInfo } from './detect-host.ts';

/** The host the tab runs in; undefined for the few moments detection takes. */
export function useHost(): HostInfo | undefined {
  const [host, setHost] = useState<HostInfo | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void currentHost().then((found) => {
      if (live) setHost(found);
    });
    return () => {
      live = false;
    };
  }, []);
  return host;
}
