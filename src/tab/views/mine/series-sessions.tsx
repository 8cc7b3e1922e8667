import { Badge, Body1, Button, Caption1, Card, CardHeader, Link, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { BacklogItem } from '../../../contracts/backlog.ts';
import type { BookingView, SessionView } from '../../../contracts/bookings.ts';
import type { MyFeedback } from '../../../contracts/feedback.ts';
import { RescheduleDialog } from './reschedule-dialog.tsx';
import { occurrenceStatus, STATUS_COLOR } from './session-status.ts';
import { partnerLocal, slotInZone } from './session-time.ts';

const useStyles = makeStyles({
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'grid', gap: tokens.spacingVerticalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center' },
  when: { flexGrow: 1, minWidth: 0, display: 'flex', flexDirection: 'column' },
  badge: { whiteSpace: 'nowrap', minWidth: '6rem' },
});

/** Props of {@link SeriesSessions}. */
export interface SeriesSessionsProps {
  readonly booking: BookingView;
  readonly viewerZone: string;
  readonly partnerName: string;
  readonly partnerZone: string | undefined;
  readonly feedback: readonly MyFeedback[];
  /** The pair's open backlog: the agenda of the next session. */
  readonly backlog: readonly BacklogItem[];
  readonly now: number;
  readonly onMoved: (booking: BookingView) => void;
  readonly onSignIn: () => void;
}

/** One booked series: each occurrence with its status, my time and my partner's, and moving one. */
export function SeriesSessions({ booking, viewerZone, partnerName, partnerZone, feedback, backlog, now, onMoved, onSignIn }: SeriesSessionsProps) {
  const styles = useStyles();
  const [moving, setMoving] = useState<SessionView | undefined>(undefined);
  const sessions = [...booking.sessions].sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const next = sessions.find((s) => Date.parse(s.end) > now && s.status !== 'cancelled' && s.status !== 'unplaced');
  const agenda = backlog.filter((i) => !i.done).slice(0, 3);

  return (
    <Card data-testid="my-series" aria-label={`Sessions with ${partnerName}`}>
      <CardHeader
        header={<Text weight="semibold">Sessions with {partnerName}</Text>}
        description={<Caption1>{booking.explanation ?? `${booking.cadence}, ${booking.durationMinutes} min`}. Times in your zone ({viewerZone}).</Caption1>}
      />
      {booking.joinUrl !== null && (
        <Link href={booking.joinUrl} target="_blank" rel="noreferrer">
          Join the Teams meeting
        </Link>
      )}
      <ol className={styles.list} aria-label={`Sessions with ${partnerName}`}>
        {sessions.map((s) => {
          const status = occurrenceStatus(s, now, booking.pairId, feedback);
          const theirs = partnerLocal(s.start, partnerZone, viewerZone, partnerName);
          const canMove = booking.state === 'booked' && (status === 'upcoming' || status === 'moved') && Date.parse(s.start) > now;
          return (
            <li key={s.index} className={styles.row} data-testid="my-session" data-status={status}>
              <Badge appearance="tint" color={STATUS_COLOR[status]} className={styles.badge}>
                {status}
              </Badge>
              <span className={styles.when}>
                <Body1>
                  Session {s.index + 1}: {slotInZone(s.start, s.end, viewerZone)}
                </Body1>
                {theirs !== undefined && <Caption1>{theirs}</Caption1>}
                {s.conflict !== null && status !== 'cancelled' && <Caption1>Clash: {s.conflict.note}</Caption1>}
                {s === next && (
                  <Caption1 data-testid="my-session-agenda">
                    Agenda: {agenda.length === 0 ? 'nothing in your backlog yet; add items from a Teams message with "Add to our agenda".' : agenda.map((i) => i.text).join('; ')}
                  </Caption1>
                )}
              </span>
              {canMove && (
                <Button size="small" onClick={() => setMoving(s)} aria-label={`Move session ${s.index + 1}`}>
                  Move
                </Button>
              )}
            </li>
          );
        })}
      </ol>
      {moving !== undefined && (
        <RescheduleDialog
          booking={booking}
          session={moving}
          viewerZone={viewerZone}
          partnerName={partnerName}
          partnerZone={partnerZone}
          onClose={() => setMoving(undefined)}
          onMoved={(moved) => {
            setMoving(undefined);
            onMoved(moved);
          }}
          onSignIn={onSignIn}
        />
      )}
    </Card>
  );
}
