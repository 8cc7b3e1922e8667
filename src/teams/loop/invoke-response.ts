/** Bodies of `adaptiveCard/action` invoke responses (Universal Actions). */
import type { AdaptiveCard, IAdaptiveCard } from '@microsoft/teams.cards';

/** Replace the card in place with `card` (for the person who acted). */
export interface CardResponse {
  readonly statusCode: 200;
  readonly type: 'application/vnd.microsoft.card.adaptive';
  readonly value: IAdaptiveCard;
}

/** Show a short message instead of changing the card. */
export interface MessageResponse {
  readonly statusCode: 200;
  readonly type: 'application/vnd.microsoft.activity.message';
  readonly value: string;
}

export type LoopInvokeResponse = CardResponse | MessageResponse;

export const cardResponse = (card: AdaptiveCard): CardResponse => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.card.adaptive',
  // The builder serialises to the card's JSON; the invoke body must be plain JSON.
  value: JSON.parse(JSON.stringify(card)) as IAdaptiveCard,
});

export const messageResponse = (text: string): MessageResponse => ({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text });
