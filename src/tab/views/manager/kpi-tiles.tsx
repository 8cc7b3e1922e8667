import { Card, Caption1, makeStyles, Title3, tokens } from '@fluentui/react-components';
import type { ParticipationGroup } from '../../../contracts/participation.ts';
import { countText } from './count-text.ts';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(9rem, 1fr))', gap: tokens.spacingHorizontalM, maxWidth: '44rem' },
  tile: { minHeight: '72px' },
});

/** The org's headline counts. */
export function KpiTiles({ org }: { readonly org: ParticipationGroup }) {
  const styles = useStyles();
  const tiles = [
    ['People in your org', org.people],
    ['Enrolled', org.enrolled],
    ['Paired', org.paired],
    ['Sessions held', org.sessionsHeld],
  ] as const;
  return (
    <div className={styles.grid} data-testid="participation-kpis">
      {tiles.map(([label, count]) => (
        <Card key={label} className={styles.tile} aria-label={`${label}: ${countText(count)}`}>
          <Caption1>{label}</Caption1>
          <Title3 as="p" style={{ margin: 0 }}>
            {countText(count)}
          </Title3>
        </Card>
      ))}
    </div>
  );
}
