/** The plain text and link of a Teams message a message action was run on. */

/** The message parts a message action carries (`messagePayload`). */
export interface MessagePayloadLike {
  readonly id?: string;
  readonly linkToMessage?: string;
  readonly body?: { readonly contentType?: string; readonly content?: string };
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Teams sends message bodies as HTML: keep the words and line breaks, drop the markup. */
export function plainTextOf(payload: MessagePayloadLike | undefined): string {
  const content = payload?.body?.content ?? '';
  const text =
    payload?.body?.contentType === 'text'
      ? content
      : content
          .replace(/<br\s*\/?>/gi, '\n')
          .replace(/<\/(p|div|li|h\d)>/gi, '\n')
          .replace(/<[^>]*>/g, '')
          .replace(/&(#\d+|#x[0-9a-f]+|\w+);/gi, (whole, name: string) => {
            if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
            if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
            return ENTITIES[name.toLowerCase()] ?? whole;
          });
  return text.replace(/\r\n?/g, '\n').replace(/[ \t]+\n/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
}

/** The message's link, only when it is an https URL (it is shown as a button). */
export function linkOf(payload: MessagePayloadLike | undefined): string | null {
  const link = payload?.linkToMessage;
  if (link === undefined) return null;
  try {
    return new URL(link).protocol === 'https:' ? link : null;
  } catch {
    return null;
  }
}
