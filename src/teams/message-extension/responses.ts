/** Small builders for invoke response bodies, so every handler answers in the same shapes. */
import type { AdaptiveCard } from '@microsoft/teams.cards';
import type { MessagingExtensionActionResponse, MessagingExtensionAttachment, MessagingExtensionResponse } from '@microsoft/teams.api';
import { UpwardError } from '../../core/errors.ts';

/** A search answer that is a sentence, not results (empty query, nothing found, an error). */
export const searchMessage = (text: string): MessagingExtensionResponse => ({ composeExtension: { type: 'message', text } });

/** Search results as a list. */
export const searchResults = (attachments: MessagingExtensionAttachment[]): MessagingExtensionResponse => ({
  composeExtension: { type: 'result', attachmentLayout: 'list', attachments },
});

/** A dialog showing `card`. */
export const dialog = (title: string, card: AdaptiveCard): MessagingExtensionActionResponse => ({
  task: {
    type: 'continue',
    value: { title, width: 'medium', height: 'medium', card: { contentType: 'application/vnd.microsoft.card.adaptive', content: card } },
  },
});

/** A short popup message in place of a dialog. */
export const dialogMessage = (text: string): MessagingExtensionActionResponse => ({ task: { type: 'message', value: text } });

/** What a person reads for an error: the domain message for known codes, a generic line otherwise. */
export function sentenceFor(error: unknown): string {
  if (error instanceof UpwardError && error.code !== 'upstream') return error.message;
  return 'Something went wrong in Upward. Please try again in a moment.';
}
