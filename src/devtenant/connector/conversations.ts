/** One activity the bot sent into a conversation, as the person received it (updates applied). */
export interface ReceivedActivity {
  readonly activityId: string;
  readonly conversationId: string;
  readonly type: string;
  text: string | undefined;
  summary: string | undefined;
  attachments: readonly unknown[];
  readonly receivedAt: string;
  updatedAt: string | undefined;
  /** How many times the bot replaced it (`PUT .../activities/{id}`). */
  updates: number;
  /** The activity as last sent, for anything the fields above leave out. */
  raw: Record<string, unknown>;
}

/** A 1:1 conversation between a bot and a person. */
export interface DevConversation {
  readonly id: string;
  /** The same chat's Graph id (`19:…@unq.gbl.spaces`), accepted by the connector too. */
  readonly chatId: string;
  readonly tenantId: string;
  readonly userId: string;
  readonly botId: string;
  readonly createdAt: string;
  readonly activities: Map<string, ReceivedActivity>;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** The parts of a posted activity a person sees. */
export function receivedFields(activity: Record<string, unknown>): Pick<ReceivedActivity, 'text' | 'summary' | 'attachments'> {
  return {
    text: text(activity['text']),
    summary: text(activity['summary']),
    attachments: Array.isArray(activity['attachments']) ? structuredClone(activity['attachments']) : [],
  };
}

/**
 * The conversations of every bot with every person, by Bot Framework id and by Graph chat id, and
 * the activities in them. Ids come from the caller (derived, see teams-ids.ts).
 */
export class ConversationBook {
  readonly #byId = new Map<string, DevConversation>();
  #lastActivityId = 0;

  find(idOrChatId: string): DevConversation | undefined {
    return this.#byId.get(idOrChatId);
  }

  /** The conversation with these ids, created on first use. */
  open(ids: { id: string; chatId: string; tenantId: string; userId: string; botId: string }, now: Date): DevConversation {
    let conversation = this.#byId.get(ids.id);
    if (!conversation) {
      conversation = { ...ids, createdAt: now.toISOString(), activities: new Map() };
      this.#byId.set(ids.id, conversation);
      this.#byId.set(ids.chatId, conversation);
    }
    return conversation;
  }

  /** Records a new activity and returns it; ids look like Teams message ids (epoch milliseconds, increasing). */
  add(conversation: DevConversation, activity: Record<string, unknown>, now: Date): ReceivedActivity {
    this.#lastActivityId = Math.max(this.#lastActivityId + 1, now.getTime());
    const received: ReceivedActivity = {
      activityId: String(this.#lastActivityId),
      conversationId: conversation.id,
      type: text(activity['type']) ?? 'message',
      ...receivedFields(activity),
      receivedAt: now.toISOString(),
      updatedAt: undefined,
      updates: 0,
      raw: structuredClone(activity),
    };
    conversation.activities.set(received.activityId, received);
    return received;
  }

  /** Every conversation once (not once per id). */
  all(): DevConversation[] {
    return [...new Set(this.#byId.values())];
  }

  clearActivities(): void {
    for (const conversation of this.all()) conversation.activities.clear();
  }
}
