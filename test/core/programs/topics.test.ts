import { describe, expect, it } from 'vitest';
import { normaliseTags, tagKey } from '../../../src/core/programs/topics.ts';

describe('tags', () => {
  it.each([
    ['GenAI  Prompting', 'genai prompting'],
    ['genai-prompting', 'genai prompting'],
    ['GenAI_Prompting', 'genai prompting'],
    ['#TikTok', 'tiktok'],
    ['Ｃ＋＋', 'c++'],
    ['C#', 'c#'],
  ])('%s has key %s', (tag, key) => {
    expect(tagKey(tag)).toBe(key);
  });

  it('uses the program spelling for tracks and drops duplicates', () => {
    expect(normaliseTags(['gen z at work', 'Gen-Z at work', ' podcasts '], ['Gen Z at work'])).toEqual(['Gen Z at work', 'podcasts']);
  });
});
