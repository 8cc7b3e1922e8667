import { MessageBar, MessageBarBody } from '@fluentui/react-components';
import { useCaller } from '../api/caller-context.ts';
import { participationApi } from '../api/participation-api.ts';
import { Section } from './common/section.tsx';
import { useLoad } from './common/use-load.ts';
import { EmptyState } from './empty-state.tsx';
import { LoadError } from './load-error.tsx';
import { BarChart } from './manager/bar-chart.tsx';
import { countValue } from './manager/count-text.ts';
import { KpiTiles } from './manager/kpi-tiles.tsx';
import { ViewHeading } from './view-heading.tsx';
import { ViewLoading } from './view-loading.tsx';

/** The manager's view of participation in their org (loaded on demand): counts only, never content. */
export default function ParticipationView() {
  const call = useCaller();
  const summary = useLoad((signal) => participationApi.summary(call, signal), 'participation');
  const heading = (
    <ViewHeading title="Participation">
      How many people in your organisation take part. Counts only: never what anyone said, never one person&apos;s rating.
    </ViewHeading>
  );
  if (summary.state.status === 'loading') return (<>{heading}<ViewLoading /></>);
  if (summary.state.status === 'failed') return (<>{heading}<LoadError error={summary.state.error} what="participation" onRetry={summary.reload} onSignIn={summary.reload} /></>);
  const s = summary.state.value;
  return (
    <>
      {heading}
      {!s.isManager ? (
        <EmptyState title="Nobody reports to you">
          This view shows the participation of the people who report to you, directly or through their managers. The directory lists no reports for you.
        </EmptyState>
      ) : !s.org.people.shown ? (
        <EmptyState title="Your organisation is too small to show">
          Fewer than {s.minGroupSize} people report to you. To protect their privacy, Upward shows no figures for groups this small.
        </EmptyState>
      ) : (
        <>
          <Section title="Your organisation" testId="participation-org">
            <KpiTiles org={s.org} />
          </Section>
          <Section title="By department" testId="participation-departments">
            <BarChart
              title="People enrolled by department"
              testId="chart-departments"
              bars={s.byDepartment.map((d) => ({ label: d.label, value: countValue(d.enrolled), note: `Under ${s.minGroupSize} people` }))}
            />
            <BarChart
              title="People paired by department"
              bars={s.byDepartment.map((d) => ({ label: d.label, value: countValue(d.paired), note: `Under ${s.minGroupSize} people` }))}
            />
          </Section>
          <Section title="Trend by month" testId="participation-trend">
            <BarChart title="People enrolled (cumulative) by month" testId="chart-months" bars={s.byMonth.map((m) => ({ label: m.month, value: m.enrolled }))} />
            <BarChart title="People paired (cumulative) by month" bars={s.byMonth.map((m) => ({ label: m.month, value: m.paired }))} />
          </Section>
        </>
      )}
      <MessageBar intent="info" layout="multiline">
        <MessageBarBody>
          <ul style={{ margin: 0, paddingInlineStart: '1rem' }}>
            {s.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </MessageBarBody>
      </MessageBar>
    </>
  );
}
