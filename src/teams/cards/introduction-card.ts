/**
 * The pair introduction, sent to each side when a program publishes its pairs: who the partner
 * is, why the matcher paired them, the booked series and what to prepare. Each person sees the
 * card from their side (refresh), so it always names the other.
 */
import { Container, Fact, FactSet, OpenUrlAction, type AdaptiveCard, type IAdaptiveCard } from '@microsoft/teams.cards';
import type { Cadence } from '../../core/scheduling/types.ts';
import type { PairId } from '../../core/sessions/session.ts';
import type { EpochMs } from '../../core/time.ts';
import { cardDateTime, namesOf, plural, typed } from './card-text.ts';
import { CARD_VERBS, type PairActionData } from './card-verbs.ts';
import { bullets, card, execute, heading, paragraph, refreshFor, subheading, subtle, type CardPerson } from './card-parts.ts';

/** Reverse mentoring: the junior `mentor` teaches the senior `mentee`. */
export type PairRole = 'mentor' | 'mentee';

export interface IntroductionPartner extends CardPerson {
  readonly role: PairRole;
  readonly jobTitle: string | null;
  readonly department: string | null;
  readonly canTeach: readonly string[];
  readonly wantsToLearn: readonly string[];
}

/** The booked series; `null` while no time has been found yet. */
export interface IntroductionSeries {
  readonly cadence: Cadence;
  readonly durationMinutes: number;
  readonly sessionCount: number;
  readonly firstStart: EpochMs;
  /** Teams join link of the first session, if already known. */
  readonly joinUrl: string | null;
}

export interface IntroductionCardView {
  readonly pairId: PairId;
  readonly programName: string;
  readonly reader: CardPerson & { readonly role: PairRole };
  readonly partners: readonly IntroductionPartner[];
  /** The matcher's reasons for this pair, as it wrote them. */
  readonly reasons: readonly string[];
  readonly series: IntroductionSeries | null;
  /** What to prepare for the first session. */
  readonly prepare: readonly string[];
  /** Link to the personal tab. */
  readonly tabUrl: string;
}

const CADENCE_TEXT: Readonly<Record<Cadence, string>> = { weekly: 'Every week', biweekly: 'Every two weeks', monthly: 'Every month' };

/** The introduction card for `view.reader`. */
export function introductionCard(view: IntroductionCardView): AdaptiveCard {
  const names = namesOf(view.partners.map((p) => p.name));
  const program = typed(view.programName, 200);
  const role =
    view.reader.role === 'mentee'
      ? `In ${program}, ${names} will mentor you on what they know best — and you share your experience back.`
      : `In ${program}, you will mentor ${names} on what you know best — and learn from their experience in return.`;
  const body: IAdaptiveCard['body'] = [
    heading(`Meet ${view.partners.length > 1 ? 'your partners' : 'your partner'}: ${names}`),
    paragraph(role),
    ...view.partners.map(partnerFacts),
  ];
  if (view.reasons.length > 0) body.push(subheading('Why you were paired'), bullets(view.reasons.map((r) => typed(r, 300))));
  body.push(subheading('Your sessions'));
  if (view.series === null) {
    body.push(paragraph('I am still looking for a time that is free in both calendars. You will hear from me as soon as it is booked.'));
  } else {
    const s = view.series;
    body.push(
      paragraph(`${CADENCE_TEXT[s.cadence]}, ${s.durationMinutes} minutes, ${plural(s.sessionCount, 'session')}. First one: ${cardDateTime(s.firstStart)}.`),
      subtle('The invitations are in both your calendars; times show in your own time zone.'),
    );
  }
  if (view.prepare.length > 0) body.push(subheading('Before your first session'), bullets(view.prepare.map((p) => typed(p, 300))));

  const data: PairActionData = { pairId: view.pairId };
  const actions = [];
  if (view.series?.joinUrl) actions.push(new OpenUrlAction(view.series.joinUrl, { title: 'Join the first session' }));
  if (view.series !== null) actions.push(execute('Need a different time?', CARD_VERBS.seriesReschedule, data));
  actions.push(new OpenUrlAction(view.tabUrl, { title: 'Open My mentoring' }));
  return card(`Meet your partner: ${view.partners.map((p) => p.name).join(', ')}`, ...body)
    .withRefresh(refreshFor(CARD_VERBS.introductionRefresh, data, { reader: view.reader, partners: view.partners }))
    .withActions(...actions);
}

function partnerFacts(partner: IntroductionPartner): Container {
  const facts: Fact[] = [];
  const job = [partner.jobTitle, partner.department].filter((x): x is string => x !== null && x.trim() !== '');
  if (job.length > 0) facts.push(new Fact('Role', typed(job.join(', '), 200)));
  if (partner.canTeach.length > 0) facts.push(new Fact('Can teach', typed(partner.canTeach.join(', '), 400)));
  if (partner.wantsToLearn.length > 0) facts.push(new Fact('Wants to learn', typed(partner.wantsToLearn.join(', '), 400)));
  return new Container(
    paragraph(`**${typed(partner.name, 120)}** — ${partner.role === 'mentor' ? 'mentor' : 'mentee'}`),
    ...(facts.length > 0 ? [new FactSet(...facts)] : []),
  ).withStyle('emphasis');
}
