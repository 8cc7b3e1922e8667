/** A comma-separated text field as a list of tags (blank entries dropped). */
export const splitTags = (text: string): string[] =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter((tag) => tag !== '');

/** A list of tags as the text a person edits. */
export const joinTags = (tags: readonly string[]): string => tags.join(', ');
