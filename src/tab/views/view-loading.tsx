import { makeStyles, Spinner, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({ root: { paddingBlock: tokens.spacingVerticalXXL } });

/** Shown while a view's code is on its way. */
export function ViewLoading() {
  const styles = useStyles();
  return <Spinner className={styles.root} size="small" label="Loading…" />;
}
