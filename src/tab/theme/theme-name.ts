/** The three Teams themes the tab can render in. */
export type ThemeName = 'default' | 'dark' | 'contrast';

/**
 * Maps a host theme string to ours. Hosts may add themes (Teams has sent `glass`); anything we do
 * not know renders in the default theme rather than failing.
 */
export function themeFromHost(hostTheme: string | undefined): ThemeName {
  if (hostTheme === 'dark') return 'dark';
  if (hostTheme === 'contrast') return 'contrast';
  return 'default';
}

/** What the browser tells us when no host does. */
export interface BrowserThemeSignals {
  /** `location.search`; `?theme=dark|contrast|default` wins over the media queries. */
  readonly search: string;
  /** `(forced-colors: active)` matches. */
  readonly forcedColors: boolean;
  /** `(prefers-color-scheme: dark)` matches. */
  readonly prefersDark: boolean;
}

/** Picks the theme outside a host: explicit parameter, then forced colours, then colour scheme. */
export function themeFromBrowser(signals: BrowserThemeSignals): ThemeName {
  const asked = new URLSearchParams(signals.search).get('theme');
  if (asked === 'dark' || asked === 'contrast' || asked === 'default') return asked;
  if (signals.forcedColors) return 'contrast';
  return signals.prefersDark ? 'dark' : 'default';
}
