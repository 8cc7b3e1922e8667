/**
 * CSV text (RFC 4180) that is also safe to open in a spreadsheet: a cell starting with `=`, `+`,
 * `-`, `@`, a tab or a carriage return would run as a formula in Excel or Sheets (CSV injection),
 * so such a cell gets a leading apostrophe, which spreadsheets show as text.
 */

/** A cell's value; null and undefined become empty cells. */
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell, neutralised against formulas and quoted when it holds a comma, quote or line break. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  // Numbers are written as they are: a negative number is data, not a formula.
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows as CSV text with CRLF line ends (what RFC 4180 and Excel expect). */
export function csvText(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
