import { describe, expect, it, vi } from 'vitest';
import { detectHost, type HostProbe } from './detect-host.ts';

const probe = (overrides: Partial<HostProbe>): HostProbe => ({
  search: '?host=teams',
  framed: true,
  initialize: () => Promise.resolve(),
  getTheme: () => Promise.resolve('dark'),
  timeoutMs: 50,
  ...overrides,
});

describe('detectHost', () => {
  it('is a plain browser at once without ?host=teams, never touching teams-js', async () => {
    const initialize = vi.fn(() => Promise.resolve());
    const host = await detectHost(probe({ search: '?view=admin', initialize }));
    expect(host.kind).toBe('browser');
    expect(initialize).not.toHaveBeenCalled();
  });

  it('is a plain browser at once when the page is not in a frame', async () => {
    const initialize = vi.fn(() => Promise.resolve());
    const host = await detectHost(probe({ framed: false, initialize }));
    expect(host).toEqual({ kind: 'browser', theme: undefined, reason: 'not inside a frame' });
    expect(initialize).not.toHaveBeenCalled();
  });

  it('is the host, with its theme, when teams-js initialises in a frame', async () => {
    expect(await detectHost(probe({}))).toEqual({ kind: 'teams', theme: 'dark', reason: undefined });
  });

  it('stops waiting after its own timeout when the parent never answers', async () => {
    const started = Date.now();
    const host = await detectHost(probe({ initialize: () => new Promise<void>(() => undefined), timeoutMs: 100 }));
    expect(host.kind).toBe('browser');
    expect(host.reason).toContain('took longer than 100 ms');
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('treats a failed initialisation as a plain browser', async () => {
    const host = await detectHost(probe({ initialize: () => Promise.reject(new Error('No Parent window found')) }));
    expect(host.kind).toBe('browser');
    expect(host.reason).toContain('No Parent window found');
  });

  it('stays in the host when only the context cannot be read', async () => {
    const host = await detectHost(probe({ getTheme: () => Promise.reject(new Error('no context')) }));
    expect(host).toEqual({ kind: 'teams', theme: undefined, reason: undefined });
  });
});
