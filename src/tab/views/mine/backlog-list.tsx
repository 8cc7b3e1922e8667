import { Body1, Caption1, Link, makeStyles, tokens } from '@fluentui/react-components';
import type { BacklogItem } from '../../../contracts/backlog.ts';
import { formatDate } from '../common/format-date.ts';
import { EmptyState } from '../empty-state.tsx';
import { BacklogForm } from './backlog-form.tsx';

const useStyles = makeStyles({
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, display: 'grid', gap: tokens.spacingVerticalXS, maxWidth: '44rem' },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
});

/** Props of {@link BacklogList}. */
export interface BacklogListProps {
  readonly pairingId: string;
  readonly items: readonly BacklogItem[];
  readonly partnerName: string;
  /** Called with an item this person just added, to show it without reloading. */
  readonly onAdded: (item: BacklogItem) => void;
}

/** The pair's shared agenda backlog, open items first, then covered ones, and a form to add to it. */
export function BacklogList({ pairingId, items, partnerName, onAdded }: BacklogListProps) {
  return (
    <>
      <BacklogItems items={items} partnerName={partnerName} />
      <BacklogForm pairingId={pairingId} partnerName={partnerName} onAdded={onAdded} />
    </>
  );
}

function BacklogItems({ items, partnerName }: { readonly items: readonly BacklogItem[]; readonly partnerName: string }) {
  const styles = useStyles();
  if (items.length === 0) {
    return (
      <EmptyState title="Nothing on your backlog">
        Add something below, or a Teams message with &quot;Add to our agenda&quot;; you and {partnerName} both see it here.
      </EmptyState>
    );
  }
  return (
    <ul className={styles.list} aria-label={`Agenda backlog with ${partnerName}`} data-testid="my-backlog">
      {items.map((item) => (
        <li key={item.id}>
          <Body1 className={item.done ? styles.done : undefined}>{item.link === null ? item.text : <Link href={item.link} target="_blank" rel="noreferrer">{item.text}</Link>}</Body1>{' '}
          <Caption1>
            {item.done ? 'Covered · ' : ''}added by {item.addedByMe ? 'you' : partnerName} on {formatDate(item.addedAt)}
          </Caption1>
        </li>
      ))}
    </ul>
  );
}
