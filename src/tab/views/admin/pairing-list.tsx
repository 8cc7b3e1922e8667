import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useCaller } from '../../api/caller-context.ts';
import { adminApi } from '../../api/programs-api.ts';
import { Section } from '../common/section.tsx';
import { useLoad } from '../common/use-load.ts';
import { EmptyState } from '../empty-state.tsx';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';

/** The program's published pairs, running and ended (how it ended, never who ended it). */
export function PairingList({ programId, refreshKey }: { readonly programId: string; readonly refreshKey: number }) {
  const call = useCaller();
  const pairings = useLoad((signal) => adminApi.pairings(call, programId, signal), `${programId}:${refreshKey}`);
  return (
    <Section title="Pairs" testId="pairings">
      {pairings.state.status === 'loading' && <ViewLoading />}
      {pairings.state.status === 'failed' && <LoadError error={pairings.state.error} what="the pairs" onRetry={pairings.reload} onSignIn={pairings.reload} />}
      {pairings.state.status === 'loaded' && pairings.state.value.length === 0 && <EmptyState title="No pairs yet">Publish a proposal to create pairs.</EmptyState>}
      {pairings.state.status === 'loaded' && pairings.state.value.length > 0 && (
        <Table aria-label="Pairs" size="small">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Mentor (junior)</TableHeaderCell>
              <TableHeaderCell>Mentee (senior)</TableHeaderCell>
              <TableHeaderCell>Cycle</TableHeaderCell>
              <TableHeaderCell>Why</TableHeaderCell>
              <TableHeaderCell>Status</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {pairings.state.value.map((p) => (
              <TableRow key={p.id}>
                <TableCell>{p.mentor.displayName}</TableCell>
                <TableCell>{p.mentee.displayName}</TableCell>
                <TableCell>{p.cycle}</TableCell>
                <TableCell>{p.reasons.join('; ')}</TableCell>
                <TableCell>{p.endedAt === null ? 'Running' : `Ended (${p.endReason === 'no_fault' ? 'no-fault exit' : p.endReason})`}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
