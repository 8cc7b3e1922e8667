/** "leave": a confirm step that says plainly what leaving changes, then the goodbye. */
import type { AdaptiveCard } from '@microsoft/teams.cards';
import { namesOf, typed } from './card-text.ts';
import { CARD_VERBS, type LeaveConfirmData } from './card-verbs.ts';
import { bullets, card, execute, heading, paragraph, type CardPerson } from './card-parts.ts';

export type LeaveCardView =
  | {
      readonly kind: 'confirm';
      readonly programId: string;
      readonly programName: string;
      readonly partners: readonly CardPerson[];
      readonly submissionId: string;
    }
  | { readonly kind: 'done'; readonly programName: string }
  | { readonly kind: 'cancelled' };

/** The leave card in the step `view.kind` asks for. */
export function leaveCard(view: LeaveCardView): AdaptiveCard {
  if (view.kind === 'cancelled') return card('You are staying.', paragraph('Good to have you. Nothing has changed.'));
  const program = typed(view.programName, 200);
  if (view.kind === 'done') {
    return card(
      `You have left ${view.programName}.`,
      heading(`You have left ${program}`),
      paragraph('Thank you for taking part. Your feedback stays private, and you are welcome to join a later program.'),
    );
  }
  const partners = namesOf(view.partners.map((p) => p.name));
  const data: LeaveConfirmData = { programId: view.programId, submissionId: view.submissionId };
  const effects = [
    ...(view.partners.length > 0
      ? [
          `Your upcoming sessions with ${partners} are cancelled in both calendars.`,
          `${partners} ${view.partners.length > 1 ? 'are' : 'is'} told the pairing has ended, not why, and can be paired again.`,
        ]
      : []),
    'Your feedback stays private, as it always was.',
    'You can join a later program whenever you like.',
  ];
  const confirm = execute('Yes, leave', CARD_VERBS.leaveConfirm, data);
  confirm.withStyle('destructive');
  return card(
    `Leave ${view.programName}?`,
    heading(`Leave ${program}?`),
    paragraph('Leaving is no-fault: you do not need to give a reason, and nobody will ask for one.'),
    bullets(effects),
  ).withActions(confirm, execute('Stay', CARD_VERBS.leaveCancel, {}));
}
