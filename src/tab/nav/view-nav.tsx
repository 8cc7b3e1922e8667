import { makeStyles, Tab, TabList, tokens } from '@fluentui/react-components';
import type { ViewName } from './view-name.ts';

/** The id of the tab element for `view`, so the panel can name itself after it. */
export const tabIdFor = (view: ViewName): string => `upward-tab-${view}`;
/** The id of the panel showing the current view. */
export const PANEL_ID = 'upward-view-panel';

const LABELS: Record<ViewName, string> = {
  personal: 'My mentoring',
  admin: 'Program admin',
  participation: 'Participation',
};

const useStyles = makeStyles({
  nav: { paddingInline: tokens.spacingHorizontalL, backgroundColor: tokens.colorNeutralBackground1, borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
});

/** Props of {@link ViewNav}. */
export interface ViewNavProps {
  readonly views: readonly ViewName[];
  readonly selected: ViewName;
  readonly onSelect: (view: ViewName) => void;
}

/** Switches between the views the person may see; arrow keys move between tabs. */
export function ViewNav({ views, selected, onSelect }: ViewNavProps) {
  const styles = useStyles();
  return (
    <nav aria-label="Upward" className={styles.nav}>
      <TabList selectedValue={selected} onTabSelect={(_, data) => onSelect(data.value as ViewName)}>
        {views.map((view) => (
          <Tab key={view} value={view} id={tabIdFor(view)} aria-controls={PANEL_ID}>
            {LABELS[view]}
          </Tab>
        ))}
      </TabList>
    </nav>
  );
}
