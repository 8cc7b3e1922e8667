/** Why a token was refused; the HTTP edge maps each reason to 401 or 403 and names it. */
export type AuthFailure =
  | 'missing_token'
  | 'malformed_token'
  | 'unsupported_algorithm'
  | 'bad_signature'
  | 'expired'
  | 'not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'tenant_not_allowed'
  | 'not_a_user_token'
  | 'issuer_unreachable';

export class AuthError extends Error {
  readonly reason: AuthFailure;

  constructor(reason: AuthFailure, message: string) {
    super(message);
    this.name = 'AuthError';
    this.reason = reason;
  }

  /** 403 when the token is genuine but for someone Upward does not serve; 401 otherwise. */
  get status(): 401 | 403 {
    return this.reason === 'tenant_not_allowed' ? 403 : 401;
  }
}
