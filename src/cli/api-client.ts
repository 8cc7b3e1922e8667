/**
 * A small client for Upward's HTTP API, as the CLI uses it: JSON in and out, a bearer token, and
 * API errors turned into {@link ApiError} carrying the error body's code, message and fields.
 */

/** An error answer of the API (`{ error: { code, message, fields? } }`), or no answer at all. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: ReadonlyArray<{ field: string; message: string }>;

  constructor(status: number, code: string, message: string, fields: ReadonlyArray<{ field: string; message: string }> = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }
}

export interface ApiClient {
  /** Upward's base URL, e.g. http://127.0.0.1:3978. */
  readonly url: string;
  get(path: string): Promise<any>;
  post(path: string, body?: unknown): Promise<any>;
  patch(path: string, body: unknown): Promise<any>;
  delete(path: string): Promise<any>;
}

/** Calls `${url}/api${path}` with `token`; resolves to the JSON body, rejects with ApiError. */
export function apiClient(url: string, token: string): ApiClient {
  const call = async (method: string, path: string, body?: unknown): Promise<any> => {
    let response: Response;
    try {
      response = await fetch(`${url}/api${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (error) {
      throw new ApiError(0, 'unreachable', `cannot reach Upward at ${url} (${(error as Error).message}); is it running? (npm start)`);
    }
    const text = await response.text();
    const parsed = text === '' ? undefined : safeJson(text);
    if (!response.ok) {
      const error = (parsed as { error?: { code?: string; message?: string; fields?: Array<{ field: string; message: string }> } } | undefined)?.error;
      throw new ApiError(response.status, error?.code ?? `http_${response.status}`, error?.message ?? (text || response.statusText), error?.fields ?? []);
    }
    return parsed;
  };
  return {
    url,
    get: (path) => call('GET', path),
    post: (path, body) => call('POST', path, body),
    patch: (path, body) => call('PATCH', path, body),
    delete: (path) => call('DELETE', path),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
