import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Principal } from '../auth/principal.ts';
import type { TokenValidator } from '../auth/token-validator.ts';

const PRINCIPAL = Symbol('principal');
type WithPrincipal = Request & { [PRINCIPAL]?: Principal };

/** Requires a valid bearer token on every request it guards; no bypass switch exists. */
export function authenticate(validator: TokenValidator): RequestHandler {
  return (req: Request, _res: Response, next: NextFunction) => {
    validator.validate(req.headers.authorization).then(
      (principal) => {
        (req as WithPrincipal)[PRINCIPAL] = principal;
        next();
      },
      next,
    );
  };
}

/** The caller proven by `authenticate`; throws if a route forgot to be guarded. */
export function principalOf(req: Request): Principal {
  const principal = (req as WithPrincipal)[PRINCIPAL];
  if (!principal) throw new Error('route is not behind authenticate()');
  return principal;
}
