import { Badge, Body1, Button, Card, CardHeader, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { MyProgram, OwnEnrolment } from '../../../contracts/enrolments.ts';
import { participantApi } from '../../api/programs-api.ts';
import { ActionError } from '../common/action-error.tsx';
import { formatDate, startOfDayIso } from '../common/format-date.ts';
import { EnrolmentForm } from './enrolment-form.tsx';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'end' },
  badge: { whiteSpace: 'nowrap' },
});

type Mode = 'view' | 'form' | 'pause' | 'confirm-leave';

/** One program the person may join or has joined, with what they can do in it. */
export function MyProgramCard({ item, onChanged }: { readonly item: MyProgram; readonly onChanged: () => void }) {
  const styles = useStyles();
  const call = useCaller();
  const [mode, setMode] = useState<Mode>('view');
  const [pauseUntil, setPauseUntil] = useState('');
  const [error, setError] = useState<{ what: string; cause: unknown } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const { program, enrolment, invitation } = item;
  const enrolled = enrolment !== null && enrolment.status !== 'left';

  const act = async (what: string, action: () => Promise<OwnEnrolment>) => {
    setBusy(true);
    setError(undefined);
    try {
      await action();
      setMode('view');
      onChanged();
    } catch (cause) {
      setError({ what, cause });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card data-testid="my-program" aria-label={program.name}>
      <CardHeader
        header={<Text weight="semibold">{program.name}</Text>}
        description={
          <Text size={200}>
            {program.cadence}, {program.sessionMinutes} min sessions · {formatDate(program.term.start)} – {formatDate(program.term.end)}
          </Text>
        }
        action={
          <Badge appearance="tint" className={styles.badge} data-testid="my-enrolment-status">
            {enrolment === null ? (invitation !== null ? 'Invited' : 'Not enrolled') : enrolment.status === 'active' ? `Enrolled as ${enrolment.role}` : enrolment.status === 'paused' ? 'Paused' : 'Left'}
          </Badge>
        }
      />
      {program.objectives.length > 0 && <Body1>{program.objectives.join(' ')}</Body1>}
      {enrolled && mode === 'view' && (
        <Body1>
          You teach {enrolment.canTeach.join(', ')}; you want to learn {enrolment.wantsToLearn.join(', ')}.
          {enrolment.pausedUntil !== null && enrolment.status === 'paused' && ` Paused until ${formatDate(enrolment.pausedUntil)}.`}
        </Body1>
      )}
      {error !== undefined && <ActionError error={error.cause} what={error.what} />}
      {mode === 'form' && (
        <EnrolmentForm
          program={program}
          {...(enrolled ? { enrolment } : {})}
          {...(invitation !== null ? { invitedAs: invitation.role } : {})}
          onCancel={() => setMode('view')}
          onSaved={() => {
            setMode('view');
            onChanged();
          }}
        />
      )}
      {mode === 'pause' && enrolled && (
        <div className={styles.actions}>
          <Field label="Pause until" hint="You will not be matched or sent invitations before this day.">
            <Input type="date" value={pauseUntil} onChange={(_, d) => setPauseUntil(d.value)} />
          </Field>
          <Button appearance="primary" disabled={busy || pauseUntil === ''} onClick={() => void act('pause', () => participantApi.pause(call, program.id, startOfDayIso(pauseUntil)))}>
            Pause
          </Button>
          <Button onClick={() => setMode('view')}>Cancel</Button>
        </div>
      )}
      {mode === 'confirm-leave' && enrolled && (
        <div className={styles.actions} role="group" aria-label="Leave the program">
          <Body1>Leaving is no-fault: your pairs end and partners are told neutrally. Leave {program.name}?</Body1>
          <Button appearance="primary" disabled={busy} onClick={() => void act('leave the program', () => participantApi.leave(call, program.id))}>
            Leave the program
          </Button>
          <Button onClick={() => setMode('view')}>Stay</Button>
        </div>
      )}
      {mode === 'view' && (
        <div className={styles.actions}>
          {!enrolled && program.state === 'enrolling' && (
            <Button appearance="primary" onClick={() => setMode('form')}>
              Enrol
            </Button>
          )}
          {!enrolled && program.state !== 'enrolling' && <Body1>Enrolment is not open.</Body1>}
          {enrolled && <Button onClick={() => setMode('form')}>Edit my answers</Button>}
          {enrolled && enrolment.status === 'active' && <Button onClick={() => setMode('pause')}>Pause</Button>}
          {enrolled && enrolment.status === 'paused' && (
            <Button disabled={busy} onClick={() => void act('resume', () => participantApi.resume(call, program.id))}>
              Resume
            </Button>
          )}
          {enrolled && <Button onClick={() => setMode('confirm-leave')}>Leave</Button>}
        </div>
      )}
    </Card>
  );
}
