/**
 * Drives a running Agents Playground through the HTTP and WebSocket API its own web page uses
 * (undocumented; read from its bundle, version 0.2.28), so tests need no browser:
 * - `GET /_internal/v1/config`: the loaded configuration (it first waits, up to 15 s, for the
 *   bot endpoint to answer);
 * - `POST /_debug/conversation/{id}/installation`: what the page calls when a conversation is
 *   first opened; sends the bot `installationUpdate` (action add; msteams channel only) and
 *   `conversationUpdate` (membersAdded: the user and the bot);
 * - `POST /_conversation/v1/conversations/{id}/messages`: the user types a message;
 * - `ws /_ws_conversation/v1/conversations/stream`: what the bot sends, as
 *   `{ action: "createMessage" | "updateMessage" | "typing", actionConversationId, message }`;
 * - `ws /_ws/log/stream`: the page's log panel, `{ logAction: "appendLog", log }`; an activity
 *   sent to the bot is logged (`from` the Playground, `to` "User Application") once the bot has
 *   answered it, which is how `settle` knows the bot is done.
 */

/** A message as the Playground relays it from the bot. */
export interface PlaygroundMessage {
  readonly messageId: string;
  readonly timestamp: number;
  readonly from: { readonly id: string };
  readonly text?: string;
  readonly textFormat?: string;
  readonly attachments: readonly { readonly contentType: string; readonly content: unknown }[];
}

export interface PlaygroundStreamEvent {
  readonly action: 'createMessage' | 'updateMessage' | 'typing' | string;
  readonly actionConversationId: string;
  readonly message: PlaygroundMessage;
}

export interface PlaygroundClient {
  /** The configuration the Playground loaded (the `config` part of /_internal/v1/config). */
  config(): Promise<PlaygroundLoadedConfig>;
  /** Adds the bot to the conversation, as opening it in the page does. */
  install(conversationId: string): Promise<void>;
  /** The user `fromId` types `text` in the conversation. */
  say(conversationId: string, fromId: string, text: string): Promise<void>;
  /**
   * The next event after the last one returned (or after `skipPending`) that matches, waiting up
   * to `timeoutMs`. Events that do not match are passed over.
   */
  next(match: (event: PlaygroundStreamEvent) => boolean, timeoutMs?: number): Promise<PlaygroundStreamEvent>;
  /** Forgets everything received so far, so `next` only sees what comes after this call. */
  skipPending(): void;
  /**
   * Waits until the bot has answered every activity sent to it. The Playground relays a bot's
   * message to the page before it answers the bot's HTTP request; stopping it in between makes
   * the bot's send fail with "socket hang up", so tests settle before they stop it.
   */
  settle(timeoutMs?: number): Promise<void>;
  close(): void;
}

export interface PlaygroundLoadedConfig {
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: { readonly id: string; readonly name: string; readonly aadObjectId: string };
  readonly users: readonly { readonly id: string; readonly aadObjectId: string }[];
  readonly personalChat: { readonly id: string };
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

/** Opens the Playground's message and log streams and returns a client for its API. */
export async function connectPlayground(url: string, timeoutMs = 10_000): Promise<PlaygroundClient> {
  const events: PlaygroundStreamEvent[] = [];
  let cursor = 0;
  let wake: (() => void) | undefined;
  // Activities the Playground was asked to send to the bot, and those the bot has answered.
  let sent = 0;
  let answered = 0;
  const socket = await openSocket(`${url.replace(/^http/, 'ws')}/_ws_conversation/v1/conversations/stream`, timeoutMs);
  socket.addEventListener('message', (event) => {
    events.push(JSON.parse(String(event.data)) as PlaygroundStreamEvent);
    wake?.();
  });
  const log = await openSocket(`${url.replace(/^http/, 'ws')}/_ws/log/stream`, timeoutMs);
  log.addEventListener('message', (event) => {
    const item = (JSON.parse(String(event.data)) as { log?: { from?: string; to?: string } }).log;
    if (item?.from === 'Microsoft 365 Agents Playground' && item.to === 'User Application') answered++;
  });

  const post = (path: string, body: unknown): Promise<Response> =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });

  return {
    async config() {
      // Generous: the Playground answers only after probing the bot endpoint.
      const response = await expectOk(await fetch(`${url}/_internal/v1/config`, { signal: AbortSignal.timeout(20_000) }), 'config');
      return ((await response.json()) as { config: PlaygroundLoadedConfig }).config;
    },
    async install(conversationId) {
      await expectOk(await post(`/_debug/conversation/${encodeURIComponent(conversationId)}/installation`, {}), 'install');
      sent += 2; // installationUpdate and conversationUpdate
    },
    async say(conversationId, fromId, text) {
      await expectOk(
        await post(`/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`, {
          text,
          textFormat: 'plain',
          from: { id: fromId },
        }),
        'message',
      );
      sent += 1;
    },
    async next(match, waitMs = 15_000) {
      const deadline = Date.now() + waitMs;
      for (;;) {
        while (cursor < events.length) {
          const event = events[cursor++]!;
          if (match(event)) return event;
        }
        const left = deadline - Date.now();
        if (left <= 0) {
          const seen = events.map((e) => `${e.action}: ${e.message?.text ?? e.message?.attachments?.map((a) => a.contentType).join(',')}`);
          throw new Error(`no matching message from the bot within ${waitMs} ms; received: [${seen.join(' | ')}]`);
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => (clearTimeout(timer), resolve());
        });
        wake = undefined;
      }
    },
    skipPending() {
      cursor = events.length;
    },
    async settle(waitMs = 10_000) {
      const deadline = Date.now() + waitMs;
      while (answered < sent) {
        if (Date.now() > deadline) throw new Error(`the bot answered ${answered} of the ${sent} activities sent to it within ${waitMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close() {
      socket.close();
      log.close();
    },
  };
}

function openSocket(address: string, timeoutMs: number): Promise<WebSocket> {
  const socket = new WebSocket(address);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => (socket.close(), reject(new Error(`${address} did not open`))), timeoutMs);
    socket.addEventListener('open', () => (clearTimeout(timer), resolve(socket)), { once: true });
    socket.addEventListener('error', () => (clearTimeout(timer), reject(new Error(`${address} failed to open`))), { once: true });
  });
}

/** The Adaptive Card content of a message, if it carries one. */
export function adaptiveCardOf(message: PlaygroundMessage): AdaptiveCardJson | undefined {
  const attachment = message.attachments.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive');
  return attachment?.content as AdaptiveCardJson | undefined;
}

export interface AdaptiveCardJson {
  readonly type: 'AdaptiveCard';
  readonly version: string;
  readonly body: readonly { readonly type: string; readonly text?: string }[];
  readonly actions?: readonly { readonly type: string; readonly title?: string; readonly url?: string }[];
}
