import type { RequestHandler } from 'express';

/**
 * `@microsoft/microsoft-graph-client` 3.x strips the host from an absolute URL given to
 * `client.api()` only when it starts with "https://". Its PageIterator passes `@odata.nextLink`
 * there, so against this http:// service the next page is requested as
 * `/v1.0/http://host:port/v1.0/users?...`. Against real Graph (https) that never happens, so
 * the production client stays unchanged and the development tenant folds the doubled prefix
 * back into the intended path instead.
 */
export function clientPathQuirk(): RequestHandler {
  return (req, _res, next) => {
    const match = /^\/(?:v1\.0|beta)\/https?:\/\/?[^/]+(\/.*)$/i.exec(req.url);
    if (match) req.url = match[1]!;
    next();
  };
}
