import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { SignInLoopError } from '../auth/auth-session.ts';
import { describeLoadError } from './load-error-text.ts';

describe('describeLoadError', () => {
  it('tells a 403 who to contact and offers to try again', () => {
    const text = describeLoadError(new ApiError(403, 'forbidden', 'Upward is not enabled for you.'), 'your profile');
    expect(text.title).toBe("You don't have access to Upward yet");
    expect(text.body).toContain('Upward is not enabled for you.');
    expect(text.body).toContain('program admin');
    expect(text.action).toBe('retry');
  });

  it('offers a fresh sign-in when the sign-in itself is the problem', () => {
    expect(describeLoadError(new SignInLoopError(), 'your profile').action).toBe('sign-in');
    expect(describeLoadError(new ApiError(401, 'unauthenticated', 'Expired.'), 'your profile').action).toBe('sign-in');
  });

  it('words an unreachable server and a server failure differently, without leaking internals', () => {
    expect(describeLoadError(new ApiError(0, 'network', 'x'), 'your profile').body).toContain('did not answer');
    const failure = describeLoadError(new ApiError(500, 'internal', 'stack trace here'), 'your profile');
    expect(failure.body).toContain("on Upward's side (internal)");
    expect(failure.body).not.toContain('stack trace');
  });
});
