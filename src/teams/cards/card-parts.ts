/** Small building blocks every Upward card shares, so they look and behave alike. */
import {
  AdaptiveCard,
  ExecuteAction,
  TextBlock,
  type IAdaptiveCard,
  type IRefreshDefinition,
  type ISubmitActionData,
} from '@microsoft/teams.cards';
import type { UserId } from '../../core/ids.ts';
import type { CardVerb } from './card-verbs.ts';

/** One person as a card shows them. */
export interface CardPerson {
  readonly userId: UserId;
  /** Display name (typed by people somewhere: always escaped on cards). */
  readonly name: string;
  /**
   * The id Teams knows the person by in a conversation (`29:…`), which `refresh.userIds` needs
   * so that each of them gets their own view of the card.
   */
  readonly teamsUserId: string;
}

/** The reader of a per-person card and the other side(s) of their pair. */
export interface CardReaders {
  readonly reader: CardPerson;
  /** One partner, two in a trio. */
  readonly partners: readonly CardPerson[];
}

/** An Adaptive Card 1.5 (Universal Actions need 1.5) with a plain-text fallback for notifications. */
export function card(fallbackText: string, ...body: IAdaptiveCard['body']): AdaptiveCard {
  return new AdaptiveCard(...body).withVersion('1.5').withFallbackText(fallbackText);
}

/** The card's title. */
export const heading = (text: string): TextBlock =>
  new TextBlock(text, { size: 'Large', weight: 'Bolder', wrap: true, style: 'heading' });

/** A wrapped paragraph. */
export const paragraph = (text: string, id?: string): TextBlock =>
  new TextBlock(text, { wrap: true, ...(id === undefined ? {} : { id }) });

/** A section title inside a card. */
export const subheading = (text: string): TextBlock =>
  new TextBlock(text, { weight: 'Bolder', wrap: true, spacing: 'Medium' });

/** Quieter text: hints and the like. */
export const subtle = (text: string, id?: string): TextBlock =>
  new TextBlock(text, { wrap: true, isSubtle: true, size: 'Small', ...(id === undefined ? {} : { id }) });

/** Id of the line under an input that says who will see it. */
export const audienceId = (inputId: string): string => `${inputId}-audience`;
/** Id of the error line beside an input. */
export const errorId = (inputId: string): string => `${inputId}-error`;

/** The line under an input saying who will see what is entered (product rule: every field has one). */
export const audienceLine = (inputId: string, text: string): TextBlock =>
  new TextBlock(`Who sees this: ${text}`, { id: audienceId(inputId), wrap: true, isSubtle: true, size: 'Small', spacing: 'None' });

/** An error shown beside an input after the bot refused a value. */
export const errorLine = (inputId: string, message: string): TextBlock =>
  new TextBlock(message, { id: errorId(inputId), wrap: true, color: 'Attention', weight: 'Bolder', size: 'Small', spacing: 'Small' });

/** A bulleted list of already-escaped lines. */
export const bullets = (lines: readonly string[]): TextBlock => new TextBlock(lines.map((line) => `- ${line}`).join('\r'), { wrap: true });

/**
 * An Action.Execute. `inputs` says whether the card's inputs go with it: only actions that
 * submit a form take them (and have the client check required ones first).
 */
export function execute(title: string, verb: CardVerb, data: ISubmitActionData, inputs: 'auto' | 'none' = 'none'): ExecuteAction {
  return new ExecuteAction({ title, verb, data: { ...data }, associatedInputs: inputs });
}

/**
 * The refresh clause of a per-person card: Teams calls `verb` for each listed person when they
 * look at the card, and shows them the card the bot returns for them.
 */
export function refreshFor(verb: CardVerb, data: ISubmitActionData, readers: CardReaders): IRefreshDefinition {
  const userIds = [...new Set([readers.reader, ...readers.partners].map((person) => person.teamsUserId))];
  return { action: new ExecuteAction({ verb, data: { ...data } }), userIds };
}
