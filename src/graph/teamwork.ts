import type { Client } from '@microsoft/microsoft-graph-client';
import { UpwardError } from '../core/errors.ts';
import type { UserId } from '../core/ids.ts';
import { graphErrorStatus, toUpwardError } from './graph-failure.ts';

/** Upward's Teams app in people's personal scope, through Graph (`/users/{id}/teamwork/installedApps`). */
export interface TeamsAppInstaller {
  /**
   * The org-catalog id of the app whose manifest id is `externalId` (what installs name), or
   * undefined when the tenant's catalog does not have it. Needs AppCatalog.Read.All.
   */
  catalogAppId(externalId: string): Promise<string | undefined>;
  /**
   * Installs the app for the person (TeamsAppInstallation.ReadWriteSelfForUser.All). Teams then
   * sends the bot installationUpdate with the 1:1 conversation. `already-installed` on Graph's 409.
   */
  install(userId: UserId, catalogAppId: string): Promise<'installed' | 'already-installed'>;
  /** The person's installation of the app, if they have it. */
  findInstallation(userId: UserId, catalogAppId: string): Promise<{ readonly id: string } | undefined>;
  /** The Graph id of the installation's 1:1 chat (`19:…@unq.gbl.spaces`), which the Bot Connector also accepts. */
  chatId(userId: UserId, installationId: string): Promise<string>;
}

const quote = (value: string): string => `'${value.replaceAll("'", "''")}'`;

/** The installer over a Graph client holding an app-only token for the person's tenant. */
export function createTeamsAppInstaller(client: Client): TeamsAppInstaller {
  const installedApps = (userId: UserId): string => `/users/${encodeURIComponent(userId)}/teamwork/installedApps`;
  const failing = (doing: string) => (error: unknown): never => {
    if (error instanceof UpwardError) throw error;
    if (graphErrorStatus(error) === 404) throw new UpwardError('not_found', `Microsoft Graph found nothing while ${doing}`);
    throw toUpwardError(error, doing);
  };

  return {
    async catalogAppId(externalId) {
      const result = (await client
        .api('/appCatalogs/teamsApps')
        .filter(`externalId eq ${quote(externalId)}`)
        .get()
        .catch(failing(`looking up the Teams app ${externalId} in the app catalog`))) as { value?: Array<{ id?: string }> };
      return result.value?.[0]?.id;
    },

    async install(userId, catalogAppId) {
      try {
        await client.api(installedApps(userId)).post({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${catalogAppId}` });
        return 'installed';
      } catch (error) {
        if (graphErrorStatus(error) === 409) return 'already-installed';
        return failing(`installing Upward for ${userId}`)(error);
      }
    },

    async findInstallation(userId, catalogAppId) {
      const result = (await client
        .api(installedApps(userId))
        .expand('teamsApp')
        .filter(`teamsApp/id eq ${quote(catalogAppId)}`)
        .get()
        .catch(failing(`reading the apps installed for ${userId}`))) as { value?: Array<{ id?: string }> };
      const id = result.value?.[0]?.id;
      return id === undefined ? undefined : { id };
    },

    async chatId(userId, installationId) {
      const chat = (await client
        .api(`${installedApps(userId)}/${encodeURIComponent(installationId)}/chat`)
        .get()
        .catch(failing(`reading the chat of Upward with ${userId}`))) as { id?: string };
      if (typeof chat.id !== 'string') throw new UpwardError('upstream', `Microsoft Graph returned no chat id for ${userId}`);
      return chat.id;
    },
  };
}
