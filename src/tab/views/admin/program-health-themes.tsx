import { Body1, Caption1, makeStyles, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, tokens } from '@fluentui/react-components';
import type { ProgramHealth } from '../../../contracts/program-health.ts';

const useStyles = makeStyles({
  hidden: { margin: 0, color: tokens.colorNeutralForeground2 },
  included: { display: 'block', color: tokens.colorNeutralForeground3 },
});

/**
 * Ratings by theme as the server sends them: it alone decides what is shown, folded or hidden
 * (never a group under the minimum), so this only lays out what arrived, or says why nothing did.
 */
export function ProgramHealthThemes({ themes, minGroupSize }: { readonly themes: ProgramHealth['feedback']['themes']; readonly minGroupSize: number }) {
  const styles = useStyles();
  if (!themes.shown) {
    return (
      <Body1 as="p" className={styles.hidden} data-testid="themes-hidden">
        Ratings by theme: {themes.reason}.
      </Body1>
    );
  }
  const other = themes.other;
  return (
    <Table aria-label="Ratings by theme" size="small" data-testid="themes">
      <TableHeader>
        <TableRow>
          <TableHeaderCell>Theme</TableHeaderCell>
          <TableHeaderCell>Sessions held</TableHeaderCell>
          <TableHeaderCell>People who rated</TableHeaderCell>
          <TableHeaderCell>Average rating</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {themes.themes.map((t) => (
          <TableRow key={t.theme}>
            <TableCell>{t.theme}</TableCell>
            <TableCell>{t.sessions}</TableCell>
            <TableCell>{t.people}</TableCell>
            <TableCell>{t.average} / 5</TableCell>
          </TableRow>
        ))}
        {other !== null && (
          <TableRow>
            <TableCell>
              {themes.themes.length === 0 ? 'All themes together' : 'Other themes'}
              <Caption1 className={styles.included}>
                {other.themes.join(', ')}: shown only together, so that no theme rated by fewer than {minGroupSize} people can be worked out.
              </Caption1>
            </TableCell>
            <TableCell>{other.sessions}</TableCell>
            <TableCell>{other.people}</TableCell>
            <TableCell>{other.average} / 5</TableCell>
          </TableRow>
        )}
      </TableBody>
    </Table>
  );
}
