import { makeStyles, tokens } from '@fluentui/react-components';
import { useCaller } from '../../api/caller-context.ts';
import type { SharedEnrolment } from '../../../contracts/enrolments.ts';
import type { PairingMember } from '../../../contracts/pairings.ts';
import { sessionsApi } from '../../api/sessions-api.ts';
import type { BacklogItem } from '../../../contracts/backlog.ts';
import type { BookingView } from '../../../contracts/bookings.ts';
import { Section } from '../common/section.tsx';
import { useLoad } from '../common/use-load.ts';
import { EmptyState } from '../empty-state.tsx';
import { LoadError } from '../load-error.tsx';
import { useNow } from '../use-now.ts';
import { ViewLoading } from '../view-loading.tsx';
import { BacklogList } from './backlog-list.tsx';
import { LearningLog } from './learning-log.tsx';
import { SeriesSessions } from './series-sessions.tsx';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalM, maxWidth: '44rem' },
});

const isShared = (p: SharedEnrolment | { readonly userId: string }): p is SharedEnrolment => 'displayName' in p;

/** Props of {@link MySessionsArea}. */
export interface MySessionsAreaProps {
  /** My running pairs (from `GET /me/pairings`). */
  readonly pairings: readonly PairingMember[];
  /** My zone (the mailbox's), in which every time is shown. */
  readonly viewerZone: string;
  readonly onSignIn: () => void;
}

/** "Sessions", "Backlog" and "Learning log" of the personal tab. */
export function MySessionsArea({ pairings, viewerZone, onSignIn }: MySessionsAreaProps) {
  const styles = useStyles();
  const call = useCaller();
  const now = useNow(60_000);
  const ids = pairings.map((p) => p.id).join(',');
  const data = useLoad(async (signal) => {
    const [bookings, feedback, backlogs] = await Promise.all([
      sessionsApi.bookings(call, signal),
      sessionsApi.feedback(call, signal),
      Promise.all(pairings.map(async (p) => [p.id, await sessionsApi.backlog(call, p.id, signal)] as const)),
    ]);
    return { bookings, feedback, backlogs: new Map<string, readonly BacklogItem[]>(backlogs) };
  }, `sessions:${ids}`);

  if (data.state.status === 'loading') return <ViewLoading />;
  if (data.state.status === 'failed') return <LoadError error={data.state.error} what="your sessions" onRetry={data.reload} onSignIn={onSignIn} />;
  const { bookings, feedback, backlogs } = data.state.value;
  const replace = (moved: BookingView) => data.set({ feedback, backlogs, bookings: bookings.map((b) => (b.bookingId === moved.bookingId ? moved : b)) });
  // A new item is open, so it goes after the other open ones and before the covered ones.
  const addToBacklog = (pairingId: string, item: BacklogItem) => {
    const current = (backlogs.get(pairingId) ?? []).filter((i) => i.id !== item.id);
    const next = [...current.filter((i) => !i.done), item, ...current.filter((i) => i.done)];
    data.set({ feedback, bookings, backlogs: new Map(backlogs).set(pairingId, next) });
  };
  const pairs = pairings.map((pairing) => {
    const partners = pairing.partners.filter(isShared);
    // The newest booking of the pairing (myBookings lists newest first).
    const booking = bookings.find((b) => b.pairId === pairing.id && b.sessions.length > 0);
    return { pairing, booking, partnerName: partners.map((p) => p.displayName).join(' and ') || 'your partner', partnerZone: partners[0]?.timeZone };
  });

  return (
    <>
      <Section title="Sessions" testId="my-sessions">
        {pairs.every((p) => p.booking === undefined) ? (
          <EmptyState title="No sessions booked yet">When the program team schedules your pair, each session of your series appears here with its agenda.</EmptyState>
        ) : (
          <div className={styles.list}>
            {pairs.flatMap(({ pairing, booking, partnerName, partnerZone }) =>
              booking === undefined
                ? []
                : [
                    <SeriesSessions
                      key={pairing.id}
                      booking={booking}
                      viewerZone={viewerZone}
                      partnerName={partnerName}
                      partnerZone={partnerZone}
                      feedback={feedback}
                      backlog={backlogs.get(pairing.id) ?? []}
                      now={now}
                      onMoved={replace}
                      onSignIn={onSignIn}
                    />,
                  ],
            )}
          </div>
        )}
      </Section>
      <Section title="Backlog" testId="my-backlog-section">
        {pairs.length === 0 ? (
          <EmptyState title="No backlog yet">Once you have a pair, the things you both want to cover collect here.</EmptyState>
        ) : (
          pairs.map(({ pairing, partnerName }) => (
            <BacklogList
              key={pairing.id}
              pairingId={pairing.id}
              items={backlogs.get(pairing.id) ?? []}
              partnerName={partnerName}
              onAdded={(item) => addToBacklog(pairing.id, item)}
            />
          ))
        )}
      </Section>
      <Section title="Learning log" testId="my-learning-log-section">
        <LearningLog feedback={feedback} />
      </Section>
    </>
  );
}
