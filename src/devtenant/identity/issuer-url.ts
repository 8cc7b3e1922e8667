/** The v2.0 issuer of a tenant: `${baseUrl}/${tenantId}/v2.0`, as Entra's `iss` claim. */
export function issuerUrl(baseUrl: string, tenantId: string): string {
  return `${baseUrl}/${tenantId}/v2.0`;
}
