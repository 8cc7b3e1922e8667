import { Badge, Body1, Button, Field, Input, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { ProgramAdminList } from '../../../contracts/program-admins.ts';
import { programAdminsApi } from '../../api/program-admins-api.ts';
import { ActionError } from '../common/action-error.tsx';
import { fieldErrorsFor } from '../common/field-errors.ts';
import { formatDate } from '../common/format-date.ts';
import { Section } from '../common/section.tsx';
import { useLoad } from '../common/use-load.ts';
import { VisuallyHidden } from '../common/visually-hidden.tsx';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';

const useStyles = makeStyles({
  form: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'start' },
  submit: { marginBlockStart: '26px' },
});

/**
 * Who runs this program. The owner adds co-admins by user principal name and removes them; a
 * co-admin sees the list; an unclaimed program (set up before Upward recorded owners) offers to
 * claim it. The server decides every one of these; the view only leaves out what would be refused.
 */
export function ProgramAdminsPanel({ programId }: { readonly programId: string }) {
  const styles = useStyles();
  const call = useCaller();
  const list = useLoad((signal) => programAdminsApi.list(call, programId, signal), programId);
  const [user, setUser] = useState('');
  const [error, setError] = useState<{ what: string; cause: unknown } | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const fieldError = error?.what === 'add the admin' ? fieldErrorsFor(error.cause, ['user'])['user'] : undefined;

  const act = async (what: string, action: () => Promise<ProgramAdminList>, after?: () => void) => {
    setBusy(true);
    setError(undefined);
    try {
      list.set(await action());
      after?.();
    } catch (cause) {
      setError({ what, cause });
    } finally {
      setBusy(false);
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void act('add the admin', () => programAdminsApi.add(call, programId, user), () => setUser(''));
  };

  if (list.state.status === 'loading') return <ViewLoading />;
  if (list.state.status === 'failed') return <LoadError error={list.state.error} what="the program's admins" onRetry={list.reload} onSignIn={list.reload} />;
  const { myAccess, admins } = list.state.value;

  return (
    <Section title="Program admins" testId="program-admins">
      {myAccess === 'unclaimed' ? (
        <>
          <Body1>
            Nobody owns this program yet: it was set up before Upward recorded who runs each program, so every program admin can open it. Claim it to become its owner; other admins
            then no longer see it unless you add them.
          </Body1>
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void act('claim the program', () => programAdminsApi.claim(call, programId))}>
              Claim this program
            </Button>
          </div>
        </>
      ) : (
        <Table aria-label="Program admins" data-testid="program-admin-table">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Person</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Since</TableHeaderCell>
              {myAccess === 'owner' && (
                <TableHeaderCell>
                  <VisuallyHidden>Remove</VisuallyHidden>
                </TableHeaderCell>
              )}
            </TableRow>
          </TableHeader>
          <TableBody>
            {admins.map((admin) => {
              const name = admin.displayName ?? admin.userId;
              return (
                <TableRow key={admin.userId}>
                  <TableCell>{name}</TableCell>
                  <TableCell>
                    <Badge appearance="outline">{admin.role === 'owner' ? 'Owner' : 'Co-admin'}</Badge>
                  </TableCell>
                  <TableCell>{formatDate(admin.addedAt)}</TableCell>
                  {myAccess === 'owner' && (
                    <TableCell>
                      {admin.role === 'co-admin' && (
                        <Button disabled={busy} aria-label={`Remove ${name}`} onClick={() => void act('remove the admin', () => programAdminsApi.remove(call, programId, admin.userId))}>
                          Remove
                        </Button>
                      )}
                    </TableCell>
                  )}
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {myAccess === 'owner' && (
        <form className={styles.form} onSubmit={add} noValidate aria-label="Add a co-admin">
          <Field
            label="Co-admin (user principal name)"
            hint="They run this program with you and need the Upward program admin role."
            required
            {...(fieldError === undefined ? {} : { validationMessage: fieldError, validationState: 'error' as const })}
          >
            <Input value={user} onChange={(_, d) => setUser(d.value)} autoComplete="off" />
          </Field>
          <Button className={styles.submit} type="submit" appearance="primary" disabled={busy}>
            Add co-admin
          </Button>
        </form>
      )}
      {myAccess === 'co-admin' && <Body1>Only the owner can add or remove admins.</Body1>}
      {error !== undefined && <ActionError error={error.cause} what={error.what} />}
    </Section>
  );
}
