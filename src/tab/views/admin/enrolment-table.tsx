import { Field, Input, makeStyles, Select, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { EnrolmentStatus, Role } from '../../../contracts/enrolments.ts';
import { adminApi } from '../../api/programs-api.ts';
import { Section } from '../common/section.tsx';
import { useLoad } from '../common/use-load.ts';
import { EmptyState } from '../empty-state.tsx';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';
import { filterEnrolments } from './filter-enrolments.ts';

const useStyles = makeStyles({
  filters: { display: 'flex', gap: tokens.spacingHorizontalL, flexWrap: 'wrap', alignItems: 'end' },
});

/** Everyone enrolled in a program (public profile only), filtered by role, status and text. */
export function EnrolmentTable({ programId, refreshKey }: { readonly programId: string; readonly refreshKey: number }) {
  const styles = useStyles();
  const call = useCaller();
  const enrolments = useLoad((signal) => adminApi.enrolments(call, programId, signal), `${programId}:${refreshKey}`);
  const [role, setRole] = useState<Role | ''>('');
  const [status, setStatus] = useState<EnrolmentStatus | ''>('');
  const [text, setText] = useState('');

  return (
    <Section title="Enrolments" testId="enrolments">
      <div className={styles.filters}>
        <Field label="Role">
          <Select value={role} onChange={(_, d) => setRole(d.value as Role | '')}>
            <option value="">Everyone</option>
            <option value="mentor">Mentors (junior)</option>
            <option value="mentee">Mentees (senior)</option>
          </Select>
        </Field>
        <Field label="Status">
          <Select value={status} onChange={(_, d) => setStatus(d.value as EnrolmentStatus | '')}>
            <option value="">Any</option>
            <option value="active">Active</option>
            <option value="paused">Paused</option>
            <option value="left">Left</option>
          </Select>
        </Field>
        <Field label="Name, department or topic">
          <Input type="search" value={text} onChange={(_, d) => setText(d.value)} />
        </Field>
      </div>
      {enrolments.state.status === 'loading' && <ViewLoading />}
      {enrolments.state.status === 'failed' && (
        <LoadError error={enrolments.state.error} what="the enrolments" onRetry={enrolments.reload} onSignIn={enrolments.reload} />
      )}
      {enrolments.state.status === 'loaded' &&
        (() => {
          const all = enrolments.state.value;
          const shown = filterEnrolments(all, { role, status, text });
          if (all.length === 0) return <EmptyState title="Nobody has enrolled yet">Open enrolment so people can enrol from their personal tab.</EmptyState>;
          return (
            <>
              <p role="status" data-testid="enrolment-count">
                Showing {shown.length} of {all.length} enrolled ({all.filter((e) => e.role === 'mentor').length} mentors,{' '}
                {all.filter((e) => e.role === 'mentee').length} mentees)
              </p>
              <Table aria-label="Enrolments" size="small">
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>Name</TableHeaderCell>
                    <TableHeaderCell>Role</TableHeaderCell>
                    <TableHeaderCell>Department</TableHeaderCell>
                    <TableHeaderCell>Can teach</TableHeaderCell>
                    <TableHeaderCell>Wants to learn</TableHeaderCell>
                    <TableHeaderCell>Status</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {shown.map((e) => (
                    <TableRow key={e.userId}>
                      <TableCell>
                        {e.displayName}
                        <br />
                        <small>{e.jobTitle}</small>
                      </TableCell>
                      <TableCell>{e.role}</TableCell>
                      <TableCell>{e.department}</TableCell>
                      <TableCell>{e.canTeach.join(', ')}</TableCell>
                      <TableCell>{e.wantsToLearn.join(', ')}</TableCell>
                      <TableCell>{e.status}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          );
        })()}
    </Section>
  );
}
