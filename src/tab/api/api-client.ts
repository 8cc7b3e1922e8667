import type { ApiErrorBody } from '../../contracts/api-error.ts';
import type { MeResponse } from '../../contracts/me.ts';
import type { TabConfig } from '../../contracts/tab-config.ts';
import { ApiError } from './api-error.ts';

/** Calls Upward's API on the origin that served the tab. */
export interface ApiClient {
  /** `GET /api/tab-config` (no token). */
  tabConfig(signal?: AbortSignal): Promise<TabConfig>;
  /** `GET /api/me` with the person's bearer token. */
  me(token: string, signal?: AbortSignal): Promise<MeResponse>;
  /** Any JSON route under `/api` with the person's bearer token; `path` starts with `/`. */
  call<T>(token: string, method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal): Promise<T>;
}

/** The methods the tab uses. */
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

const isErrorBody = (value: unknown): value is ApiErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as { error: unknown }).error === 'object' &&
  (value as { error: unknown }).error !== null &&
  typeof (value as ApiErrorBody).error.message === 'string';

async function request<T>(fetchImpl: typeof fetch, url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetchImpl(url, { ...init, headers: { Accept: 'application/json', ...init.headers } });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError(0, 'network', "Upward's server did not answer.");
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    if (isErrorBody(body)) {
      throw new ApiError(response.status, body.error.code, body.error.message, body.error.fields ?? []);
    }
    throw new ApiError(response.status, 'http_' + response.status, `The server answered ${response.status}.`);
  }
  if (body === undefined) throw new ApiError(response.status, 'bad_response', 'The server sent an empty answer.');
  return body as T;
}

/**
 * Builds the API client. `baseUrl` is the origin serving the API (the page's own origin in
 * production; tests may point it elsewhere).
 */
export function createApiClient(baseUrl: string, fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis)): ApiClient {
  const root = baseUrl.replace(/\/+$/, '');
  return {
    tabConfig: (signal) => request<TabConfig>(fetchImpl, `${root}/api/tab-config`, { signal: signal ?? null }),
    me: (token, signal) =>
      request<MeResponse>(fetchImpl, `${root}/api/me`, {
        signal: signal ?? null,
        headers: { Authorization: `Bearer ${token}` },
      }),
    call: <T,>(token: string, method: HttpMethod, path: string, body?: unknown, signal?: AbortSignal) =>
      request<T>(fetchImpl, `${root}/api${path}`, {
        method,
        signal: signal ?? null,
        headers:
          body === undefined
            ? { Authorization: `Bearer ${token}` }
            : { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}
