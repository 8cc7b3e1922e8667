/** `GET /api/tab-config`: what the tab needs to sign a person in. Served without a token. */
export interface TabConfig {
  readonly tenantId: string;
  readonly clientId: string;
  /** e.g. `https://login.microsoftonline.com` or the development tenant's base URL. */
  readonly loginBaseUrl: string;
  /** The delegated scope the tab asks for: `<application ID URI>/access_as_user`. */
  readonly apiScope: string;
}
