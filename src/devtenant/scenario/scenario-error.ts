/** One problem in a scenario file, with where it is. */
export interface ScenarioIssue {
  /** 1-based; undefined only when the file has no node to point at. */
  readonly line: number | undefined;
  readonly column: number | undefined;
  /** The field at fault, e.g. `people[1].timeZone` (`(root)` for the whole file, `(syntax)` for a parse error). */
  readonly field: string;
  readonly message: string;
}

/** Most issues shown in the message; the rest are counted. */
const SHOWN = 10;

/**
 * A scenario file that cannot be loaded. The message names the file, and for each issue its line,
 * column and field, e.g.
 * `team.yaml line 14, column 15: people[1].timeZone: unknown time zone 'Asia/Katmandoo' (...)`.
 */
export class ScenarioError extends Error {
  readonly file: string;
  readonly issues: readonly ScenarioIssue[];

  constructor(file: string, issues: readonly ScenarioIssue[]) {
    const lines = issues.slice(0, SHOWN).map((i) => `  ${formatIssue(file, i)}`);
    if (issues.length > SHOWN) lines.push(`  ... and ${issues.length - SHOWN} more`);
    super(`Scenario file ${file} is invalid:\n${lines.join('\n')}`);
    this.name = 'ScenarioError';
    this.file = file;
    this.issues = issues;
  }
}

function formatIssue(file: string, issue: ScenarioIssue): string {
  const where = issue.line === undefined ? file : `${file} line ${issue.line}${issue.column === undefined ? '' : `, column ${issue.column}`}`;
  return `${where}: ${issue.field}: ${issue.message}`;
}
