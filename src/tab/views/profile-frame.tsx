import { Card, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  card: { maxWidth: '44rem', padding: tokens.spacingHorizontalXL, rowGap: tokens.spacingVerticalL },
  header: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalL, minHeight: '56px' },
  // Headings inside keep the browser's default margins out of the fixed layout.
  names: { display: 'flex', flexDirection: 'column', rowGap: tokens.spacingVerticalXXS, minWidth: 0, '& > h2': { margin: 0 } },
});

/** Props of {@link ProfileFrame}. */
export interface ProfileFrameProps {
  readonly avatar: ReactNode;
  readonly names: ReactNode;
  readonly children: ReactNode;
  readonly labelledBy?: string;
  readonly busy?: boolean;
}

/** The profile card's fixed layout, shared by the card and its loading skeleton. */
export function ProfileFrame({ avatar, names, children, labelledBy, busy }: ProfileFrameProps) {
  const styles = useStyles();
  return (
    <section aria-labelledby={labelledBy} aria-busy={busy === true ? true : undefined} data-testid="profile-card">
      <Card className={styles.card} appearance="filled">
        <div className={styles.header}>
          {avatar}
          <div className={styles.names}>{names}</div>
        </div>
        {children}
      </Card>
    </section>
  );
}
