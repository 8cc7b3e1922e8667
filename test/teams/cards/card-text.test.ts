import { describe, expect, it } from 'vitest';
import { epochMs } from '../../../src/core/time.ts';
import { parseLocalDate } from '../../../src/core/time/local-date.ts';
import { cardDateTime, escapeCardText, localDateText, namesOf, typed } from '../../../src/teams/cards/card-text.ts';

describe('card text', () => {
  it('escapes markdown, HTML and the DATE function in typed text', () => {
    expect(escapeCardText('**bold** _it_ [a](http://b) `c` # h')).toBe('\\*\\*bold\\*\\* \\_it\\_ \\[a\\]\\(http://b\\) \\`c\\` \\# h');
    expect(escapeCardText('<script>alert(1)</script>')).toBe('\\<script\\>alert\\(1\\)\\</script\\>');
    expect(escapeCardText('{{DATE(2026-01-01T00:00:00Z, SHORT)}}')).not.toContain('{{DATE(');
    expect(escapeCardText('1. first\n- second')).toBe('1\\. first\n\\- second');
    expect(escapeCardText('a & b = c')).toBe('a \\& b \\= c');
  });

  it('tidies and cuts typed text before escaping it', () => {
    expect(typed('  a\r\n\r\n\r\n\r\nb  ')).toBe('a\n\nb');
    expect(typed('x'.repeat(30), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('joins names escaped', () => {
    expect(namesOf(['A_1'])).toBe('A\\_1');
    expect(namesOf(['A', 'B'])).toBe('A and B');
    expect(namesOf(['A', 'B', 'C'])).toBe('A, B and C');
    expect(namesOf([])).toBe('your partner');
  });

  it('writes times for the reader’s own zone and dates without a zone', () => {
    expect(cardDateTime(epochMs(Date.UTC(2026, 2, 29, 1, 30, 15, 500)))).toBe('{{DATE(2026-03-29T01:30:15Z, SHORT)}} at {{TIME(2026-03-29T01:30:15Z)}}');
    expect(localDateText(parseLocalDate('2026-03-03')!)).toBe('Tuesday 3 March 2026');
  });
});
