import { Body1Strong, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
    paddingBlock: tokens.spacingVerticalS,
    paddingInline: tokens.spacingHorizontalL,
    minHeight: '40px',
    backgroundColor: tokens.colorNeutralBackground1,
  },
  who: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalM },
});

/** Props of {@link TopBar}. */
export interface TopBarProps {
  /** The signed-in person's name, once known. */
  readonly personName: string | undefined;
  /** Present only where signing out means something (a plain browser). */
  readonly onSignOut: (() => void) | undefined;
}

/** The app's name, who is signed in, and "Sign out". */
export function TopBar({ personName, onSignOut }: TopBarProps) {
  const styles = useStyles();
  return (
    <header className={styles.root}>
      <Body1Strong>Upward</Body1Strong>
      <div className={styles.who}>
        {personName !== undefined && <Caption1 data-testid="signed-in-as">Signed in as {personName}</Caption1>}
        {onSignOut !== undefined && (
          <Button appearance="subtle" size="small" onClick={onSignOut}>
            Sign out
          </Button>
        )}
      </div>
    </header>
  );
}
