import { describe, expect, it } from 'vitest';
import type { TabConfig } from '../../contracts/tab-config.ts';
import { SignInLoopError } from './auth-session.ts';
import { createBrowserSession, type BrowserWindow } from './browser-session.ts';
import { memoryStorage } from './memory-storage.test-helper.ts';
import { createTokenStore } from './token-store.ts';

const config: TabConfig = {
  tenantId: '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f',
  clientId: '0b7c6d5e-4f3a-4b2c-9d1e-0f1a2b3c4d5e',
  loginBaseUrl: 'http://127.0.0.1:3979/',
  apiScope: 'api://127.0.0.1:3978/0b7c6d5e-4f3a-4b2c-9d1e-0f1a2b3c4d5e/access_as_user',
};

/** A fake window whose location and history record what the session did to them. */
function fakeWindow(start: { search?: string; hash?: string } = {}) {
  const assigned: string[] = [];
  const replaced: string[] = [];
  let clock = Date.UTC(2025, 0, 6, 9, 0);
  const location = { origin: 'http://127.0.0.1:3978', pathname: '/tab/', search: start.search ?? '', hash: start.hash ?? '', assign: (url: string) => void assigned.push(url) };
  const win: BrowserWindow = {
    location,
    history: { replaceState: (_data, _unused, url) => void replaced.push(url) },
    now: () => clock,
  };
  return { win, location, assigned, replaced, advance: (ms: number) => void (clock += ms) };
}

/** Simulates the identity provider's answer: the tab reloaded with the response in its fragment. */
function returnFrom(authorizeUrl: string, fragment: Record<string, string>, search = '') {
  const state = new URL(authorizeUrl).searchParams.get('state')!;
  return fakeWindow({ search, hash: `#${new URLSearchParams({ state, ...fragment }).toString()}` });
}

describe('browser session', () => {
  it('sends a person without a token to the authorize endpoint with an implicit-grant request', async () => {
    const storage = memoryStorage();
    const { win, assigned } = fakeWindow({ search: '?view=participation' });
    const started = await createBrowserSession(config, createTokenStore(storage), win).start();
    expect(started).toEqual({ kind: 'redirecting' });
    const url = new URL(assigned[0]!);
    expect(`${url.origin}${url.pathname}`).toBe(`http://127.0.0.1:3979/${config.tenantId}/oauth2/v2.0/authorize`);
    expect(url.searchParams.get('client_id')).toBe(config.clientId);
    expect(url.searchParams.get('response_type')).toBe('token');
    expect(url.searchParams.get('redirect_uri')).toBe('http://127.0.0.1:3978/tab/');
    expect(url.searchParams.get('scope')).toBe(config.apiScope);
    expect(assigned[0]).toContain(`scope=${encodeURIComponent(config.apiScope)}`);
    const pending = JSON.parse(storage.getItem('upward.tab.signin')!);
    expect(pending).toEqual({ state: url.searchParams.get('state'), nonce: url.searchParams.get('nonce'), returnSearch: '?view=participation' });
  });

  it('keeps the returned token in sessionStorage, strips the fragment and restores the query', async () => {
    const storage = memoryStorage();
    const first = fakeWindow({ search: '?view=participation&theme=dark' });
    await createBrowserSession(config, createTokenStore(storage), first.win).start();

    const back = returnFrom(first.assigned[0]!, { access_token: 'token-1', token_type: 'Bearer', expires_in: '3600' });
    const session = createBrowserSession(config, createTokenStore(storage), back.win);
    expect(await session.start()).toEqual({ kind: 'ready' });
    expect(back.replaced).toEqual(['/tab/?view=participation&theme=dark']);
    expect(await session.getToken()).toBe('token-1');
    expect(storage.getItem('upward.tab.signin')).toBeNull();
    expect(back.assigned).toEqual([]);
  });

  it('refuses a response whose state it did not issue, and stores nothing', async () => {
    const storage = memoryStorage();
    const first = fakeWindow();
    await createBrowserSession(config, createTokenStore(storage), first.win).start();
    const forged = fakeWindow({ hash: '#access_token=planted&state=not-ours&expires_in=3600' });
    const started = await createBrowserSession(config, createTokenStore(storage), forged.win).start();
    expect(started.kind).toBe('failed');
    expect(storage.getItem('upward.tab.token')).toBeNull();
    expect(forged.replaced).toEqual(['/tab/']); // the fragment is gone from the address bar anyway
  });

  it('reports an error the identity provider sent back', async () => {
    const storage = memoryStorage();
    const first = fakeWindow();
    await createBrowserSession(config, createTokenStore(storage), first.win).start();
    const back = returnFrom(first.assigned[0]!, { error: 'access_denied', error_description: 'The user cancelled.' });
    const started = await createBrowserSession(config, createTokenStore(storage), back.win).start();
    expect(started).toEqual({ kind: 'failed', message: 'Sign-in did not complete: The user cancelled.' });
  });

  it('treats a token about to expire as gone and signs in again', async () => {
    const storage = memoryStorage();
    const first = fakeWindow();
    await createBrowserSession(config, createTokenStore(storage), first.win).start();
    const back = returnFrom(first.assigned[0]!, { access_token: 'short', expires_in: '120' });
    const session = createBrowserSession(config, createTokenStore(storage), back.win);
    await session.start();
    expect(await session.getToken()).toBe('short');
    back.advance(61_000);
    expect(await session.getToken()).toBeUndefined();
    expect(back.assigned).toHaveLength(1);
  });

  it('renews once after a 401 and refuses a second renewal until a call succeeds', async () => {
    const storage = memoryStorage();
    const store = createTokenStore(storage);
    store.saveToken({ accessToken: 'stale', expiresAt: Date.UTC(2030, 0, 1) });
    const { win, assigned } = fakeWindow();
    const session = createBrowserSession(config, store, win);
    expect(await session.start()).toEqual({ kind: 'ready' });

    expect(await session.renewAfterUnauthorized()).toBeUndefined();
    expect(assigned).toHaveLength(1);
    expect(store.token()).toBeUndefined();
    await expect(session.renewAfterUnauthorized()).rejects.toBeInstanceOf(SignInLoopError);
    expect(assigned).toHaveLength(1);

    session.confirm();
    expect(await session.renewAfterUnauthorized()).toBeUndefined();
    expect(assigned).toHaveLength(2);
  });

  it('stays signed out after "Sign out" until the person signs in', async () => {
    const storage = memoryStorage();
    const store = createTokenStore(storage);
    store.saveToken({ accessToken: 'live', expiresAt: Date.UTC(2030, 0, 1) });
    const { win, assigned } = fakeWindow();
    const session = createBrowserSession(config, store, win);
    session.signOut();
    expect(storage.getItem('upward.tab.token')).toBeNull();
    expect(await createBrowserSession(config, store, win).start()).toEqual({ kind: 'signed-out' });
    expect(assigned).toEqual([]);
    session.signIn();
    expect(assigned).toHaveLength(1);
    expect(store.signedOut()).toBe(false);
  });
});
