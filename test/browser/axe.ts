import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** One accessibility problem axe found, reduced to what a failing test should print. */
export interface AxeProblem {
  readonly id: string;
  readonly impact: string;
  readonly help: string;
  readonly targets: readonly string[];
}

/**
 * Fluent UI v9's focus manager (tabster) puts invisible `<i tabindex="0" aria-hidden="true"
 * data-tabster-dummy>` elements at the edges of arrow-key groups such as TabList; they only pass
 * focus on and are hidden from screen readers on purpose, so axe's aria-hidden-focus rule misreads
 * them (microsoft/fluentui#27517, closed "by design"; microsoft/tabster#288). Only those elements
 * are left out; everything else on the page is checked.
 */
const TABSTER_DUMMIES = '[data-tabster-dummy]';

/**
 * Runs axe (all its rules, WCAG 2.x A and AA among them) on the page and returns the serious and
 * critical violations; an empty list means the page passes.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeProblem[]> {
  const results = await new AxeBuilder({ page }).exclude(TABSTER_DUMMIES).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(' ')),
    }));
}
