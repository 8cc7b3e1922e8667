/**
 * A search result: the person's public profile as an Adaptive Card (what is inserted into the
 * conversation) with a thumbnail preview (what the result list shows). Built only from
 * `PublicProfile` fields, and every typed value is escaped.
 */
import { FactSet, type AdaptiveCard } from '@microsoft/teams.cards';
import type { MessagingExtensionAttachment } from '@microsoft/teams.api';
import { card, heading, paragraph, subtle } from '../cards/card-parts.ts';
import { typed } from '../cards/card-text.ts';
import type { TeachMatch } from './teach-index.ts';

const ROLE_TEXT = { mentor: 'Mentor (teaches)', mentee: 'Mentee (learns)' } as const;

/** The card inserted when a person is picked from the results. */
export function personCard(match: TeachMatch): AdaptiveCard {
  const { profile } = match;
  const role = [profile.jobTitle, profile.department].filter((s) => s.trim() !== '').map((s) => typed(s, 120)).join(', ');
  return card(
    `${profile.displayName} can teach ${match.matchedTags.join(', ')}`,
    heading(typed(profile.displayName, 120)),
    ...(role === '' ? [] : [subtle(role)]),
    new FactSet(
      { title: 'Can teach', value: profile.canTeach.map((t) => typed(t, 80)).join(', ') },
      ...(profile.wantsToLearn.length === 0 ? [] : [{ title: 'Wants to learn', value: profile.wantsToLearn.map((t) => typed(t, 80)).join(', ') }]),
      ...(profile.languages.length === 0 ? [] : [{ title: 'Languages', value: profile.languages.map((t) => typed(t, 40)).join(', ') }]),
      { title: 'In the program as', value: ROLE_TEXT[profile.role] },
    ),
    paragraph(`Matches: ${match.matchedTags.map((t) => typed(t, 80)).join(', ')}`),
  );
}

/** One result of the search: the card and its preview in the result list. */
export function personResult(match: TeachMatch): MessagingExtensionAttachment {
  const { profile } = match;
  return {
    contentType: 'application/vnd.microsoft.card.adaptive',
    content: personCard(match),
    preview: {
      // A thumbnail card's text is shown as plain text in the list: no escaping needed, but kept short.
      contentType: 'application/vnd.microsoft.card.thumbnail',
      content: {
        title: profile.displayName,
        subtitle: [profile.jobTitle, profile.department].filter((s) => s.trim() !== '').join(' · '),
        text: `Can teach: ${match.matchedTags.join(', ')}`,
      },
    },
  };
}
