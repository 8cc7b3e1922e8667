import { Button, Field, ProgressBar, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import { schedulingApi } from '../../api/scheduling-api.ts';
import type { PairResult } from '../../../contracts/scheduling-runs.ts';
import { ActionError } from '../common/action-error.tsx';
import { Section } from '../common/section.tsx';
import { ViewLoading } from '../view-loading.tsx';
import { useScheduleRun } from './use-schedule-run.ts';

const RESULT_LABELS: Record<PairResult['result'], string> = {
  booked: 'Booked',
  booked_with_moved_sessions: 'Booked, some sessions moved',
  no_slot: 'No shared time',
  failed: 'Failed',
  in_progress: 'In progress',
  cancelled: 'Cancelled',
};

/** What the admin can do about a pair that could not be booked. */
const fixFor = (pair: PairResult): string =>
  pair.result === 'no_slot'
    ? 'Ask the pair to widen their working hours, or swap partners in the next matching run.'
    : pair.result === 'failed'
      ? 'Schedule the cohort again later; booked pairs are kept.'
      : '';

/** Books the recurring meetings of every published pair, with a live progress bar and each pair's result. */
export function SchedulePanel({ programId }: { readonly programId: string }) {
  const call = useCaller();
  const run = useScheduleRun(call, programId);
  const [error, setError] = useState<unknown>(undefined);
  const [starting, setStarting] = useState(false);
  const progress = run.progress;
  const active = progress !== undefined && (progress.status === 'queued' || progress.status === 'running');

  const start = async () => {
    setStarting(true);
    setError(undefined);
    try {
      run.show((await schedulingApi.start(call, programId)).progress);
    } catch (cause) {
      setError(cause);
    } finally {
      setStarting(false);
    }
  };

  return (
    <Section
      title="Scheduling"
      testId="scheduling"
      actions={
        // One run per cycle: once it exists, starting again only returns it, unless it failed.
        (progress === undefined || progress.status === 'failed') && (
          <Button appearance="primary" onClick={() => void start()} disabled={starting || active}>
            {progress === undefined ? 'Schedule the cohort' : 'Schedule again'}
          </Button>
        )
      }
    >
      {error !== undefined && <ActionError error={error} what="start scheduling" />}
      {run.error !== undefined && <ActionError error={run.error} what="follow the scheduling run" />}
      {run.loading && <ViewLoading />}
      {!run.loading && progress === undefined && <p>No meetings are booked yet. Scheduling finds a recurring time both calendars have free and books it.</p>}
      {progress !== undefined && (
        <>
          <Field
            label={`Booking ${progress.total} pairs: ${progress.done} done (${progress.phase})`}
            validationState={progress.status === 'failed' ? 'error' : progress.status === 'done' ? 'success' : 'none'}
            validationMessage={
              progress.status === 'failed'
                ? `The run failed: ${progress.error ?? 'unknown error'}. Schedule again to retry the rest.`
                : progress.status === 'done'
                  ? `Finished: ${progress.booked} booked, ${progress.bookedWithMovedSessions} with moved sessions, ${progress.noSlot} without a shared time, ${progress.failed} failed.`
                  : progress.etaSeconds !== null
                    ? `About ${progress.etaSeconds} s left.`
                    : 'Reading calendars…'
            }
          >
            <ProgressBar value={progress.percent / 100} max={1} thickness="large" data-testid="schedule-progress" aria-valuetext={`${progress.percent}%`} />
          </Field>
          <p role="status" aria-live="polite" data-testid="schedule-percent">
            {progress.percent}% done
          </p>
          {run.pairs.length > 0 && (
            <Table aria-label="Pairs and their booking" size="small" data-testid="schedule-pairs">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Organiser</TableHeaderCell>
                  <TableHeaderCell>Attendee</TableHeaderCell>
                  <TableHeaderCell>Result</TableHeaderCell>
                  <TableHeaderCell>Reason and next step</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {run.pairs.map((pair) => (
                  <TableRow key={pair.bookingId}>
                    <TableCell>{pair.organiser}</TableCell>
                    <TableCell>{pair.attendee}</TableCell>
                    <TableCell>
                      {RESULT_LABELS[pair.result]}
                      {pair.movedSessions > 0 && ` (${pair.movedSessions} moved)`}
                    </TableCell>
                    <TableCell>{[pair.reason ?? pair.explanation, fixFor(pair)].filter(Boolean).join(' ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </>
      )}
    </Section>
  );
}
