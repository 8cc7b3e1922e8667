import { Body1, makeStyles, Title2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalL },
  title: { margin: 0 },
  lead: { color: tokens.colorNeutralForeground2 },
});

/** Props of {@link ViewHeading}. */
export interface ViewHeadingProps {
  readonly title: string;
  readonly children?: ReactNode;
}

/** The one h1 of a view, with a line saying what the view is for. */
export function ViewHeading({ title, children }: ViewHeadingProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Title2 as="h1" className={styles.title}>
        {title}
      </Title2>
      {children !== undefined && <Body1 className={styles.lead}>{children}</Body1>}
    </header>
  );
}
