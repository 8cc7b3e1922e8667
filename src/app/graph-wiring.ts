import type { Client } from '@microsoft/microsoft-graph-client';
import { ConfigError, type Config } from '../config/config.ts';
import { createAppTokenProvider } from '../graph/app-token-provider.ts';
import { createDirectoryReader, type DirectoryReader, type ManagerChainReader } from '../graph/directory.ts';
import { createGraphClient } from '../graph/graph-client.ts';

/** Microsoft Graph: one client and one directory reader per tenant, shared by every adapter. */
export interface GraphWiring {
  /** The tenant's app-only Graph client. */
  readonly graphClientFor: (tenantId: string) => Client;
  /** The tenant's directory: profiles, managers, reports. */
  readonly directoryFor: (tenantId: string) => DirectoryReader & ManagerChainReader;
}

/** Graph with Upward's app-only tokens; without a client secret Upward cannot start. */
export function wireGraph(config: Config): GraphWiring {
  const secret = config.entra.clientSecret;
  if (!secret) throw new ConfigError('ENTRA_CLIENT_SECRET: is required to call Microsoft Graph (put it in env/.env.<env>.user)');
  const tokens = createAppTokenProvider({
    loginBaseUrl: config.entra.loginBaseUrl,
    clientId: config.entra.clientId,
    clientSecret: secret,
    resource: 'https://graph.microsoft.com',
  });
  const graphClients = new Map<string, Client>();
  const graphClientFor = (tenantId: string): Client => {
    let client = graphClients.get(tenantId);
    if (!client) {
      client = createGraphClient({ baseUrl: config.entra.graphBaseUrl, token: () => tokens.getToken(tenantId) });
      graphClients.set(tenantId, client);
    }
    return client;
  };
  const directories = new Map<string, DirectoryReader & ManagerChainReader>();
  const directoryFor = (tenantId: string): DirectoryReader & ManagerChainReader => {
    let reader = directories.get(tenantId);
    if (!reader) {
      reader = createDirectoryReader(graphClientFor(tenantId));
      directories.set(tenantId, reader);
    }
    return reader;
  };
  return { graphClientFor, directoryFor };
}
