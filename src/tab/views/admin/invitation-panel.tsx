import { Badge, Button, Field, Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { InvitationStatus } from '../../../contracts/invitations.ts';
import { invitationsApi } from '../../api/invitations-api.ts';
import type { Role } from '../../../contracts/enrolments.ts';
import { ActionError } from '../common/action-error.tsx';
import { fieldErrorsFor } from '../common/field-errors.ts';
import { formatDate } from '../common/format-date.ts';
import { Section } from '../common/section.tsx';
import { useLoad } from '../common/use-load.ts';
import { EmptyState } from '../empty-state.tsx';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'start' },
  submit: { marginBlockStart: '26px' },
});

const FIELDS = ['user', 'role'] as const;
const STATUS_LABELS: Record<InvitationStatus, string> = { pending: 'Waiting', accepted: 'Enrolled', declined: 'Declined' };
const ROLE_LABELS: Record<Role, string> = { mentor: 'Mentor (junior)', mentee: 'Mentee (senior)' };

/**
 * Invite a person by user principal name with a role, and follow the invitations. An invitation
 * only suggests: the person enrols themself (their consent), which marks it accepted.
 */
export function InvitationPanel({ programId, refreshKey }: { readonly programId: string; readonly refreshKey: number }) {
  const styles = useStyles();
  const call = useCaller();
  const list = useLoad((signal) => invitationsApi.list(call, programId, signal), `${programId}:${refreshKey}`);
  const [user, setUser] = useState('');
  const [role, setRole] = useState<Role>('mentor');
  const [error, setError] = useState<unknown>(undefined);
  const [sending, setSending] = useState(false);
  const errors = fieldErrorsFor(error, FIELDS);
  const invalid = (name: string) => (errors[name] === undefined ? {} : { validationMessage: errors[name], validationState: 'error' as const });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSending(true);
    setError(undefined);
    try {
      await invitationsApi.invite(call, programId, user, role);
      setUser('');
      list.reload();
    } catch (cause) {
      setError(cause);
    } finally {
      setSending(false);
    }
  };

  return (
    <Section title="Invitations" testId="invitations">
      <form className={styles.form} onSubmit={(e) => void submit(e)} noValidate aria-label="Invite a person">
        <Field label="Person (user principal name)" hint="e.g. alex.wu@contoso.com. They still choose whether to enrol." required {...invalid('user')}>
          <Input value={user} onChange={(_, d) => setUser(d.value)} autoComplete="off" />
        </Field>
        <Field label="Role" {...invalid('role')}>
          <Select value={role} onChange={(_, d) => setRole(d.value as Role)}>
            <option value="mentor">{ROLE_LABELS.mentor}</option>
            <option value="mentee">{ROLE_LABELS.mentee}</option>
          </Select>
        </Field>
        <Button className={styles.submit} type="submit" appearance="primary" disabled={sending}>
          Invite
        </Button>
      </form>
      {error !== undefined && <ActionError error={error} what="send the invitation" />}
      {list.state.status === 'loading' && <ViewLoading />}
      {list.state.status === 'failed' && <LoadError error={list.state.error} what="the invitations" onRetry={list.reload} onSignIn={list.reload} />}
      {list.state.status === 'loaded' &&
        (list.state.value.length === 0 ? (
          <EmptyState title="No invitations yet">Invite people you would like to take part; they enrol themselves.</EmptyState>
        ) : (
          <Table aria-label="Invitations" data-testid="invitation-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>Person</TableHeaderCell>
                <TableHeaderCell>Role</TableHeaderCell>
                <TableHeaderCell>State</TableHeaderCell>
                <TableHeaderCell>Invited</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {list.state.value.map((inv) => (
                <TableRow key={inv.userId}>
                  <TableCell>{inv.displayName}</TableCell>
                  <TableCell>{ROLE_LABELS[inv.role]}</TableCell>
                  <TableCell>
                    <Badge appearance="outline">{STATUS_LABELS[inv.status]}</Badge>
                  </TableCell>
                  <TableCell>{formatDate(inv.invitedAt)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        ))}
    </Section>
  );
}
