import { makeStyles } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' },
});

/** Text for screen readers only (a table header of a column of buttons, a live status). */
export function VisuallyHidden({ children }: { readonly children: ReactNode }) {
  return <span className={useStyles().root}>{children}</span>;
}
