import { makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, marginTop: tokens.spacingVerticalXL, marginBottom: tokens.spacingVerticalXL },
  head: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM, flexWrap: 'wrap', minHeight: '32px' },
  title: { margin: 0 },
});

/** A titled part of a view (an `h2` section) with optional actions beside the title. */
export function Section({ title, actions, children, testId }: { readonly title: string; readonly actions?: ReactNode; readonly children: ReactNode; readonly testId?: string }) {
  const styles = useStyles();
  const id = `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className={styles.root} aria-labelledby={id} data-testid={testId}>
      <div className={styles.head}>
        <Subtitle2 as="h2" id={id} className={styles.title}>
          {title}
        </Subtitle2>
        {actions}
      </div>
      {children}
    </section>
  );
}
