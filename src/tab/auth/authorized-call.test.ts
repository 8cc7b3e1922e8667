import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { authorizedCall } from './authorized-call.ts';
import { createHostSession } from './host-session.ts';

/** A host token source that hands out numbered tokens and records whether each was forced. */
function source() {
  const calls: boolean[] = [];
  return { calls, acquire: async (force: boolean) => (calls.push(force), `token-${calls.length}`) };
}

describe('authorizedCall inside a host', () => {
  it('retries a 401 once with a token the host is asked to refresh', async () => {
    const tokens = source();
    const session = createHostSession(tokens);
    await session.start();
    const seen: string[] = [];
    const result = await authorizedCall(session, async (token) => {
      seen.push(token);
      if (token === 'token-1') throw new ApiError(401, 'unauthenticated', 'expired');
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toEqual(['token-1', 'token-2']);
    expect(tokens.calls).toEqual([false, true]);
  });

  it('gives up after the second 401 instead of looping', async () => {
    const tokens = source();
    const session = createHostSession(tokens);
    await session.start();
    let calls = 0;
    const refused = authorizedCall(session, async () => {
      calls++;
      throw new ApiError(401, 'unauthenticated', 'no');
    });
    await expect(refused).rejects.toMatchObject({ status: 401 });
    expect(calls).toBe(2);
  });

  it('passes other errors through without renewing', async () => {
    const tokens = source();
    const session = createHostSession(tokens);
    await session.start();
    await expect(authorizedCall(session, () => Promise.reject(new ApiError(403, 'forbidden', 'no')))).rejects.toMatchObject({ status: 403 });
    expect(tokens.calls).toEqual([false]);
  });

  it('says plainly when the host cannot sign the person in', async () => {
    const session = createHostSession({ acquire: () => Promise.reject(new Error('resourceRequiresConsent')) });
    expect(await session.start()).toEqual({ kind: 'failed', message: 'Teams could not sign you in to Upward (resourceRequiresConsent).' });
  });
});
