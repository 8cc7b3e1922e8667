import { Body1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingVerticalXL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground1,
    maxWidth: '40rem',
  },
  title: { margin: 0 },
});

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  readonly title: string;
  readonly children: ReactNode;
}

/** A section with nothing in it yet, saying why and what will appear. */
export function EmptyState({ title, children }: EmptyStateProps) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      <Subtitle2 as="h2" className={styles.title}>
        {title}
      </Subtitle2>
      <Body1>{children}</Body1>
    </section>
  );
}
