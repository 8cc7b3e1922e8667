import { describe, expect, it } from 'vitest';
import { userId } from '../../../src/core/ids.ts';
import { epochMs } from '../../../src/core/time.ts';
import { buildTeachIndex } from '../../../src/teams/message-extension/teach-index.ts';
import { teachSearch } from '../../../src/teams/message-extension/teach-search.ts';
import { OTHER_PROGRAM, PROGRAM, TENANT, enrolment, profiles } from './fixtures.ts';

const me = userId('me');
const people = profiles(
  enrolment('me', 'Me Myself', ['GenAI prompting']),
  enrolment('u-ana', 'Ana', ['GenAI prompting', 'TikTok']),
  enrolment('u-ben', 'Ben', ['Prompt engineering']),
  enrolment('u-cy', 'Cy', ['Reprompting tricks']),
  enrolment('u-dee', 'Dee', ['Excel']),
  enrolment('u-eve', 'Eve', ['genai_prompting'], { programId: OTHER_PROGRAM }),
  enrolment('u-fin', 'Fin', ['Prompt'], { left: { at: epochMs(1), reason: 'moved on' } }),
);

describe('the teach index', () => {
  const index = buildTeachIndex(people);

  it('finds people by a word prefix: "prompt" finds those who teach GenAI prompting', () => {
    const found = index.search({ text: 'prompt', programIds: [PROGRAM], exclude: me, limit: 10 });
    expect(found.map((m) => m.profile.displayName)).toEqual(['Ben', 'Ana', 'Cy']);
    expect(found[1]?.matchedTags).toEqual(['GenAI prompting']);
  });

  it('ranks a whole-tag match first and matches whatever the spelling', () => {
    const found = index.search({ text: 'GENAI-Prompting', programIds: [PROGRAM], exclude: me, limit: 10 });
    expect(found[0]?.profile.displayName).toBe('Ana');
    expect(found[0]?.score).toBeGreaterThan(found[1]?.score ?? 0);
  });

  it('needs every word of a multi-word query in one tag', () => {
    expect(index.search({ text: 'genai prom', programIds: [PROGRAM], exclude: me, limit: 10 }).map((m) => m.profile.displayName)).toEqual(['Ana']);
  });

  it('finds only people of the searcher\'s programs, never the searcher, never people who left', () => {
    const names = index.search({ text: 'prompt', programIds: [PROGRAM, OTHER_PROGRAM], exclude: me, limit: 10 }).map((m) => m.profile.displayName);
    expect(names).toContain('Eve');
    expect(names).not.toContain('Me Myself');
    expect(names).not.toContain('Fin');
    expect(index.programsOf(me)).toEqual([PROGRAM]);
    expect(index.programsOf(userId('u-fin'))).toEqual([]);
  });

  it('holds only public profiles: no exclusions, manager chain or leaving note in a result', () => {
    const json = JSON.stringify(index.search({ text: 'prompt', programIds: [PROGRAM], exclude: me, limit: 10 }));
    expect(json).not.toContain('private-exclusion-id');
    expect(json).not.toContain('boss-secret-chain');
    expect(json).not.toContain('doNotPairWith');
  });

  it('answers nothing for a blank query, and honours the limit', () => {
    expect(index.search({ text: '  ', programIds: [PROGRAM], exclude: me, limit: 10 })).toEqual([]);
    expect(index.search({ text: 'p', programIds: [PROGRAM], exclude: me, limit: 2 })).toHaveLength(2);
  });
});

describe('the per-tenant cache', () => {
  it('builds once within the TTL, rebuilds after it and after invalidate, and retries a failed build', async () => {
    let loads = 0;
    let fail = true;
    let now = 0;
    const search = teachSearch(
      {
        async listPublicProfiles() {
          loads++;
          if (fail) throw new Error('database down');
          return people;
        },
      },
      () => epochMs(now),
      1_000,
    );
    await expect(search.indexFor(TENANT)).rejects.toThrow('database down');
    fail = false;
    const [a, b] = await Promise.all([search.indexFor(TENANT), search.indexFor(TENANT)]);
    expect(a).toBe(b);
    expect(loads).toBe(2);
    now = 999;
    await search.indexFor(TENANT);
    expect(loads).toBe(2);
    now = 1_000;
    await search.indexFor(TENANT);
    expect(loads).toBe(3);
    search.invalidate(TENANT);
    await search.indexFor(TENANT);
    expect(loads).toBe(4);
  });
});
