import { Client as ApiClient } from '@microsoft/teams.api';
import type { ILogger } from '@microsoft/teams.common';
import { ConnectorFailure, parseRetryAfter } from './connector-failure.ts';
import type { BotConnector } from './ports.ts';
import type { ProactiveActivity } from './proactive-activity.ts';

export interface SdkConnectorOptions {
  /** A Bot Framework token (scope https://api.botframework.com/.default) of the bot. */
  readonly token: () => Promise<string>;
  readonly logger: ILogger;
  /** Per request; a hung connection counts as a failure to retry. */
  readonly timeoutMs?: number;
  readonly now?: () => number;
}

interface AxiosLikeError {
  readonly isAxiosError?: boolean;
  readonly code?: string;
  readonly message?: string;
  readonly response?: { readonly status: number; readonly headers?: Record<string, unknown>; readonly data?: unknown };
}

/** A connector error (an axios error from the SDK) as a ConnectorFailure, keeping Teams' code and subCode. */
export function toConnectorFailure(error: unknown, now: number): ConnectorFailure {
  if (error instanceof ConnectorFailure) return error;
  const e = (error ?? {}) as AxiosLikeError;
  if (!e.isAxiosError) return new ConnectorFailure(undefined, 'unknown', String(error));
  if (!e.response) return new ConnectorFailure(undefined, e.code ?? 'network', e.message ?? 'no answer from the Bot Connector');
  const data = e.response.data as { error?: { code?: unknown; subCode?: unknown; message?: unknown }; message?: unknown } | undefined;
  const body = data?.error;
  const header = e.response.headers?.['retry-after'];
  return new ConnectorFailure(
    e.response.status,
    typeof body?.code === 'string' ? body.code : `HTTP ${e.response.status}`,
    typeof body?.message === 'string' ? body.message : typeof data?.message === 'string' ? data.message : `the Bot Connector answered ${e.response.status}`,
    {
      subCode: typeof body?.subCode === 'string' ? body.subCode : undefined,
      retryAfterMs: parseRetryAfter(typeof header === 'string' ? header : header === undefined ? undefined : String(header), now),
    },
  );
}

/**
 * The Bot Connector through the Teams SDK's API client (`@microsoft/teams.api`), one client per
 * serviceUrl: the SDK's own wire format, with Upward's token provider and no retries of its own
 * (the sender decides what to retry).
 */
export function createSdkBotConnector(options: SdkConnectorOptions): BotConnector {
  const now = options.now ?? Date.now;
  const clients = new Map<string, ApiClient>();
  const clientFor = (serviceUrl: string): ApiClient => {
    let client = clients.get(serviceUrl);
    if (!client) {
      // Options rather than a client instance: teams.api carries its own copy of teams.common.
      client = new ApiClient(serviceUrl, { token: () => options.token(), logger: options.logger, timeout: options.timeoutMs ?? 30_000 });
      clients.set(serviceUrl, client);
    }
    return client;
  };
  const call = async <T>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      throw toConnectorFailure(error, now());
    }
  };
  const params = (activity: ProactiveActivity) => structuredClone(activity) as unknown as Parameters<ApiClient['conversations']['createActivity']>[1];

  return {
    async send(serviceUrl, conversationId, activity) {
      const result = await call(() => clientFor(serviceUrl).conversations.createActivity(conversationId, params(activity)));
      if (typeof result?.id !== 'string' || result.id === '') throw new ConnectorFailure(undefined, 'no_activity_id', 'the Bot Connector accepted the message but returned no id');
      return { id: result.id };
    },
    async update(serviceUrl, conversationId, activityId, activity) {
      await call(() => clientFor(serviceUrl).conversations.updateActivity(conversationId, activityId, { ...params(activity), id: activityId }));
    },
  };
}
