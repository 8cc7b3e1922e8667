import { Body1, Button, Card, CardHeader, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { useCaller } from '../../api/caller-context.ts';
import type { SharedEnrolment } from '../../../contracts/enrolments.ts';
import type { PairingMember } from '../../../contracts/pairings.ts';
import { participantApi } from '../../api/programs-api.ts';
import { localTimeIn } from '../../format/local-time.ts';
import { ActionError } from '../common/action-error.tsx';
import { useNow } from '../use-now.ts';

const useStyles = makeStyles({
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
});

const isShared = (p: SharedEnrolment | { readonly userId: string }): p is SharedEnrolment => 'displayName' in p;

/** One of my pairs: my partner(s), their local time, why we were paired, and the no-fault exit. */
export function PairCard({ pairing, onChanged }: { readonly pairing: PairingMember; readonly onChanged: () => void }) {
  const styles = useStyles();
  const call = useCaller();
  const now = useNow(30_000);
  const [confirm, setConfirm] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const partners = pairing.partners.filter(isShared);
  const names = partners.map((p) => p.displayName).join(' and ') || 'your partner';

  const leave = async () => {
    setError(undefined);
    try {
      await participantApi.leavePairing(call, pairing.id);
      onChanged();
    } catch (cause) {
      setError(cause);
    }
  };

  return (
    <Card data-testid="my-pair" aria-label={`Your pair with ${names}`}>
      <CardHeader
        header={<Text weight="semibold" data-testid="my-pair-partner">{names}</Text>}
        description={
          <Text size={200}>
            {pairing.programName} · cycle {pairing.cycle} · you are the {pairing.myRole}
          </Text>
        }
      />
      {partners.map((p) => (
        <Body1 key={p.userId}>
          {p.displayName}: {p.jobTitle || 'no job title'}, {p.department || 'no department'}. Teaches {p.canTeach.join(', ')}; wants to learn {p.wantsToLearn.join(', ')}. Their time:{' '}
          {localTimeIn(p.timeZone, now) ?? 'unknown'} ({p.timeZone}).
        </Body1>
      ))}
      <ul className={styles.reasons} aria-label="Why you were paired" data-testid="my-pair-reasons">
        {pairing.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      {error !== undefined && <ActionError error={error} what="end the pair" />}
      {pairing.endedAt === null && (
        <div className={styles.actions}>
          {confirm ? (
            <>
              <Body1>Ask for a new partner? This ends the pair for both of you, with no fault and a neutral message to {names}.</Body1>
              <Button appearance="primary" onClick={() => void leave()}>
                End the pair
              </Button>
              <Button onClick={() => setConfirm(false)}>Keep the pair</Button>
            </>
          ) : (
            <Button onClick={() => setConfirm(true)}>Ask for a new partner</Button>
          )}
        </div>
      )}
    </Card>
  );
}
