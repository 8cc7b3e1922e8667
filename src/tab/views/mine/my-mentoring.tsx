import { makeStyles, tokens } from '@fluentui/react-components';
import { useCaller } from '../../api/caller-context.ts';
import { participantApi } from '../../api/programs-api.ts';
import { Section } from '../common/section.tsx';
import { useLoad } from '../common/use-load.ts';
import { EmptyState } from '../empty-state.tsx';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';
import { MyProgramCard } from './my-program-card.tsx';
import { MySessionsArea } from './my-sessions-area.tsx';
import { PairCard } from './pair-card.tsx';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
});

/**
 * The participant's pairs and programs: enrol, edit, pause, leave, and see who they are paired with and why.
 * `viewerZone` is the mailbox's zone from `/api/me`, which the server names as IANA does today; the
 * browser's own zone is not used, as Chromium reports some zones by old names ("Asia/Calcutta").
 */
export function MyMentoring({ onSignIn, viewerZone }: { readonly onSignIn: () => void; readonly viewerZone: string }) {
  const styles = useStyles();
  const call = useCaller();
  const data = useLoad(async (signal) => {
    const [programs, pairings] = await Promise.all([participantApi.programs(call, signal), participantApi.pairings(call, signal)]);
    return { programs, pairings };
  }, 'mine');

  if (data.state.status === 'loading') return <ViewLoading />;
  if (data.state.status === 'failed') return <LoadError error={data.state.error} what="your programs" onRetry={data.reload} onSignIn={onSignIn} />;
  const { programs, pairings } = data.state.value;
  const running = pairings.filter((p) => p.endedAt === null);

  return (
    <>
      <Section title="My pair" testId="my-pairs">
        {running.length === 0 ? (
          <EmptyState title="No pair yet">Once you are enrolled and the program team publishes the pairs, your partner and why you were paired appear here.</EmptyState>
        ) : (
          <div className={styles.list}>
            {running.map((pairing) => (
              <PairCard key={pairing.id} pairing={pairing} onChanged={data.reload} />
            ))}
          </div>
        )}
      </Section>
      {running.length > 0 && <MySessionsArea pairings={running} viewerZone={viewerZone} onSignIn={onSignIn} />}
      <Section title="Programs" testId="my-programs">
        {programs.length === 0 ? (
          <EmptyState title="No programs open to you">When your organisation opens a reverse-mentoring program, you can enrol here.</EmptyState>
        ) : (
          <div className={styles.list}>
            {programs.map((item) => (
              <MyProgramCard key={item.program.id} item={item} onChanged={data.reload} />
            ))}
          </div>
        )}
      </Section>
    </>
  );
}
