import { Badge, Body1, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import { useCaller } from '../../api/caller-context.ts';
import { healthApi } from '../../api/health-api.ts';
import type { ProgramHealth, ReciprocityFigures, RiskReason, Shown } from '../../../contracts/program-health.ts';
import { formatDate } from '../common/format-date.ts';
import { Section } from '../common/section.tsx';
import { useLoad } from '../common/use-load.ts';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';
import { ExportButton } from './export-button.tsx';
import { ProgramHealthThemes } from './program-health-themes.tsx';

const useStyles = makeStyles({
  facts: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalXS },
  notes: { margin: 0, paddingLeft: tokens.spacingHorizontalL, color: tokens.colorNeutralForeground3 },
  reasons: { display: 'flex', flexDirection: 'column', alignItems: 'start', gap: tokens.spacingVerticalXXS },
});

const REASON_LABELS: Record<RiskReason, string> = {
  'no-meeting-booked': 'No meeting booked',
  'not-scheduled': 'Not scheduled yet',
  'sessions-cancelled': 'Sessions cancelled',
  'missed-sessions': 'Sessions missed',
  'check-in-sent': 'Two sessions in a row not held: checked in',
  'no-feedback': 'No feedback',
  're-pair-requested': 'Re-pair needed',
};

const shownOr = <T,>(figure: Shown<T>, show: (value: T) => string): string => (figure.shown ? show(figure) : figure.reason);

/** Weeks around now are what the team acts on; older and later ones are in the export. */
const WEEKS_SHOWN = 12;

/** "5 of 7 pairs; 2 where only the senior taught" — the drift the program team acts on comes first after the total. */
function reciprocityText(f: ReciprocityFigures): string {
  const pairs = (n: number) => `${n} ${n === 1 ? 'pair' : 'pairs'}`;
  const parts = [`${f.bothWays} of ${pairs(f.pairs)}`];
  if (f.seniorTaughtOnly > 0) parts.push(`${pairs(f.seniorTaughtOnly)} where only the senior taught`);
  if (f.juniorTaughtOnly > 0) parts.push(`${pairs(f.juniorTaughtOnly)} where only the junior taught`);
  return `${parts.join('; ')} (from ${f.people} people's latest answers)`;
}

function Figures({ health }: { readonly health: ProgramHealth }) {
  const styles = useStyles();
  const { totals, feedback } = health;
  return (
    <dl className={styles.facts}>
      <dt>Enrolled</dt>
      <dd>{totals.enrolled}</dd>
      <dt>Running pairs</dt>
      <dd>{totals.runningPairs}</dd>
      <dt>Sessions held / planned so far</dt>
      <dd data-testid="held-sessions">
        {totals.heldSessions} / {totals.pastSessions} ({totals.plannedSessions} planned in all
        {totals.loggedSessions > 0 ? `; ${totals.loggedSessions} of the held ones logged by pairs outside their booked series` : ''})
      </dd>
      <dt>Feedback completion</dt>
      <dd data-testid="feedback-completion">{shownOr(feedback.completion, (c) => `${c.rate}% (${c.received} of ${c.expected} answers)`)}</dd>
      <dt>Average rating</dt>
      <dd data-testid="average-rating">{shownOr(feedback.rating, (r) => `${r.aggregate.average} / 5 from ${r.aggregate.people} people (${r.aggregate.ratings} ratings)`)}</dd>
      <dt>Learning both ways</dt>
      <dd data-testid="learning-both-ways">{shownOr(feedback.reciprocity, ({ figures }) => reciprocityText(figures))}</dd>
    </dl>
  );
}

/** The program's health for its admins: sessions per week, feedback in aggregate only, pairs at risk, and the CSV export. */
export function ProgramHealthPanel({ programId, refreshKey }: { readonly programId: string; readonly refreshKey: number }) {
  const styles = useStyles();
  const call = useCaller();
  const health = useLoad((signal) => healthApi.health(call, programId, signal), `${programId}:${refreshKey}`);
  return (
    <Section title="Program health" testId="program-health" actions={<ExportButton programId={programId} />}>
      {health.state.status === 'loading' && <ViewLoading />}
      {health.state.status === 'failed' && <LoadError error={health.state.error} what="program health" onRetry={health.reload} onSignIn={health.reload} />}
      {health.state.status === 'loaded' && (
        <>
          <Figures health={health.state.value} />
          <ProgramHealthThemes themes={health.state.value.feedback.themes} minGroupSize={health.state.value.minGroupSize} />
          {health.state.value.weeks.length === 0 && <Body1 as="p">No sessions are planned or held yet: the weeks show once the cohort is scheduled.</Body1>}
          {health.state.value.weeks.length > 0 && (
            <Table aria-label="Sessions per week" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Week of</TableHeaderCell>
                  <TableHeaderCell>Planned</TableHeaderCell>
                  <TableHeaderCell>Held</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {health.state.value.weeks.slice(-WEEKS_SHOWN).map((w) => (
                  <TableRow key={w.week}>
                    <TableCell>{w.week}</TableCell>
                    <TableCell>{w.planned}</TableCell>
                    <TableCell>{w.held}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <Body1 as="p">
            {health.state.value.atRisk.total === 0
              ? 'No pairs need attention.'
              : `${health.state.value.atRisk.total} pair(s) need attention${health.state.value.atRisk.total > health.state.value.atRisk.pairs.length ? ` (first ${health.state.value.atRisk.pairs.length} shown)` : ''}.`}
          </Body1>
          {health.state.value.atRisk.pairs.length > 0 && (
            <Table aria-label="Needing attention" size="small" data-testid="pairs-at-risk">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>Pair</TableHeaderCell>
                  <TableHeaderCell>Why</TableHeaderCell>
                  <TableHeaderCell>Suggested action</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {health.state.value.atRisk.pairs.map((p) => (
                  <TableRow key={p.pairId}>
                    <TableCell>{p.people.join(' & ')}</TableCell>
                    <TableCell>
                      <div className={styles.reasons}>
                        {p.reasons.map((r) => (
                          <Badge key={r} appearance="tint" color="warning">
                            {REASON_LABELS[r]}
                          </Badge>
                        ))}
                        {p.checkIn !== undefined && (
                          <span data-testid="check-in-detail">
                            Private check-in sent {formatDate(p.checkIn.since)}; {p.checkIn.answered} of {p.checkIn.of} answered
                          </span>
                        )}
                      </div>
                    </TableCell>
                    <TableCell>{p.actions.join(' ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <ul className={styles.notes}>
            {health.state.value.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}
