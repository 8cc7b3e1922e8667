/**
 * The feedback card after a session: the form (each question says who will see the answer), the
 * same form again with the person's values and an error beside each bad answer, and a thank-you
 * view with the pair's progress. The reader's own card only: it is sent to them alone.
 */
import { ChoiceSetInput, FactSet, TextInput, ToggleInput, type AdaptiveCard, type IAdaptiveCard } from '@microsoft/teams.cards';
import type { FieldError } from '../../core/errors.ts';
import { feedbackKey, type FeedbackField, type FeedbackSubmission, type FeedbackTextField } from '../../core/feedback/feedback.ts';
import { MAX_FEEDBACK_TEXT, type FeedbackFormValues } from '../../core/feedback/schema.ts';
import type { PairProgress } from '../../core/sessions/progress.ts';
import type { PairId, SessionId } from '../../core/sessions/session.ts';
import type { EpochMs } from '../../core/time.ts';
import { cardDateTime, namesOf, plural, typed } from './card-text.ts';
import { CARD_VERBS, type FeedbackActionData } from './card-verbs.ts';
import { audienceLine, card, errorLine, execute, heading, paragraph, refreshFor, subheading, subtle, type CardReaders } from './card-parts.ts';
import { feedbackAudienceText } from './feedback-audience.ts';

/** The session the feedback is about. */
export interface FeedbackSessionView {
  readonly sessionId: SessionId;
  readonly pairId: PairId;
  /** 1-based. */
  readonly index: number;
  readonly count: number;
  readonly start: EpochMs;
}

export type FeedbackCardView =
  | {
      readonly kind: 'form';
      readonly readers: CardReaders;
      readonly session: FeedbackSessionView;
      /** What to fill in: the person's previous answers (edit) or what they just typed (errors). */
      readonly values?: FeedbackFormValues;
      /** Errors from `validateFeedback`, each shown beside its field. */
      readonly errors?: readonly FieldError[];
      /** Feedback is accepted until then. */
      readonly closesAt: EpochMs;
      /**
       * True while the session has not ended yet (a program admin sent the card ahead of time):
       * the card then says when the session is and to answer once the pair has met.
       */
      readonly upcoming?: boolean;
    }
  | {
      readonly kind: 'thanks';
      readonly readers: CardReaders;
      readonly session: FeedbackSessionView;
      readonly feedback: FeedbackSubmission;
      readonly progress: PairProgress;
      /** When the answers can no longer be changed; `null` once that has passed. */
      readonly editableUntil: EpochMs | null;
    };

const HAPPENED_CHOICES = [
  { value: 'held', title: 'Yes, we met' },
  { value: 'no-show', title: "No, my partner didn't come" },
  { value: 'rescheduled', title: 'We moved it to another time' },
] as const;

const RATING_CHOICES = [
  { value: '1', title: '1 – not useful' },
  { value: '2', title: '2' },
  { value: '3', title: '3' },
  { value: '4', title: '4' },
  { value: '5', title: '5 – very useful' },
] as const;

const TEXT_QUESTIONS: readonly { field: FeedbackTextField; label: string; placeholder: string }[] = [
  { field: 'learned', label: 'What I learned', placeholder: 'One idea, tool or way of seeing things that was new to you' },
  { field: 'taught', label: 'What I taught', placeholder: 'What you shared that seemed new to your partner' },
  { field: 'action', label: "One action I'll take", placeholder: 'Something small you will try before you meet again' },
  { field: 'privateNote', label: 'Private note', placeholder: 'Anything you want to remember, just for you' },
];

/** The feedback card in the view `view.kind` asks for. */
export function feedbackCard(view: FeedbackCardView): AdaptiveCard {
  return view.kind === 'form' ? formCard(view) : thanksCard(view);
}

function actionData(view: { readers: CardReaders; session: FeedbackSessionView }): FeedbackActionData {
  const { sessionId, pairId } = view.session;
  return { sessionId, pairId, submissionId: feedbackKey(sessionId, view.readers.reader.userId) };
}

function formCard(view: Extract<FeedbackCardView, { kind: 'form' }>): AdaptiveCard {
  const { session, readers } = view;
  const partners = namesOf(readers.partners.map((p) => p.name));
  const values = view.values ?? {};
  const errors = new Map((view.errors ?? []).map((error) => [error.field, error.message]));
  const body: IAdaptiveCard['body'] = [
    heading(`How did session ${session.index} of ${session.count} go?`),
    view.upcoming === true
      ? paragraph(`With ${partners}, ${cardDateTime(session.start)}: answer once you have met. Two minutes; each question says who will see your answer.`)
      : paragraph(`With ${partners}, ${cardDateTime(session.start)}. Two minutes; each question says who will see your answer.`),
  ];
  if (errors.size > 0) body.push(errorLine('form', `Please check ${plural(errors.size, 'answer')} marked below.`));

  const field = (id: FeedbackField, input: IAdaptiveCard['body'][number]): void => {
    body.push(input);
    const error = errors.get(id);
    if (error !== undefined) body.push(errorLine(id, typed(error)));
    body.push(audienceLine(id, feedbackAudienceText(id, partners)));
  };

  field(
    'happened',
    new ChoiceSetInput(...HAPPENED_CHOICES.map((c) => ({ ...c })))
      .withId('happened')
      .withLabel('Did the session happen?')
      .withStyle('expanded')
      .withIsRequired(true)
      .withErrorMessage('Choose one answer.')
      .withOptions(choiceValue(values.happened, HAPPENED_CHOICES)),
  );
  field(
    'rating',
    new ChoiceSetInput(...RATING_CHOICES.map((c) => ({ ...c })))
      .withId('rating')
      .withLabel('How useful was it for you? (1–5, if you met)')
      .withStyle('expanded')
      .withOptions(choiceValue(values.rating, RATING_CHOICES)),
  );
  for (const question of TEXT_QUESTIONS) {
    const input = new TextInput({
      id: question.field,
      label: question.label,
      isMultiline: true,
      maxLength: MAX_FEEDBACK_TEXT,
      placeholder: question.placeholder,
    });
    // Values go back as typed: an input value is plain text, not markdown.
    const value = values[question.field];
    if (value !== undefined && value !== '') input.withValue(value);
    field(question.field, input);
  }
  field(
    'shareWithPartner',
    new ToggleInput('Share what I learned and taught with my partner', {
      id: 'shareWithPartner',
      value: values.shareWithPartner === true ? 'true' : 'false',
      valueOn: 'true',
      valueOff: 'false',
      wrap: true,
    }),
  );
  body.push(subtle(`Open until ${cardDateTime(view.closesAt)}; you can change your answers until then.`));

  const data = actionData(view);
  return card(`How did session ${session.index} of ${session.count} go? Two minutes of feedback.`, ...body)
    .withRefresh(refreshFor(CARD_VERBS.feedbackRefresh, data, readers))
    .withActions(execute('Send feedback', CARD_VERBS.feedbackSubmit, data, 'auto'));
}

/** `{ value }` when `typed` is one of the choices, else nothing: a card cannot preselect a value it does not offer. */
function choiceValue(typedValue: string | undefined, choices: readonly { value: string }[]): { value?: string } {
  const value = typedValue?.trim();
  return value !== undefined && choices.some((c) => c.value === value) ? { value } : {};
}

function thanksCard(view: Extract<FeedbackCardView, { kind: 'thanks' }>): AdaptiveCard {
  const { session, readers, feedback, progress } = view;
  const partners = namesOf(readers.partners.map((p) => p.name));
  const happened = HAPPENED_CHOICES.find((c) => c.value === feedback.happened)?.title ?? feedback.happened;
  const facts = [
    { title: 'Did it happen', value: typed(happened) },
    ...(feedback.rating === null ? [] : [{ title: 'Rating', value: `${feedback.rating} of 5` }]),
    ...TEXT_QUESTIONS.filter((q) => feedback[q.field] !== '').map((q) => ({ title: q.label, value: typed(feedback[q.field]) })),
    { title: `Shared with ${partners}`, value: feedback.shareWithPartner ? 'What I learned and taught' : 'Nothing' },
  ];
  const body: IAdaptiveCard['body'] = [
    heading(`Thank you, ${typed(readers.reader.name, 120)}!`),
    paragraph(`Your feedback on session ${session.index} of ${session.count} is saved.`),
    paragraph(`**${progress.held} of ${plural(progress.total, 'session')} held** so far.`, 'progress'),
    subheading('Your answers'),
    new FactSet(...facts),
    subtle(
      feedback.shareWithPartner
        ? `Only you see this summary. ${partners} can read your "learned" and "taught" answers; nothing else.`
        : 'Only you see this summary and your answers.',
    ),
  ];
  const data = actionData(view);
  const result = card(`Thank you! ${progress.held} of ${plural(progress.total, 'session')} held.`, ...body).withRefresh(
    refreshFor(CARD_VERBS.feedbackRefresh, data, readers),
  );
  if (view.editableUntil === null) {
    result.body.push(subtle('Feedback on this session is closed.'));
    return result;
  }
  result.body.push(subtle(`You can change your answers until ${cardDateTime(view.editableUntil)}.`));
  return result.withActions(execute('Change my answers', CARD_VERBS.feedbackEdit, data));
}
