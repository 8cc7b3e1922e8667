/**
 * An in-memory index of enrolled people by what they can teach. Built from public profiles only
 * (never `doNotPairWith`, never a leaving note), so nothing private can come out of a search.
 *
 * Why this shape: a cohort of 10,000 people has far fewer distinct tags than people, so a query
 * scores each distinct tag once (prefix and substring tests on its normalised words) and then
 * collects the people behind the tags that matched.
 */
import type { UserId } from '../../core/ids.ts';
import type { PublicProfile } from '../../core/programs/enrolment.ts';
import type { ProgramId } from '../../core/programs/program.ts';
import { tagKey, tagLabel } from '../../core/programs/topics.ts';

/** One person found, with the tags that matched (labels as they typed them), best first. */
export interface TeachMatch {
  readonly profile: PublicProfile;
  readonly score: number;
  readonly matchedTags: readonly string[];
}

export interface TeachQuery {
  /** What the person typed. */
  readonly text: string;
  /** Programs the searcher is enrolled in: only people of those programs are found. */
  readonly programIds: readonly ProgramId[];
  /** The searcher, who is never in their own results. */
  readonly exclude: UserId;
  readonly limit: number;
}

interface TagEntry {
  readonly key: string;
  readonly label: string;
  readonly words: readonly string[];
  /** Positions in `profiles` of the people who teach it. */
  readonly holders: number[];
}

export interface TeachIndex {
  /** People enrolled (and not left) in the index. */
  readonly size: number;
  /** Programs `userId` is enrolled in (and has not left). */
  programsOf(userId: UserId): readonly ProgramId[];
  search(query: TeachQuery): TeachMatch[];
}

// Scores of one query word against one tag: the whole tag, the start of a word, inside a word.
const EXACT = 100;
const WORD_EXACT = 70;
const WORD_PREFIX = 50;
const SUBSTRING = 20;

/** The words of a normalised key: split on anything that is not a letter, digit, `+` or `#`. */
const wordsOf = (key: string): string[] => key.split(/[^\p{L}\p{N}+#]+/u).filter((w) => w !== '');

/** Builds the index; people who left their program are not indexed. */
export function buildTeachIndex(profiles: readonly PublicProfile[]): TeachIndex {
  const kept = profiles.filter((p) => p.leftAt === null);
  const tags = new Map<string, TagEntry>();
  const programs = new Map<UserId, ProgramId[]>();
  kept.forEach((profile, position) => {
    const mine = programs.get(profile.userId);
    if (mine) mine.push(profile.programId);
    else programs.set(profile.userId, [profile.programId]);
    const seen = new Set<string>();
    for (const tag of profile.canTeach) {
      const key = tagKey(tag);
      if (key === '' || seen.has(key)) continue;
      seen.add(key);
      const entry = tags.get(key);
      if (entry) entry.holders.push(position);
      else tags.set(key, { key, label: tagLabel(tag), words: wordsOf(key), holders: [position] });
    }
  });
  const entries = [...tags.values()];

  return {
    size: kept.length,
    programsOf: (userId) => programs.get(userId) ?? [],
    search(query) {
      const key = tagKey(query.text);
      const words = wordsOf(key);
      if (words.length === 0 || query.limit <= 0) return [];
      const allowed = new Set<string>(query.programIds);
      const best = new Map<number, { score: number; tags: { label: string; score: number }[] }>();
      for (const entry of entries) {
        const score = scoreTag(entry, key, words);
        if (score === 0) continue;
        for (const position of entry.holders) {
          const found = best.get(position);
          if (found) {
            found.tags.push({ label: entry.label, score });
            // More matching tags rank a person a little higher, never above a better single match.
            found.score = Math.max(found.score, score) + 1;
          } else best.set(position, { score, tags: [{ label: entry.label, score }] });
        }
      }
      const results: TeachMatch[] = [];
      for (const [position, found] of best) {
        const profile = kept[position]!;
        if (profile.userId === query.exclude || !allowed.has(profile.programId)) continue;
        results.push({
          profile,
          score: found.score,
          matchedTags: found.tags.sort((a, b) => b.score - a.score || a.label.localeCompare(b.label)).map((t) => t.label),
        });
      }
      results.sort(
        (a, b) => b.score - a.score || a.profile.displayName.localeCompare(b.profile.displayName) || a.profile.userId.localeCompare(b.profile.userId),
      );
      return dedupeByPerson(results).slice(0, query.limit);
    },
  };
}

/**
 * How well a tag matches: the whole query equal to the tag, or every query word matching a word
 * of the tag (whole word, prefix, or inside), or the query inside the tag. 0 for no match.
 */
function scoreTag(entry: TagEntry, key: string, words: readonly string[]): number {
  if (entry.key === key) return EXACT;
  let total = 0;
  for (const word of words) {
    let bestWord = 0;
    for (const tagWord of entry.words) {
      const s = tagWord === word ? WORD_EXACT : tagWord.startsWith(word) ? WORD_PREFIX : tagWord.includes(word) ? SUBSTRING : 0;
      if (s > bestWord) bestWord = s;
    }
    if (bestWord === 0) return entry.key.includes(key) ? SUBSTRING : 0;
    total += bestWord;
  }
  return Math.round(total / words.length);
}

/** A person enrolled in two of the searcher's programs appears once, under their best match. */
function dedupeByPerson(results: readonly TeachMatch[]): TeachMatch[] {
  const seen = new Set<UserId>();
  return results.filter((r) => (seen.has(r.profile.userId) ? false : (seen.add(r.profile.userId), true)));
}
