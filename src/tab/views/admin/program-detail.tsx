import { Badge, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { ProgramState } from '../../../contracts/programs.ts';
import { adminApi } from '../../api/programs-api.ts';
import { ActionError } from '../common/action-error.tsx';
import { formatDate } from '../common/format-date.ts';
import { Section } from '../common/section.tsx';
import { useLoad } from '../common/use-load.ts';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';
import { EnrolmentTable } from './enrolment-table.tsx';
import { InvitationPanel } from './invitation-panel.tsx';
import { PairingList } from './pairing-list.tsx';
import { ProgramAdminsPanel } from './program-admins-panel.tsx';
import { ProgramHealthPanel } from './program-health-panel.tsx';
import { ProgramForm } from './program-form.tsx';
import { ProposalPanel } from './proposal-panel.tsx';
import { SchedulePanel } from './schedule-panel.tsx';
import { STATE_LABELS, transitionLabel } from './state-labels.ts';

const useStyles = makeStyles({
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** One program: its settings, life-cycle actions, enrolments, matching review, pairs and scheduling. */
export function ProgramDetail({ programId }: { readonly programId: string }) {
  const styles = useStyles();
  const call = useCaller();
  const program = useLoad((signal) => adminApi.get(call, programId, signal), programId);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const [changes, setChanges] = useState(0);

  if (program.state.status === 'loading') return <ViewLoading />;
  if (program.state.status === 'failed') return <LoadError error={program.state.error} what="the program" onRetry={program.reload} onSignIn={program.reload} />;
  const p = program.state.value;
  const changed = () => {
    program.reload();
    setChanges((c) => c + 1);
  };

  const move = async (to: ProgramState) => {
    setBusy(true);
    setError(undefined);
    try {
      program.set(await adminApi.transition(call, p.id, to));
      setChanges((c) => c + 1);
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  if (editing) {
    return (
      <ProgramForm
        program={p}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          program.set(saved);
          setEditing(false);
        }}
      />
    );
  }

  return (
    <>
      <Section
        title={p.name}
        testId="program-detail"
        actions={
          <Badge appearance="filled" data-testid="program-state">
            {STATE_LABELS[p.state]}
          </Badge>
        }
      >
        <dl className={styles.facts}>
          <dt>Term</dt>
          <dd>
            {formatDate(p.term.start)} – {formatDate(p.term.end)}
          </dd>
          <dt>Sessions</dt>
          <dd>
            {p.cadence}, {p.sessionMinutes} minutes, booked by the {p.organiser}
          </dd>
          <dt>Topic tracks</dt>
          <dd>{p.topicTracks.join(', ')}</dd>
          <dt>Session plans</dt>
          <dd data-testid="track-plan-summary">
            {(p.trackPlans ?? []).length === 0
              ? 'None: agendas show the track name'
              : (p.trackPlans ?? []).map((plan) => `${plan.track} (${plan.sessionTopics.length} sessions)`).join(', ')}
          </dd>
          <dt>Rules</dt>
          <dd>
            {p.capacityPerPerson} partner(s) per person; mentee at least {p.rules.minSeniorityGap} level(s) above the mentor; trios{' '}
            {p.rules.allowTrios ? 'allowed' : 'not allowed'}
          </dd>
          <dt>Cycle</dt>
          <dd>{p.rotationCycle}</dd>
        </dl>
        <div className={styles.actions}>
          {p.state !== 'closed' && (
            <Button onClick={() => setEditing(true)} disabled={busy}>
              Edit settings
            </Button>
          )}
          {p.nextStates
            .filter((to) => to !== 'active')
            .map((to) => (
              <Button key={to} appearance={to === 'closed' || to === 'draft' ? 'secondary' : 'primary'} onClick={() => void move(to)} disabled={busy}>
                {transitionLabel(p.state, to)}
              </Button>
            ))}
        </div>
        {error !== undefined && <ActionError error={error} what="change the program's state" />}
      </Section>
      <ProgramAdminsPanel programId={p.id} />
      <EnrolmentTable programId={p.id} refreshKey={changes} />
      {p.state !== 'closed' && <InvitationPanel programId={p.id} refreshKey={changes} />}
      {(p.state === 'matching' || p.state === 'active') && <ProposalPanel program={p} onPublished={changed} />}
      {p.state === 'active' && <PairingList programId={p.id} refreshKey={changes} />}
      {p.state === 'active' && <SchedulePanel programId={p.id} />}
      {(p.state === 'active' || p.state === 'closed') && <ProgramHealthPanel programId={p.id} refreshKey={changes} />}
    </>
  );
}
