import { describe, expect, it } from 'vitest';
import { themeFromBrowser, themeFromHost } from './theme-name.ts';

describe('themeFromHost', () => {
  it('maps the host’s themes and renders unknown ones in the default theme', () => {
    expect(themeFromHost('dark')).toBe('dark');
    expect(themeFromHost('contrast')).toBe('contrast');
    expect(themeFromHost('default')).toBe('default');
    expect(themeFromHost('glass')).toBe('default');
    expect(themeFromHost(undefined)).toBe('default');
  });
});

describe('themeFromBrowser', () => {
  const none = { search: '', forcedColors: false, prefersDark: false };
  it('lets ?theme= win over the operating system', () => {
    expect(themeFromBrowser({ ...none, search: '?theme=dark', forcedColors: true })).toBe('dark');
    expect(themeFromBrowser({ ...none, search: '?theme=contrast' })).toBe('contrast');
    expect(themeFromBrowser({ ...none, search: '?theme=default', prefersDark: true })).toBe('default');
  });

  it('uses high contrast under forced colours, then the colour scheme', () => {
    expect(themeFromBrowser({ ...none, forcedColors: true, prefersDark: true })).toBe('contrast');
    expect(themeFromBrowser({ ...none, prefersDark: true })).toBe('dark');
    expect(themeFromBrowser({ ...none, search: '?theme=purple' })).toBe('default');
  });
});
