import { Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { OwnEnrolment, Role } from '../../../contracts/enrolments.ts';
import type { ProgramSummary } from '../../../contracts/programs.ts';
import { participantApi } from '../../api/programs-api.ts';
import { ActionError } from '../common/action-error.tsx';
import { fieldErrorsFor } from '../common/field-errors.ts';
import { joinTags, splitTags } from '../common/tags.ts';
import { useLoad } from '../common/use-load.ts';
import { PrefillSummary } from './prefill-summary.tsx';

const useStyles = makeStyles({
  form: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '40rem', marginBlock: tokens.spacingVerticalM },
  actions: { display: 'flex', gap: tokens.spacingHorizontalM },
});

const FIELDS = ['role', 'canTeach', 'wantsToLearn', 'goals', 'languages'] as const;

/** Props of {@link EnrolmentForm}. */
export interface EnrolmentFormProps {
  readonly program: ProgramSummary;
  /** The current enrolment to edit; absent to enrol. */
  readonly enrolment?: OwnEnrolment;
  readonly invitedAs?: Role;
  readonly onSaved: (enrolment: OwnEnrolment) => void;
  readonly onCancel: () => void;
}

/** Enrol in a program, or change one's answers; the directory part is prefilled and shown, not typed. */
export function EnrolmentForm({ program, enrolment, invitedAs, onSaved, onCancel }: EnrolmentFormProps) {
  const styles = useStyles();
  const call = useCaller();
  const prefill = useLoad((signal) => (enrolment ? Promise.resolve(enrolment.profile) : participantApi.prefill(call, program.id, signal)), `${program.id}:${enrolment ? 'own' : 'prefill'}`);
  const [role, setRole] = useState<Role>(enrolment?.role ?? invitedAs ?? 'mentor');
  const [canTeach, setCanTeach] = useState(joinTags(enrolment?.canTeach ?? []));
  const [wantsToLearn, setWantsToLearn] = useState(joinTags(enrolment?.wantsToLearn ?? []));
  const [goals, setGoals] = useState(joinTags(enrolment?.goals ?? []));
  const [languages, setLanguages] = useState(joinTags(enrolment?.languages ?? ['English']));
  const [error, setError] = useState<unknown>(undefined);
  const [saving, setSaving] = useState(false);
  const errors = fieldErrorsFor(error, FIELDS);
  const invalid = (name: string) => (errors[name] === undefined ? {} : { validationMessage: errors[name], validationState: 'error' as const });
  const tracks = `Topic tracks: ${program.topicTracks.join(', ')}. Separate entries with commas.`;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    const answers = { canTeach: splitTags(canTeach), wantsToLearn: splitTags(wantsToLearn), goals: splitTags(goals), languages: splitTags(languages) };
    try {
      onSaved(enrolment ? await participantApi.edit(call, program.id, answers) : await participantApi.enrol(call, program.id, { role, ...answers }));
    } catch (cause) {
      setError(cause);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label={enrolment ? `Edit your answers for ${program.name}` : `Enrol in ${program.name}`} data-testid="enrolment-form">
      <PrefillSummary state={prefill.state} onRetry={prefill.reload} />
      {error !== undefined && <ActionError error={error} what={enrolment ? 'save your answers' : 'enrol you'} />}
      <Field label="Your role" hint={enrolment ? 'To change role, leave and enrol again.' : undefined} {...invalid('role')}>
        <Select value={role} disabled={enrolment !== undefined} onChange={(_, d) => setRole(d.value as Role)}>
          <option value="mentor">Mentor: I teach a senior leader (for example new tools or culture)</option>
          <option value="mentee">Mentee: I am a senior leader who wants to learn</option>
        </Select>
      </Field>
      <Field label="I can teach" hint={tracks} required {...invalid('canTeach')}>
        <Input value={canTeach} onChange={(_, d) => setCanTeach(d.value)} />
      </Field>
      <Field label="I want to learn" hint={tracks} required {...invalid('wantsToLearn')}>
        <Input value={wantsToLearn} onChange={(_, d) => setWantsToLearn(d.value)} />
      </Field>
      <Field label="My goals" hint="Optional, separated by commas." {...invalid('goals')}>
        <Input value={goals} onChange={(_, d) => setGoals(d.value)} />
      </Field>
      <Field label="Languages for sessions" required {...invalid('languages')}>
        <Input value={languages} onChange={(_, d) => setLanguages(d.value)} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={saving}>
          {saving ? 'Saving…' : enrolment ? 'Save answers' : 'Enrol'}
        </Button>
        <Button onClick={onCancel} disabled={saving}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
