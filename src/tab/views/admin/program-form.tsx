import { Button, Checkbox, Field, Input, makeStyles, Select, Textarea, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { Cadence, Organiser, ProgramView, SessionMinutes } from '../../../contracts/programs.ts';
import { adminApi } from '../../api/programs-api.ts';
import { ActionError } from '../common/action-error.tsx';
import { fieldErrorsFor } from '../common/field-errors.ts';
import { Section } from '../common/section.tsx';
import { draftOf, emptyDraft, inputOf, plannedTracks, PROGRAM_FIELDS, type ProgramDraft } from './program-draft.ts';
import { planErrorFields, TrackPlanFields } from './track-plan-fields.tsx';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem' },
  row: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(11rem, 1fr))', gap: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

/** Props of {@link ProgramForm}. */
export interface ProgramFormProps {
  /** The program to edit; absent to create one. */
  readonly program?: ProgramView;
  readonly onSaved: (program: ProgramView) => void;
  readonly onCancel: () => void;
}

/** Creates or edits a program; the server's field errors appear under the fields they name. */
export function ProgramForm({ program, onSaved, onCancel }: ProgramFormProps) {
  const styles = useStyles();
  const call = useCaller();
  const [draft, setDraft] = useState<ProgramDraft>(() => (program ? draftOf(program) : emptyDraft(new Date())));
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const [sentPlans, setSentPlans] = useState<readonly string[]>([]);
  const errors = fieldErrorsFor(error, [...PROGRAM_FIELDS, ...planErrorFields(sentPlans)]);
  const set = <K extends keyof ProgramDraft>(key: K, value: ProgramDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const invalid = (name: string) => (errors[name] === undefined ? {} : { validationMessage: errors[name], validationState: 'error' as const });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    try {
      const input = inputOf(draft);
      setSentPlans(plannedTracks(draft));
      onSaved(program ? await adminApi.edit(call, program.id, input) : await adminApi.create(call, input));
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section title={program ? `Edit ${program.name}` : 'New program'} testId="program-form">
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate>
        {error !== undefined && <ActionError error={error} what={program ? 'save the program' : 'create the program'} />}
        <Field label="Name" required {...invalid('name')}>
          <Input value={draft.name} onChange={(_, d) => set('name', d.value)} />
        </Field>
        <Field label="Objectives" hint="One per line: what the program should achieve." {...invalid('objectives')}>
          <Textarea value={draft.objectives} onChange={(_, d) => set('objectives', d.value)} resize="vertical" />
        </Field>
        <Field label="Topic tracks" hint="Separated by commas, e.g. GenAI tools, Social media." required {...invalid('topicTracks')}>
          <Input value={draft.topicTracks} onChange={(_, d) => set('topicTracks', d.value)} />
        </Field>
        <TrackPlanFields draft={draft} sent={sentPlans} errors={errors} onChange={(plans) => set('plans', plans)} />
        <div className={styles.row}>
          <Field label="Cadence" {...invalid('cadence')}>
            <Select value={draft.cadence} onChange={(_, d) => set('cadence', d.value as Cadence)}>
              <option value="weekly">Weekly</option>
              <option value="biweekly">Every two weeks</option>
              <option value="monthly">Monthly</option>
            </Select>
          </Field>
          <Field label="Session length" {...invalid('sessionMinutes')}>
            <Select value={String(draft.sessionMinutes)} onChange={(_, d) => set('sessionMinutes', Number(d.value) as SessionMinutes)}>
              <option value="30">30 minutes</option>
              <option value="45">45 minutes</option>
              <option value="60">60 minutes</option>
            </Select>
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="Term starts" required {...invalid('term.start')}>
            <Input type="date" value={draft.termStart} onChange={(_, d) => set('termStart', d.value)} />
          </Field>
          <Field label="Term ends" required {...invalid(errors['term.end'] === undefined ? 'term' : 'term.end')}>
            <Input type="date" value={draft.termEnd} onChange={(_, d) => set('termEnd', d.value)} />
          </Field>
        </div>
        <div className={styles.row}>
          <Field label="Who books the meetings" {...invalid('organiser')}>
            <Select value={draft.organiser} onChange={(_, d) => set('organiser', d.value as Organiser)}>
              <option value="mentee">The senior mentee</option>
              <option value="mentor">The junior mentor</option>
            </Select>
          </Field>
          <Field label="Partners per person" {...invalid('capacityPerPerson')}>
            <Input type="number" min={1} max={5} value={draft.capacityPerPerson} onChange={(_, d) => set('capacityPerPerson', d.value)} />
          </Field>
          <Field label="Minimum seniority gap (levels)" {...invalid('rules.minSeniorityGap')}>
            <Input type="number" min={1} max={20} value={draft.minSeniorityGap} onChange={(_, d) => set('minSeniorityGap', d.value)} />
          </Field>
        </div>
        <Field {...invalid('rules.allowTrios')}>
          <Checkbox checked={draft.allowTrios} onChange={(_, d) => set('allowTrios', d.checked === true)} label="Allow trios (an unmatched mentor may join a pair)" />
        </Field>
        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={saving}>
            {saving ? 'Saving…' : program ? 'Save changes' : 'Create program'}
          </Button>
          <Button onClick={onCancel} disabled={saving}>
            Cancel
          </Button>
        </div>
      </form>
    </Section>
  );
}
