import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  figure: { margin: 0, display: 'grid', gap: tokens.spacingVerticalS, maxWidth: '44rem' },
  caption: { fontWeight: tokens.fontWeightSemibold },
  row: { display: 'grid', gridTemplateColumns: 'minmax(6rem, 12rem) 1fr 4rem', alignItems: 'center', gap: tokens.spacingHorizontalM },
  track: { height: '16px', backgroundColor: tokens.colorNeutralBackground3, borderRadius: tokens.borderRadiusSmall, overflow: 'hidden' },
  // Forced-colours mode drops background colours; the border keeps the bar visible there.
  bar: { height: '100%', backgroundColor: tokens.colorBrandBackground, border: `1px solid ${tokens.colorTransparentStroke}`, boxSizing: 'border-box' },
  value: { textAlign: 'end', fontVariantNumeric: 'tabular-nums' },
});

/** One bar: its label and value; `note` replaces the value when it is hidden. */
export interface Bar {
  readonly label: string;
  readonly value: number | null;
  readonly note?: string;
}

/**
 * A horizontal bar chart that is also its own data table for assistive technology: each bar is a
 * row with its label and number as text, the graphic part is hidden from screen readers.
 */
export function BarChart({ title, bars, testId }: { readonly title: string; readonly bars: readonly Bar[]; readonly testId?: string }) {
  const styles = useStyles();
  const max = Math.max(1, ...bars.map((b) => b.value ?? 0));
  return (
    <figure className={styles.figure} data-testid={testId}>
      <figcaption className={styles.caption}>{title}</figcaption>
      <table aria-label={title} style={{ borderCollapse: 'collapse' }}>
        <tbody>
          {bars.map((bar) => (
            <tr key={bar.label} className={styles.row}>
              <th scope="row" style={{ textAlign: 'start', fontWeight: 'normal' }}>
                {bar.label}
              </th>
              <td aria-hidden="true" className={styles.track}>
                <div className={styles.bar} style={{ width: `${((bar.value ?? 0) / max) * 100}%` }} />
              </td>
              <td className={styles.value}>{bar.value === null ? (bar.note ?? 'hidden') : bar.value}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
