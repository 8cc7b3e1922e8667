import { makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  list: {
    display: 'grid',
    gridTemplateColumns: 'minmax(8rem, max-content) 1fr',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalM,
    margin: 0,
    '@media (max-width: 480px)': { gridTemplateColumns: '1fr', rowGap: tokens.spacingVerticalXS },
  },
});

/** A labelled list of facts about a person (a `dl` of {@link ProfileField} rows); the skeleton and the card share it. */
export function ProfileFields({ children }: { readonly children: ReactNode }) {
  const styles = useStyles();
  return <dl className={styles.list}>{children}</dl>;
}
