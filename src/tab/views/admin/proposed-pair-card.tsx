import { Badge, Button, Card, CardHeader, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ProposedPair } from '../../../contracts/matching.ts';

const useStyles = makeStyles({
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  reasons: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL },
});

/** Props of {@link ProposedPairCard}. */
export interface ProposedPairCardProps {
  readonly pair: ProposedPair;
  readonly busy: boolean;
  readonly picked: boolean;
  readonly onPick: () => void;
  readonly onLock: () => void;
  readonly onRemove: () => void;
}

/** One proposed pair: who mentors whom, why, and the review actions. */
export function ProposedPairCard({ pair, busy, picked, onPick, onLock, onRemove }: ProposedPairCardProps) {
  const styles = useStyles();
  const names = `${pair.mentor.displayName} mentors ${pair.mentee.displayName}`;
  return (
    <Card data-testid="proposed-pair" aria-label={names}>
      <CardHeader
        header={
          <Text weight="semibold">
            {pair.mentor.displayName} → {pair.mentee.displayName}
            {pair.coMentor !== null && ` (with ${pair.coMentor.displayName})`}
          </Text>
        }
        description={
          <Text size={200}>
            {pair.mentor.jobTitle}, {pair.mentor.department} → {pair.mentee.jobTitle}, {pair.mentee.department}
          </Text>
        }
        action={pair.locked ? <Badge appearance="tint">Locked</Badge> : undefined}
      />
      <ul className={styles.reasons} aria-label="Why they were paired">
        {pair.reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
      <div className={styles.actions}>
        <Checkbox checked={picked} onChange={onPick} label="Select to swap" disabled={busy || pair.locked} />
        <Button size="small" onClick={onLock} disabled={busy} aria-label={`${pair.locked ? 'Unlock' : 'Lock'} ${names}`}>
          {pair.locked ? 'Unlock' : 'Lock'}
        </Button>
        <Button size="small" onClick={onRemove} disabled={busy || pair.locked} aria-label={`Remove ${names}`}>
          Remove
        </Button>
      </div>
    </Card>
  );
}
