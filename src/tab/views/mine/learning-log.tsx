import { Body1, Caption1, Card, Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { actionDoneApi } from '../../api/action-done-api.ts';
import { useCaller } from '../../api/caller-context.ts';
import { ActionError } from '../common/action-error.tsx';
import { useLoad } from '../common/use-load.ts';
import type { MyFeedback } from '../../../contracts/feedback.ts';
import { formatDate } from '../common/format-date.ts';
import { EmptyState } from '../empty-state.tsx';

const useStyles = makeStyles({
  list: { display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '44rem' },
  terms: { margin: 0, display: 'grid', gridTemplateColumns: 'max-content 1fr', columnGap: tokens.spacingHorizontalM, rowGap: tokens.spacingVerticalXXS },
  term: { fontWeight: tokens.fontWeightSemibold },
  desc: { margin: 0 },
});

const HAPPENED = { held: 'Held', 'no-show': 'My partner did not come', rescheduled: 'Moved' } as const;

/**
 * My own learning across sessions, from my feedback: what I learned, what I taught and my action.
 * Only the author's own records come from the server, so nothing a partner kept private shows here.
 */
export function LearningLog({ feedback }: { readonly feedback: readonly MyFeedback[] }) {
  const styles = useStyles();
  const call = useCaller();
  // The flags load beside the log; until they arrive (or if they fail) the boxes show unticked.
  const flags = useLoad((signal) => actionDoneApi.list(call, signal), 'actions-done');
  const [done, setDone] = useState<Record<string, boolean>>({});
  const [error, setError] = useState<unknown>(undefined);
  const isDone = (sessionId: string) => done[sessionId] ?? (flags.state.status === 'loaded' && flags.state.value[sessionId] !== undefined);
  const toggle = async (sessionId: string, value: boolean) => {
    setError(undefined);
    setDone((d) => ({ ...d, [sessionId]: value }));
    try {
      await actionDoneApi.set(call, sessionId, value);
    } catch (cause) {
      setDone((d) => ({ ...d, [sessionId]: !value }));
      setError(cause);
    }
  };
  const entries = [...feedback].filter((f) => [f.learned, f.taught, f.action].some((t) => (t ?? '').trim() !== '')).sort((a, b) => b.sessionEnd - a.sessionEnd);
  if (entries.length === 0) {
    return <EmptyState title="Nothing logged yet">After each session Upward asks what you learned, what you taught and one action; your answers collect here. Only you see them unless you share them.</EmptyState>;
  }
  return (
    <div className={styles.list} data-testid="my-learning-log">
      {error !== undefined && <ActionError error={error} what="save whether your action is done" />}
      {entries.map((f) => (
        <Card key={f.key} aria-label={`Session ending ${formatDate(new Date(f.sessionEnd).toISOString())}`}>
          <Caption1>
            {formatDate(new Date(f.sessionEnd).toISOString())} · {f.happened === undefined ? 'Session' : HAPPENED[f.happened]}
            {f.shareWithPartner ? ' · learned and taught shared with your partner' : ' · only you see this'}
          </Caption1>
          <dl className={styles.terms}>
            {(f.learned ?? '') !== '' && (
              <>
                <dt className={styles.term}>I learned</dt>
                <dd className={styles.desc}><Body1>{f.learned}</Body1></dd>
              </>
            )}
            {(f.taught ?? '') !== '' && (
              <>
                <dt className={styles.term}>I taught</dt>
                <dd className={styles.desc}><Body1>{f.taught}</Body1></dd>
              </>
            )}
            {(f.action ?? '') !== '' && (
              <>
                <dt className={styles.term}>My action</dt>
                <dd className={styles.desc}><Body1>{f.action}</Body1></dd>
              </>
            )}
          </dl>
          {(f.action ?? '') !== '' && (
            <Checkbox label="Action done (only you see this)" checked={isDone(f.sessionId)} onChange={(_, d) => void toggle(f.sessionId, d.checked === true)} />
          )}
        </Card>
      ))}
    </div>
  );
}
