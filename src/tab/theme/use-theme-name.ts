import { useEffect, useState } from 'react';
import type { HostInfo } from '../host/detect-host.ts';
import { themeFromBrowser, themeFromHost, type ThemeName } from './theme-name.ts';

const FORCED = '(forced-colors: active)';
const DARK = '(prefers-color-scheme: dark)';

const browserTheme = (): ThemeName =>
  themeFromBrowser({
    search: window.location.search,
    forcedColors: window.matchMedia(FORCED).matches,
    prefersDark: window.matchMedia(DARK).matches,
  });

/**
 * The theme to render in, following the host (and its theme changes) inside Teams/Outlook, or
 * the URL and the operating system's colour settings in a plain browser.
 */
export function useThemeName(host: HostInfo | undefined): ThemeName {
  const [name, setName] = useState<ThemeName>(() =>
    host?.kind === 'teams' ? themeFromHost(host.theme) : browserTheme(),
  );

  useEffect(() => {
    if (host === undefined) return undefined;
    if (host.kind === 'teams') {
      setName(themeFromHost(host.theme));
      // Already loaded by host detection; teams-js has no way to unregister, and the tab lives as long as the page.
      void import('@microsoft/teams-js').then(({ app }) => app.registerOnThemeChangeHandler((theme) => setName(themeFromHost(theme))));
      return undefined;
    }
    setName(browserTheme());
    const queries = [window.matchMedia(FORCED), window.matchMedia(DARK)];
    const onChange = (): void => setName(browserTheme());
    for (const query of queries) query.addEventListener('change', onChange);
    return () => {
      for (const query of queries) query.removeEventListener('change', onChange);
    };
  }, [host]);

  return name;
}
