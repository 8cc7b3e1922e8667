import { Button, makeStyles, MessageBar, MessageBarBody, ProgressBar, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { PairRef, ProposalView } from '../../../contracts/matching.ts';
import type { ProgramView } from '../../../contracts/programs.ts';
import { adminApi } from '../../api/programs-api.ts';
import { ActionError } from '../common/action-error.tsx';
import { Section } from '../common/section.tsx';
import { EmptyState } from '../empty-state.tsx';
import { LoadError } from '../load-error.tsx';
import { ViewLoading } from '../view-loading.tsx';
import { ProposedPairCard } from './proposed-pair-card.tsx';
import { UnmatchedList } from './unmatched-list.tsx';
import { useProposal } from './use-proposal.ts';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  pairs: { display: 'grid', gap: tokens.spacingVerticalM, gridTemplateColumns: 'repeat(auto-fill, minmax(22rem, 1fr))' },
});

const key = (p: PairRef) => `${p.mentorId}→${p.menteeId}`;

/** Props of {@link ProposalPanel}. */
export interface ProposalPanelProps {
  readonly program: ProgramView;
  readonly onPublished: () => void;
}

/** Run matching, review the proposal (lock, remove, swap, re-run) and publish it. */
export function ProposalPanel({ program, onPublished }: ProposalPanelProps) {
  const styles = useStyles();
  const call = useCaller();
  const { state, show, reload } = useProposal(call, program.id);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ what: string; cause: unknown } | undefined>(undefined);
  const [picked, setPicked] = useState<readonly PairRef[]>([]);

  const act = async (what: string, action: () => Promise<ProposalView | void>) => {
    setBusy(true);
    setError(undefined);
    try {
      const result = await action();
      if (result) show(result);
      setPicked([]);
    } catch (cause) {
      setError({ what, cause });
    } finally {
      setBusy(false);
    }
  };

  const proposal = state.status === 'loaded' ? state.proposal : undefined;
  const running = proposal?.status === 'running';
  const reviewable = proposal?.status === 'ready';
  const togglePick = (pair: PairRef) =>
    setPicked((current) => (current.some((p) => key(p) === key(pair)) ? current.filter((p) => key(p) !== key(pair)) : [...current.slice(-1), pair]));
  const [first, second] = picked;

  return (
    <Section
      title="Matching"
      testId="matching"
      actions={
        <div className={styles.actions}>
          {(state.status === 'none' || proposal?.status === 'failed' || proposal?.status === 'published') && (
            <Button appearance="primary" disabled={busy} onClick={() => void act('start matching', () => adminApi.runMatching(call, program.id))}>
              {program.state === 'active' ? 'Match people without a partner' : 'Run matching'}
            </Button>
          )}
          {reviewable && (
            <>
              <Button disabled={busy} onClick={() => void act('re-run matching', () => adminApi.rerun(call, program.id))}>
                Re-run (keeps locked pairs)
              </Button>
              <Button
                disabled={busy || first === undefined || second === undefined}
                onClick={() => first && second && void act('swap partners', () => adminApi.swap(call, program.id, first, second))}
              >
                Swap partners of the 2 selected pairs
              </Button>
              <Button
                appearance="primary"
                disabled={busy || proposal.pairs.length === 0}
                onClick={() =>
                  void act('publish the pairs', async () => {
                    await adminApi.publish(call, program.id);
                    onPublished();
                    reload();
                  })
                }
              >
                Publish {proposal.pairs.length} pairs
              </Button>
            </>
          )}
        </div>
      }
    >
      {error !== undefined && <ActionError error={error.cause} what={error.what} />}
      {state.status === 'loading' && <ViewLoading />}
      {state.status === 'failed' && <LoadError error={state.error} what="the matching proposal" onRetry={reload} onSignIn={reload} />}
      {state.status === 'none' && (
        <EmptyState title="Matching has not run yet">
          Run matching to get proposed pairs with the reasons for each, and everyone who could not be paired with why.
        </EmptyState>
      )}
      {running && (
        <div role="status" data-testid="matching-running">
          <ProgressBar aria-label="Matching in progress" />
          Matching {program.name}… this page updates when the proposal is ready.
        </div>
      )}
      {proposal?.status === 'failed' && proposal.error !== null && (
        <MessageBar intent="error" role="alert">
          <MessageBarBody>The last run failed: {proposal.error.message}. Run matching again.</MessageBarBody>
        </MessageBar>
      )}
      {proposal?.status === 'published' && (
        <MessageBar intent="success" data-testid="proposal-published">
          <MessageBarBody>Cycle {proposal.cycle} was published with {proposal.pairs.length} pairs. Participants see their pair in their personal tab.</MessageBarBody>
        </MessageBar>
      )}
      {reviewable && (
        <>
          <p role="status" data-testid="proposal-summary">
            {proposal.pairs.length} pairs proposed, {proposal.pairs.filter((p) => p.locked).length} locked, {proposal.unmatched.length} people unmatched. Select two pairs to
            swap their mentees.
          </p>
          <div className={styles.pairs} data-testid="proposed-pairs">
            {proposal.pairs.map((pair) => (
              <ProposedPairCard
                key={key(pair)}
                pair={pair}
                busy={busy}
                picked={picked.some((p) => key(p) === key(pair))}
                onPick={() => togglePick(pair)}
                onLock={() => void act(pair.locked ? 'unlock the pair' : 'lock the pair', () => adminApi.review(call, program.id, pair.locked ? 'unlock' : 'lock', pair))}
                onRemove={() => void act('remove the pair', () => adminApi.review(call, program.id, 'remove', pair))}
              />
            ))}
          </div>
          <UnmatchedList unmatched={proposal.unmatched} />
        </>
      )}
    </Section>
  );
}
