import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument } from 'yaml';
import { fieldErrors, formatPath } from '../throttling/field-errors.ts';
import { ScenarioError, type ScenarioIssue } from './scenario-error.ts';
import { scenarioOrganisation, type ScenarioOrganisation } from './scenario-organisation.ts';
import { checkScenarioReferences } from './scenario-references.ts';
import { scenarioSchema } from './scenario-schema.ts';
import { locate } from './yaml-locate.ts';

/**
 * Parses and validates a scenario (YAML, or JSON, which is YAML too) and builds its organisation
 * for `tenantId`. Throws a ScenarioError naming the line and field of every problem: a syntax
 * error, a missing or mistyped field, an unknown zone, a manager or attendee who is not in the
 * file, a cycle of managers.
 */
export function parseScenario(text: string, options: { tenantId: string; fileName?: string }): ScenarioOrganisation {
  const file = options.fileName ?? 'scenario';
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    throw new ScenarioError(
      file,
      doc.errors.map((e): ScenarioIssue => ({
        line: e.linePos?.[0].line,
        column: e.linePos?.[0].col,
        field: '(syntax)',
        // The pretty message repeats the position and quotes the source; the first line says what is wrong.
        message: e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''),
      })),
    );
  }
  const located = (path: readonly (string | number)[], field: string, message: string): ScenarioIssue => {
    const at = locate(doc, lines, path);
    return { line: at?.line, column: at?.column, field, message };
  };
  const byLine = (a: ScenarioIssue, b: ScenarioIssue): number => (a.line ?? 0) - (b.line ?? 0);

  const parsed = scenarioSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) throw new ScenarioError(file, fieldErrors(parsed.error).map((f) => located(f.path, f.field, f.message)).sort(byLine));
  // References are checked only on a well-formed file: they rely on its fields being valid.
  const references = checkScenarioReferences(parsed.data);
  if (references.length > 0) throw new ScenarioError(file, references.map((r) => located(r.path, formatPath(r.path), r.message)).sort(byLine));
  return scenarioOrganisation(parsed.data, options.tenantId.toLowerCase());
}

/** Reads a scenario file (path relative to the working directory) and parses it; see parseScenario. */
export async function loadScenarioFile(path: string, options: { tenantId: string }): Promise<ScenarioOrganisation> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    throw new ScenarioError(path, [{ line: undefined, column: undefined, field: '(file)', message: reason }]);
  }
  return parseScenario(text, { tenantId: options.tenantId, fileName: path });
}
