/**
 * The "who sees this" line of each feedback question, written from the same table `visibleTo`
 * enforces (core/feedback/audience.ts), so the card cannot promise what the code does not do.
 */
import { FEEDBACK_AUDIENCE, type FieldAudience } from '../../core/feedback/audience.ts';
import { MIN_AGGREGATE_GROUP } from '../../core/feedback/aggregate.ts';
import type { FeedbackField } from '../../core/feedback/feedback.ts';

/** The sentence for one question; `partners` are already-escaped names ("Martin"). */
export function feedbackAudienceText(field: FeedbackField, partners: string): string {
  if (field === 'shareWithPartner') {
    return `only you. Off: your answers stay yours. On: ${partners} can read your "learned" and "taught" answers — nothing else.`;
  }
  return sentence(FEEDBACK_AUDIENCE[field], partners);
}

function sentence(audience: FieldAudience, partners: string): string {
  const who = audience.partner === 'if-shared' ? `only you — and ${partners} if you turn on sharing below` : 'only you';
  const team =
    audience.programTeam === 'average-5plus'
      ? `. The program team sees only the average rating of groups of ${MIN_AGGREGATE_GROUP} or more people, never yours`
      : audience.programTeam === 'count'
        ? '. The program team and managers see only how many sessions took place, never your answer'
        : '';
  const partnerNever = audience.partner === 'never' ? `. Never ${partners}` : '';
  return `${who}${partnerNever}${team}.`;
}
