import { createNestablePublicClientApplication, type IPublicClientApplication } from '@azure/msal-browser';
import { authentication, nestedAppAuth } from '@microsoft/teams-js';
import type { TabConfig } from '../../contracts/tab-config.ts';

/**
 * Gets an API token from the host: Nested App Authentication first (the current way in Teams,
 * Outlook and Microsoft 365), then Teams SSO (`getAuthToken`) for hosts without NAA.
 */
export interface HostTokenSource {
  acquire(forceRefresh: boolean): Promise<string>;
}

/** A HostTokenSource for the running host. */
export function createHostTokenSource(config: TabConfig): HostTokenSource {
  let naa: Promise<IPublicClientApplication> | undefined;
  const naaClient = (): Promise<IPublicClientApplication> => {
    naa ??= createNestablePublicClientApplication({
      auth: { clientId: config.clientId, authority: `${config.loginBaseUrl.replace(/\/+$/, '')}/${config.tenantId}` },
      cache: { cacheLocation: 'sessionStorage' },
    });
    return naa;
  };

  const viaNaa = async (forceRefresh: boolean): Promise<string> => {
    const client = await naaClient();
    const result = await client.acquireTokenSilent({ scopes: [config.apiScope], forceRefresh });
    return result.accessToken;
  };

  return {
    acquire: async (forceRefresh) => {
      if (nestedAppAuth.isNAAChannelRecommended()) {
        try {
          return await viaNaa(forceRefresh);
        } catch (error) {
          // Not fatal: the host may still hand out an SSO token. Said in the console for whoever debugs it.
          console.warn('Upward: nested app authentication failed, trying Teams SSO', error);
        }
      }
      return authentication.getAuthToken();
    },
  };
}
