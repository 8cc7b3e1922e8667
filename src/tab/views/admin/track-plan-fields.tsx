import { Field, makeStyles, Text, Textarea, tokens } from '@fluentui/react-components';
import { listedTracks, planFor, planKey, type PlanDraft, type ProgramDraft } from './program-draft.ts';

const useStyles = makeStyles({
  group: { display: 'grid', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(15rem, 1fr))', gap: tokens.spacingHorizontalL },
});

/** The API's field names for the plans that were sent, most specific first (see `fieldErrorsFor`). */
export const planErrorFields = (sent: readonly string[]): string[] =>
  sent.flatMap((_, index) => [`trackPlans.${index}.reflectionQuestions`, `trackPlans.${index}`]).concat('trackPlans');

/** Props of {@link TrackPlanFields}. */
export interface TrackPlanFieldsProps {
  readonly draft: ProgramDraft;
  /** Tracks whose plans went with the last save, in the order sent: errors name plans by position. */
  readonly sent: readonly string[];
  readonly errors: Readonly<Record<string, string>>;
  readonly onChange: (plans: ProgramDraft['plans']) => void;
}

/**
 * One session plan per listed topic track: the topic of each session, one per line, and the
 * track's own reflection questions. A track left empty shows its name as every session's topic.
 */
export function TrackPlanFields({ draft, sent, errors, onChange }: TrackPlanFieldsProps) {
  const styles = useStyles();
  const tracks = listedTracks(draft);
  if (tracks.length === 0) return null;
  const set = (track: string, change: Partial<PlanDraft>) =>
    onChange({ ...draft.plans, [planKey(track)]: { ...planFor(draft, track), ...change } });
  const errorOf = (name: string | undefined) =>
    name === undefined || errors[name] === undefined ? {} : { validationMessage: errors[name], validationState: 'error' as const };
  const sentAt = (track: string): number | undefined => {
    const index = sent.findIndex((s) => planKey(s) === planKey(track));
    return index < 0 ? undefined : index;
  };

  return (
    <fieldset className={styles.group} data-testid="track-plans">
      <legend>
        <Text weight="semibold">Session plans</Text>
      </legend>
      <Text size={200}>
        What each session of a track is about: session 1 on the first line, session 2 on the next. A longer series starts the plan again; a track
        with no plan shows its name on every agenda.
      </Text>
      {errors['trackPlans'] !== undefined && <Text role="alert">{errors['trackPlans']}</Text>}
      {tracks.map((track) => {
        const index = sentAt(track);
        const plan = planFor(draft, track);
        return (
          <div className={styles.row} key={planKey(track)}>
            <Field label={`Session topics: ${track}`} hint="One per line, in session order." {...errorOf(index === undefined ? undefined : `trackPlans.${index}`)}>
              <Textarea value={plan.topics} onChange={(_, d) => set(track, { topics: d.value })} resize="vertical" rows={4} />
            </Field>
            <Field
              label={`Reflection questions: ${track}`}
              hint="Optional, one per line; two or more replace Upward's own."
              {...errorOf(index === undefined ? undefined : `trackPlans.${index}.reflectionQuestions`)}
            >
              <Textarea value={plan.questions} onChange={(_, d) => set(track, { questions: d.value })} resize="vertical" rows={4} />
            </Field>
          </div>
        );
      })}
    </fieldset>
  );
}
