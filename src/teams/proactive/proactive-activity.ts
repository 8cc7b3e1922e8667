/** The MIME type of an Adaptive Card attachment. */
export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** A message the bot sends on its own initiative (not as a reply): text, a card, or both. */
export interface ProactiveActivity {
  readonly type: 'message';
  readonly text?: string;
  /** What notifications and the chat list show for a card-only message. */
  readonly summary?: string;
  readonly attachments?: readonly { readonly contentType: string; readonly content: unknown }[];
}

/**
 * An Adaptive Card as a proactive message. `card` is the card's JSON or a
 * `@microsoft/teams.cards` builder (serialised as JSON); `summary` is what a notification shows.
 */
export function cardActivity(card: unknown, summary?: string): ProactiveActivity {
  const content: unknown = JSON.parse(JSON.stringify(card));
  return { type: 'message', ...(summary === undefined ? {} : { summary }), attachments: [{ contentType: ADAPTIVE_CARD_CONTENT_TYPE, content }] };
}

/** A plain text (markdown) proactive message. */
export function textActivity(text: string): ProactiveActivity {
  return { type: 'message', text };
}
