import { isMap, isScalar, isSeq, type Document, type LineCounter } from 'yaml';

/** A 1-based line and column in the source. */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
}

const startOf = (node: unknown): number | undefined => {
  const range = (node as { range?: readonly number[] } | null)?.range;
  return range?.[0];
};

/**
 * Where the value at `path` (as a validator reports it, e.g. `['people', 1, 'timeZone']`) is in
 * the parsed document: the line of its key for a map entry, of the item for a list entry. When the
 * path does not exist (a missing field) it points at the nearest node that does, i.e. the object
 * the field is missing from.
 */
export function locate(doc: Document, lines: LineCounter, path: readonly (string | number)[]): SourcePosition | undefined {
  let node: unknown = doc.contents;
  let offset = startOf(node);
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (isScalar(p.key) ? String(p.key.value) : String(p.key)) === String(segment));
      if (!pair) break;
      offset = startOf(pair.key) ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
      offset = startOf(node) ?? offset;
    } else {
      break;
    }
  }
  if (offset === undefined) return undefined;
  const { line, col } = lines.linePos(offset);
  return { line, column: col };
}
