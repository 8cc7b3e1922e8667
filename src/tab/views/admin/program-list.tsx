import { Badge, Button, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import type { ProgramView } from '../../../contracts/programs.ts';
import { formatDate } from '../common/format-date.ts';
import { Section } from '../common/section.tsx';
import type { Loaded } from '../common/use-load.ts';
import { VisuallyHidden } from '../common/visually-hidden.tsx';
import { EmptyState } from '../empty-state.tsx';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';
import { STATE_LABELS } from './state-labels.ts';

/** Props of {@link ProgramList}. */
export interface ProgramListProps {
  readonly state: Loaded<readonly ProgramView[]>;
  readonly onRetry: () => void;
  readonly onOpen: (id: string) => void;
  readonly onNew: () => void;
}

/** The programs the admin runs (owner or co-admin, and unclaimed ones), newest first, each opening its detail. */
export function ProgramList({ state, onRetry, onOpen, onNew }: ProgramListProps) {
  return (
    <Section
      title="Programs"
      testId="program-list"
      actions={
        <Button appearance="primary" onClick={onNew}>
          New program
        </Button>
      }
    >
      {state.status === 'loading' && <ViewLoading />}
      {state.status === 'failed' && <LoadError error={state.error} what="the programs" onRetry={onRetry} onSignIn={onRetry} />}
      {state.status === 'loaded' && state.value.length === 0 && (
        <EmptyState title="No programs yet">
          Create a program to set its cadence, term and topic tracks, then open it for enrolment. Programs other admins run appear here once their owner adds you.
        </EmptyState>
      )}
      {state.status === 'loaded' && state.value.length > 0 && (
        <Table aria-label="Programs">
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>State</TableHeaderCell>
              <TableHeaderCell>Term</TableHeaderCell>
              <TableHeaderCell>Cadence</TableHeaderCell>
              <TableHeaderCell>
                <VisuallyHidden>Open</VisuallyHidden>
              </TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {state.value.map((program) => (
              <TableRow key={program.id}>
                <TableCell>{program.name}</TableCell>
                <TableCell>
                  <Badge appearance="tint">{STATE_LABELS[program.state]}</Badge>
                </TableCell>
                <TableCell>
                  {formatDate(program.term.start)} – {formatDate(program.term.end)}
                </TableCell>
                <TableCell>
                  {program.cadence}, {program.sessionMinutes} min
                </TableCell>
                <TableCell>
                  <Button onClick={() => onOpen(program.id)} aria-label={`Open ${program.name}`}>
                    Open
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Section>
  );
}
