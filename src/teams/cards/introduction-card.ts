/**
 * The pair introduction, sent to each side when a program publishes its pairs: who the partner
 * is, why the matcher paired them, the booked series and what to prepare. Sent before a time is
 * found, it is updated in place once the series is booked (and again when it moves, or when it
 * is cancelled). Each person
 * sees the card from their side (refresh), so it always names the other and shows their own clock.
 */
import { Container, Fact, FactSet, OpenUrlAction, type AdaptiveCard, type IAdaptiveCard, type TextBlock } from '@microsoft/teams.cards';
import type { Cadence } from '../../core/scheduling/types.ts';
import type { PairId } from '../../core/sessions/session.ts';
import type { IanaZone } from '../../core/time.ts';
import type { LocalDate } from '../../core/time/local-date.ts';
import { formatClockTime } from '../../core/time/clock-time.ts';
import { zoneLabel } from '../../core/time/zones.ts';
import { localDateText, namesOf, plural, typed, weekdayName } from './card-text.ts';
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

/** A moment on one person's own calendar: their date, time of day and zone. */
export interface LocalMoment {
  readonly date: LocalDate;
  /** Minutes since the person's midnight. */
  readonly minuteOfDay: number;
  readonly zone: IanaZone;
}

/** The booked series as the reader sees it; `null` while no time has been found yet. */
export interface IntroductionSeries {
  readonly cadence: Cadence;
  readonly durationMinutes: number;
  /** Sessions on the calendar (cancelled ones not counted). */
  readonly sessionCount: number;
  /** The pair's first session, on the reader's calendar. */
  readonly first: LocalMoment;
  /** The series' regular time on the reader's calendar (the latest series, once the rest was moved). */
  readonly regular: LocalMoment;
  /** That same regular time on each partner's calendar, in `partners` order. */
  readonly partnersRegular: readonly LocalMoment[];
  /** When the rest of the series moved to `regular` part-way through the term: its first session there. */
  readonly movedFrom: LocalMoment | null;
  /** Teams join link of the sessions at the regular time, if already known. */
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
  /** The pair's series was cancelled (`series` is then `null`): no time, no join link any more. */
  readonly seriesCancelled?: boolean;
  /** What to prepare for the first session. */
  readonly prepare: readonly string[];
  /** Link to the personal tab. */
  readonly tabUrl: string;
}

/** How often, on which weekday: "Every Tuesday". */
const CADENCE_TEXT: Readonly<Record<Cadence, (weekday: string) => string>> = {
  weekly: (weekday) => `Every ${weekday}`,
  biweekly: (weekday) => `Every other ${weekday}`,
  monthly: (weekday) => `Once a month on a ${weekday}`,
};

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
  if (view.seriesCancelled === true) {
    body.push(paragraph('Your meetings were cancelled: there is no time and no join link any more, and the sessions still to come were taken out of both your calendars.', 'series'));
  } else if (view.series === null) {
    body.push(paragraph('I am still looking for a time that is free in both calendars. You will hear from me as soon as it is booked.', 'series'));
  } else {
    body.push(...seriesBlocks(view.series, view.partners));
  }
  if (view.prepare.length > 0 && view.seriesCancelled !== true) body.push(subheading('Before your first session'), bullets(view.prepare.map((p) => typed(p, 300))));

  const data: PairActionData = { pairId: view.pairId };
  const actions = [];
  if (view.series?.joinUrl) actions.push(new OpenUrlAction(view.series.joinUrl, { title: 'Join in Teams' }));
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

/**
 * When the pair meets: the regular time on the reader's own clock with each partner's beside it
 * (a pair can sit a day apart), the first date, how many sessions of how long, and from when a
 * moved series keeps its new time.
 */
function seriesBlocks(series: IntroductionSeries, partners: readonly IntroductionPartner[]): (TextBlock | FactSet)[] {
  const mine = series.regular;
  const theirs = partners.flatMap((partner, i) => {
    const at = series.partnersRegular[i];
    if (at === undefined) return [];
    const day = at.date === mine.date ? '' : `${weekdayName(at.date)} `;
    return [`${day}${formatClockTime(at.minuteOfDay)} for ${typed(partner.name, 120)} (${typed(zoneLabel(at.zone), 60)})`];
  });
  const when = `**${CADENCE_TEXT[series.cadence](weekdayName(mine.date))} at ${formatClockTime(mine.minuteOfDay)}** your time (${typed(zoneLabel(mine.zone), 60)})`;
  const facts = [
    new Fact('First session', localDateText(series.first.date)),
    new Fact('Sessions', `${plural(series.sessionCount, 'session')} of ${series.durationMinutes} minutes`),
  ];
  if (series.movedFrom !== null) facts.push(new Fact('At this time from', localDateText(series.movedFrom.date)));
  return [
    paragraph(theirs.length > 0 ? `${when}; ${theirs.join('; ')}.` : `${when}.`, 'series'),
    new FactSet(...facts),
    subtle(series.joinUrl === null ? 'The invitations are in both your calendars.' : 'The invitations are in both your calendars; "Join in Teams" below opens the meeting.'),
  ];
}
