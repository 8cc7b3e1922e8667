import { Body1, Button, makeStyles, Spinner, Title2, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalXXL,
    maxWidth: '40rem',
  },
  title: { margin: 0 },
});

/** Props of {@link StatusPage}. */
export interface StatusPageProps {
  readonly title: string;
  readonly body?: string;
  readonly busy?: boolean;
  readonly action?: { readonly label: string; readonly onClick: () => void };
}

/** A whole-page message for the moments before the tab can show a view (signing in, signed out, failed). */
export function StatusPage({ title, body, busy, action }: StatusPageProps) {
  const styles = useStyles();
  return (
    <main className={styles.root} aria-busy={busy === true ? true : undefined}>
      <Title2 as="h1" className={styles.title}>
        {title}
      </Title2>
      {busy === true && <Spinner size="small" label="Please wait" />}
      {body !== undefined && <Body1 role={action !== undefined ? 'alert' : undefined}>{body}</Body1>}
      {action !== undefined && (
        <Button appearance="primary" onClick={action.onClick}>
          {action.label}
        </Button>
      )}
    </main>
  );
}
