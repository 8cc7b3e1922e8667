/**
 * An OAuth error as Entra ID's token endpoint reports it: `error`, an `error_description` that
 * starts with the AADSTS code, `error_codes`, timestamp, trace and correlation ids.
 */
export class EntraError extends Error {
  readonly status: number;
  readonly error: string;
  readonly aadsts: number;

  constructor(status: number, error: string, aadsts: number, message: string) {
    super(message);
    this.name = 'EntraError';
    this.status = status;
    this.error = error;
    this.aadsts = aadsts;
  }

  /** The JSON body, `traceId`/`correlationId` as the service would log them. */
  body(baseUrl: string, now: Date, traceId: string, correlationId: string): object {
    const timestamp = now.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, 'Z');
    return {
      error: this.error,
      error_description: `${this.description()}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
      error_codes: [this.aadsts],
      timestamp,
      trace_id: traceId,
      correlation_id: correlationId,
      error_uri: `${baseUrl}/error?code=${this.aadsts}`,
    };
  }

  /** "AADSTS<code>: <message>" */
  description(): string {
    return `AADSTS${this.aadsts}: ${this.message}`;
  }
}

/** The errors the development tenant raises, with Entra's codes and wording. */
export const entraErrors = {
  unknownTenant: (tenant: string) =>
    new EntraError(400, 'invalid_request', 90002, `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`),
  missingParameter: (name: string) =>
    new EntraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`),
  unsupportedGrant: (grant: string) =>
    new EntraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant}'.`),
  unknownClient: (clientId: string, tenant: string) =>
    new EntraError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory '${tenant}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`),
  missingSecret: () =>
    new EntraError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'."),
  badSecret: (clientId: string) =>
    new EntraError(401, 'invalid_client', 7000215, `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`),
  scopeNeedsDefault: (scope: string) =>
    new EntraError(400, 'invalid_scope', 1002012, `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`),
  unknownResource: (resource: string, tenant: string) =>
    new EntraError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant named ${tenant}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`),
  invalidScope: (scope: string) =>
    new EntraError(400, 'invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`),
  malformedAssertion: () => new EntraError(400, 'invalid_request', 50027, 'JWT token is invalid or malformed.'),
  assertionExpired: () => new EntraError(400, 'invalid_grant', 500133, 'Assertion is not within its valid time range. Ensure that the access token is not expired before using it for user assertion, or request a new token.'),
  assertionRejected: (detail: string) => new EntraError(400, 'invalid_grant', 50013, `Assertion failed signature validation. [Reason - ${detail}]`),
  assertionAudience: (clientId: string) =>
    new EntraError(400, 'invalid_grant', 50013, `Assertion audience does not match the Client app presenting the assertion. The audience in the assertion was not the client app '${clientId}'.`),
  userNotFound: (user: string, tenant: string) =>
    new EntraError(400, 'invalid_grant', 50034, `The user account {EUII Hidden} does not exist in the ${tenant} directory. To sign into this application, the account must be added to the directory. (${user})`),
  userDisabled: () => new EntraError(400, 'invalid_grant', 50057, 'The user account is disabled.'),
  badRedirect: (uri: string, clientId: string) =>
    new EntraError(400, 'invalid_request', 50011, `The redirect URI '${uri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`),
  unsupportedResponseType: (type: string) =>
    new EntraError(400, 'unsupported_response_type', 700054, `response_type '${type}' is not enabled for the application.`),
} as const;
