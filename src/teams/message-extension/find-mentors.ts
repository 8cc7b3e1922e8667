/** `findMentors`: people enrolled in the searcher's programs who can teach what was typed. */
import type { MessagingExtensionResponse } from '@microsoft/teams.api';
import type { MessagingExtensionQuery } from '@microsoft/teams.api';
import { typed } from '../cards/card-text.ts';
import type { Caller } from './invoke-context.ts';
import { MAX_RESULTS, QUERY_PARAMETER } from './commands.ts';
import { personResult } from './person-result.ts';
import { searchMessage, searchResults } from './responses.ts';
import type { TeachSearch } from './teach-search.ts';

/** Longest query worth searching for; a tag is at most 60 characters. */
const MAX_QUERY = 100;

/** The typed query text, '' when none (including Teams' `initialRun` open of the search box). */
export function queryText(query: MessagingExtensionQuery): string {
  const parameter = query.parameters?.find((p) => p.name === QUERY_PARAMETER);
  const value: unknown = parameter?.value;
  return typeof value === 'string' ? value.trim() : '';
}

export async function findMentors(query: MessagingExtensionQuery, caller: Caller, search: TeachSearch): Promise<MessagingExtensionResponse> {
  const text = queryText(query);
  if (text === '') return searchMessage('Type a topic you want to learn about, for example "prompt" or "TikTok".');
  if (text.length > MAX_QUERY) return searchMessage(`That is a long search: type at most ${MAX_QUERY} characters, for example "prompt".`);
  const index = await search.indexFor(caller.tenant);
  const programIds = index.programsOf(caller.person);
  if (programIds.length === 0) return searchMessage('You are not enrolled in a mentoring program yet, so there is nobody to search. Enrol in Upward first.');
  const skip = Math.max(0, query.queryOptions?.skip ?? 0);
  const count = Math.min(MAX_RESULTS, Math.max(1, query.queryOptions?.count ?? MAX_RESULTS));
  const matches = index.search({ text, programIds, exclude: caller.person, limit: skip + count }).slice(skip);
  if (matches.length === 0) return searchMessage(`Nobody in your program teaches "${typed(text, MAX_QUERY)}" yet. Try a shorter word.`);
  return searchResults(matches.map(personResult));
}
