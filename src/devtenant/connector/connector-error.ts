/**
 * A Bot Connector error: the Bot Framework's ErrorResponse body, `{"error":{"code","message"}}`,
 * with Teams' `subCode` where Teams gives one (403 MessageWritesBlocked).
 */
export class ConnectorError extends Error {
  readonly status: number;
  readonly code: string;
  readonly subCode: string | undefined;
  readonly headers: Readonly<Record<string, string>>;

  constructor(status: number, code: string, message: string, options: { subCode?: string; headers?: Record<string, string> } = {}) {
    super(message);
    this.name = 'ConnectorError';
    this.status = status;
    this.code = code;
    this.subCode = options.subCode;
    this.headers = options.headers ?? {};
  }

  body(): object {
    return { error: { code: this.code, message: this.message, ...(this.subCode === undefined ? {} : { subCode: this.subCode }) } };
  }
}

/** Retry-After in whole seconds, at least 1 (what HTTP and the Bot Connector send). */
const retryAfter = (ms: number): Record<string, string> => ({ 'Retry-After': String(Math.max(1, Math.ceil(ms / 1000))) });

/** The connector's errors, with the codes of Teams' "status codes from bot conversational APIs". */
export const connectorErrors = {
  badArgument: (message: string) => new ConnectorError(400, 'BadArgument', message),
  badSyntax: (message: string) => new ConnectorError(400, 'BadSyntax', message),
  messageTooBig: () => new ConnectorError(413, 'MessageSizeTooBig', 'Message size too big.'),
  conversationNotFound: () => new ConnectorError(404, 'ConversationNotFound', 'Conversation not found.'),
  activityNotFound: () => new ConnectorError(404, 'ActivityNotFound', 'Activity not found.'),
  memberNotFound: () => new ConnectorError(404, 'MemberNotFoundInConversation', 'Could not find the member in the conversation.'),
  notInRoster: () => new ConnectorError(403, 'BotNotInConversationRoster', 'The bot is not part of the conversation roster.'),
  notInstalled: () =>
    new ConnectorError(403, 'BotNotInConversationRoster', 'The bot is not installed in the personal scope of this user.', { subCode: 'MessageWritesBlocked' }),
  blockedByUser: () =>
    new ConnectorError(403, 'ConversationBlockedByUser', 'User blocked the conversation with the bot.', { subCode: 'MessageWritesBlocked' }),
  throttled: (retryAfterMs: number) => new ConnectorError(429, 'Throttled', 'Too many requests.', { headers: retryAfter(retryAfterMs) }),
  fault: (status: 412 | 429 | 502 | 503 | 504, retryAfterMs: number | undefined) => {
    const headers = retryAfterMs === undefined ? {} : retryAfter(retryAfterMs);
    switch (status) {
      case 412:
        return new ConnectorError(412, 'PreconditionFailed', 'Precondition failed, please try again.', { headers });
      case 429:
        return new ConnectorError(429, 'Throttled', 'Too many requests.', { headers: retryAfter(retryAfterMs ?? 1000) });
      case 502:
        return new ConnectorError(502, 'ServiceError', 'Service error, please try again.', { headers });
      case 503:
        return new ConnectorError(503, 'ServiceUnavailable', 'The service is unavailable, please try again.', { headers });
      default:
        return new ConnectorError(504, 'GatewayTimeout', 'The gateway timed out, please try again.', { headers });
    }
  },
} as const;
