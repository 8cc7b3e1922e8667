import type { Request } from 'express';
import { graphErrors } from './graph-errors.ts';
import { parseUserSelect } from './user-properties.ts';

/** The OData system query options the directory endpoints understand. */
export interface ODataQuery {
  readonly select: readonly string[] | undefined;
  readonly filter: string | undefined;
  readonly top: number | undefined;
  readonly skipToken: string | undefined;
  readonly count: boolean;
  readonly orderBy: { readonly property: string; readonly descending: boolean } | undefined;
  /** `$expand=manager` or `$expand=manager($select=...)`. */
  readonly expandManager: { readonly select: readonly string[] | undefined } | undefined;
  /** Whether the caller sent `ConsistencyLevel: eventual` (Graph's advanced queries). */
  readonly eventual: boolean;
}

type Option = 'select' | 'filter' | 'top' | 'skiptoken' | 'count' | 'orderby' | 'expand';
const ORDERABLE = new Set(['displayName', 'userPrincipalName']);

/** Reads `$`-prefixed options (names case-insensitive); anything not in `allowed` is refused. */
export function parseODataQuery(req: Request, allowed: readonly Option[]): ODataQuery {
  const options = new Map<string, string>();
  for (const [key, raw] of Object.entries(req.query)) {
    if (!key.startsWith('$')) continue;
    const name = key.slice(1).toLowerCase();
    const value = Array.isArray(raw) ? String(raw[raw.length - 1]) : String(raw ?? '');
    if (name === 'skip') throw graphErrors.badRequest("'$skip' is not supported by the service.");
    if (name === 'search') {
      throw graphErrors.unsupportedQuery("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    }
    if (!(allowed as readonly string[]).includes(name)) throw graphErrors.badRequest(`The query parameter '${key}' is not supported.`);
    options.set(name, value);
  }

  const topText = options.get('top');
  let top: number | undefined;
  if (topText !== undefined) {
    top = /^\d+$/.test(topText.trim()) ? Number(topText) : NaN;
    if (!(top >= 1 && top <= 999)) throw graphErrors.invalidPageSize(topText);
  }
  const countText = options.get('count')?.toLowerCase();
  if (countText !== undefined && countText !== 'true' && countText !== 'false') throw graphErrors.badRequest(`Invalid value '${countText}' for $count.`);

  let orderBy: ODataQuery['orderBy'];
  const orderText = options.get('orderby');
  if (orderText !== undefined) {
    const [name = '', direction = 'asc', ...rest] = orderText.trim().split(/\s+/);
    const property = parseUserSelect(name)[0] ?? name;
    if (!ORDERABLE.has(property) || rest.length > 0 || !/^(asc|desc)$/i.test(direction)) {
      throw graphErrors.unsupportedQuery('Sorting not supported for current query.');
    }
    orderBy = { property, descending: direction.toLowerCase() === 'desc' };
  }

  let expandManager: ODataQuery['expandManager'];
  const expandText = options.get('expand');
  if (expandText !== undefined) {
    const match = /^\s*manager\s*(?:\(\s*\$select\s*=\s*([^)]*)\))?\s*$/i.exec(expandText);
    if (!match) throw graphErrors.badRequest(`Parsing OData Select and Expand failed: '${expandText}' cannot be expanded by the development tenant (only 'manager').`);
    expandManager = { select: match[1] === undefined ? undefined : parseUserSelect(match[1]) };
  }

  const selectText = options.get('select');
  return {
    select: selectText === undefined ? undefined : parseUserSelect(selectText),
    filter: options.get('filter'),
    top,
    skipToken: options.get('skiptoken'),
    count: countText === 'true',
    orderBy,
    expandManager,
    eventual: (req.get('ConsistencyLevel') ?? '').toLowerCase() === 'eventual',
  };
}
