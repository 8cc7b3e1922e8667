import { FluentProvider, makeStyles, tokens } from '@fluentui/react-components';
import { useHost } from '../host/use-host.ts';
import { fluentTheme } from '../theme/fluent-theme.ts';
import { useThemeName } from '../theme/use-theme-name.ts';
import { Shell } from './shell.tsx';

const useStyles = makeStyles({
  root: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
});

/** The tab: Fluent UI in the host's theme around the shell. */
export function App() {
  const styles = useStyles();
  const host = useHost();
  const themeName = useThemeName(host);
  return (
    <FluentProvider theme={fluentTheme(themeName)} className={styles.root} data-theme={themeName}>
      <Shell host={host} />
    </FluentProvider>
  );
}
