/** The reply to a chat message Upward did not understand: what it heard, and what it can do. */
import { typed } from './card-text.ts';

/** Longest piece of the person's message quoted back. */
const QUOTE_LIMIT = 80;

/**
 * A plain reply (Teams renders bot text as markdown, so the quote is escaped): it quotes the
 * message so the person sees what was read, and lists the commands.
 */
export function notUnderstoodText(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const quote = oneLine.length > QUOTE_LIMIT ? `${oneLine.slice(0, QUOTE_LIMIT - 1)}…` : oneLine;
  const heard = quote === '' ? 'I did not catch that.' : `Sorry, I did not understand “${typed(quote, QUOTE_LIMIT)}”.`;
  return `${heard} You can type **help**, **next**, **pause until 3 March**, **pause for 2 weeks** or **leave**.`;
}
