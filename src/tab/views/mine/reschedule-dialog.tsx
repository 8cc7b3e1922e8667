import { Body1, Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Radio, RadioGroup, Spinner } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import { sessionsApi } from '../../api/sessions-api.ts';
import type { BookingView, SessionView } from '../../../contracts/bookings.ts';
import { ActionError } from '../common/action-error.tsx';
import { useLoad } from '../common/use-load.ts';
import { LoadError } from '../load-error.tsx';
import { partnerLocal, slotInZone } from './session-time.ts';

/** Props of {@link RescheduleDialog}. */
export interface RescheduleDialogProps {
  readonly booking: BookingView;
  readonly session: SessionView;
  readonly viewerZone: string;
  readonly partnerName: string;
  readonly partnerZone: string | undefined;
  readonly onClose: () => void;
  readonly onMoved: (booking: BookingView) => void;
  readonly onSignIn: () => void;
}

/** Move one session: shows the times both people are free near it, books the one chosen. */
export function RescheduleDialog({ booking, session, viewerZone, partnerName, partnerZone, onClose, onMoved, onSignIn }: RescheduleDialogProps) {
  const call = useCaller();
  const options = useLoad((signal) => sessionsApi.alternatives(call, booking.bookingId, session.index, signal), `${booking.bookingId}:${session.index}`);
  const [chosen, setChosen] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);

  const book = async () => {
    setBusy(true);
    setError(undefined);
    try {
      onMoved(await sessionsApi.reschedule(call, booking.bookingId, session.index, chosen));
    } catch (cause) {
      setError(cause);
    } finally {
      setBusy(false);
    }
  };

  const label = (start: string, end: string) => {
    const theirs = partnerLocal(start, partnerZone, viewerZone, partnerName);
    return `${slotInZone(start, end, viewerZone)}${theirs === undefined ? '' : ` · ${theirs}`}`;
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, data) => (data.open ? undefined : onClose())}>
      <DialogSurface aria-describedby="reschedule-now">
        <DialogBody>
          {/* The API counts sessions from 0; people count from 1. */}
          <DialogTitle>Move session {session.index + 1}</DialogTitle>
          <DialogContent>
            <Body1 id="reschedule-now" as="p">
              Now: {label(session.start, session.end)}. These times are free in both calendars and inside both working hours; {partnerName} gets the updated invitation.
            </Body1>
            {options.state.status === 'loading' && <Spinner size="small" label="Finding times you are both free…" />}
            {options.state.status === 'failed' && <LoadError error={options.state.error} what="the free times" onRetry={options.reload} onSignIn={onSignIn} />}
            {options.state.status === 'loaded' && options.state.value.alternatives.length === 0 && (
              <Body1 as="p">There is no time near this session when you are both free. Try again later or ask {partnerName} to free some time.</Body1>
            )}
            {options.state.status === 'loaded' && options.state.value.alternatives.length > 0 && (
              <RadioGroup aria-label="Free times for both of you" value={chosen} onChange={(_, d) => setChosen(d.value)} data-testid="reschedule-options">
                {options.state.value.alternatives.map((slot) => (
                  <Radio key={slot.start} value={slot.start} label={label(slot.start, slot.end)} />
                ))}
              </RadioGroup>
            )}
            {error !== undefined && <ActionError error={error} what="move the session" />}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || chosen === ''} onClick={() => void book()}>
              {busy ? 'Booking…' : 'Book this time'}
            </Button>
            <Button onClick={onClose} disabled={busy}>
              Cancel
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
