/**
 * Topic and tag normalisation. People type "GenAI  prompting", "genai-prompting" and
 * "GenAI_Prompting" for the same thing; matching compares keys, people see labels.
 */

/** Longest tag we accept, in characters after normalising. */
export const MAX_TAG_LENGTH = 60;

/**
 * The comparison key of a tag: Unicode-normalised, lower case, runs of spaces, hyphens and
 * underscores collapsed to one space, a leading `#` dropped. Keeps `c++` and `c#` distinct.
 */
export function tagKey(tag: string): string {
  return tag
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-\u2010-\u2015]+/gu, ' ')
    .trim()
    .replace(/^#+\s*/u, '');
}

/** Display form of a free tag: trimmed, inner whitespace collapsed, case kept. */
export function tagLabel(tag: string): string {
  return tag.normalize('NFKC').replace(/\s+/gu, ' ').trim().replace(/^#+\s*/u, '');
}

/**
 * Normalises a list of tags against a program's topic tracks: a tag equal (by key) to a track
 * takes the track's label, anything else stays a free tag; duplicates (by key) are dropped,
 * first occurrence wins. Empty tags are the caller's to reject before this.
 */
export function normaliseTags(tags: readonly string[], topicTracks: readonly string[]): string[] {
  const trackLabels = new Map(topicTracks.map((track) => [tagKey(track), tagLabel(track)]));
  const seen = new Set<string>();
  const result: string[] = [];
  for (const tag of tags) {
    const key = tagKey(tag);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    result.push(trackLabels.get(key) ?? tagLabel(tag));
  }
  return result;
}
