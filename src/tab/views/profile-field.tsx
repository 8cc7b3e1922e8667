import { makeStyles, mergeClasses, tokens, typographyStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  term: { ...typographyStyles.body1Strong, color: tokens.colorNeutralForeground2 },
  value: { ...typographyStyles.body1, margin: 0, display: 'flex', flexDirection: 'column', minHeight: tokens.lineHeightBase300 },
  // Reserves the same height while loading and when loaded, so nothing jumps.
  twoLines: { minHeight: `calc(2 * ${tokens.lineHeightBase300})` },
});

/** Props of {@link ProfileField}. */
export interface ProfileFieldProps {
  readonly label: string;
  /** Lines of text the value takes, reserved while it loads. */
  readonly lines?: 1 | 2;
  readonly children: ReactNode;
}

/** One row of {@link ProfileFields}: the label and its value. */
export function ProfileField({ label, lines = 1, children }: ProfileFieldProps) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>{label}</dt>
      <dd className={mergeClasses(styles.value, lines === 2 && styles.twoLines)}>{children}</dd>
    </>
  );
}
