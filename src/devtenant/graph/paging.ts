import type { Request } from 'express';
import { graphErrors } from './graph-errors.ts';

/** Graph's default page size for directory collections. */
export const DEFAULT_PAGE_SIZE = 100;

/** Opaque to callers: the offset of the next page. The rest of the query travels in the link. */
const encodeToken = (offset: number): string => Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

function decodeToken(token: string): number {
  try {
    const offset = (JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown }).o;
    if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
  } catch {
    // fall through: an undecodable token is treated as expired, as Graph does
  }
  throw graphErrors.expiredPageToken();
}

/**
 * One page of a collection plus the absolute `@odata.nextLink` (same path and query options,
 * with `$skiptoken`), or no link on the last page.
 */
export function pageOf<T>(
  items: readonly T[],
  req: Request,
  baseUrl: string,
  top: number | undefined,
  skipToken: string | undefined,
): { page: readonly T[]; nextLink: string | undefined } {
  const size = top ?? DEFAULT_PAGE_SIZE;
  const offset = skipToken === undefined ? 0 : decodeToken(skipToken);
  const page = items.slice(offset, offset + size);
  if (offset + size >= items.length) return { page, nextLink: undefined };
  const params: string[] = [];
  for (const [key, raw] of Object.entries(req.query)) {
    if (key.toLowerCase() === '$skiptoken') continue;
    const values = Array.isArray(raw) ? raw : [raw];
    for (const value of values) params.push(`${encodeURIComponent(key).replace(/^%24/, '$')}=${encodeURIComponent(String(value ?? ''))}`);
  }
  params.push(`$skiptoken=${encodeToken(offset + size)}`);
  return { page, nextLink: `${baseUrl}${req.baseUrl}${req.path}?${params.join('&')}` };
}
