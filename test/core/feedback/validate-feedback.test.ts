import { describe, expect, it } from 'vitest';
import { feedbackFormValues, formValuesOf, validateFeedback } from '../../../src/core/feedback/schema.ts';

const good = { happened: 'held', rating: '4', learned: ' How to prompt ', taught: 'Budgets', action: '', privateNote: '', shareWithPartner: 'false' };

describe('validateFeedback', () => {
  it('accepts card strings and normalises them', () => {
    expect(validateFeedback({ ...good, sessionId: 's1', submissionId: 'k' })).toEqual({
      ok: true,
      value: { happened: 'held', rating: 4, learned: 'How to prompt', taught: 'Budgets', action: '', privateNote: '', shareWithPartner: false },
    });
    expect(validateFeedback({ ...good, rating: 5, shareWithPartner: true })).toMatchObject({ ok: true, value: { rating: 5, shareWithPartner: true } });
    expect(validateFeedback({ happened: 'no-show' })).toEqual({
      ok: true,
      value: { happened: 'no-show', rating: null, learned: '', taught: '', action: '', privateNote: '', shareWithPartner: false },
    });
  });

  it('drops a rating of a session that did not happen', () => {
    expect(validateFeedback({ ...good, happened: 'rescheduled', rating: '2' })).toMatchObject({ ok: true, value: { rating: null } });
  });

  it.each([
    [{ ...good, rating: '' }, 'rating', /Rating is needed when the session was held/],
    [{ ...good, rating: undefined }, 'rating', /Rating is needed/],
    [{ ...good, rating: '6' }, 'rating', /Rating: choose a whole number from 1 to 5/],
    [{ ...good, rating: '0' }, 'rating', /Rating: choose a whole number from 1 to 5/],
    [{ ...good, rating: '3.5' }, 'rating', /Rating: choose a whole number from 1 to 5/],
    [{ ...good, rating: 'great' }, 'rating', /Rating: choose a whole number from 1 to 5/],
    [{ ...good, happened: 'maybe' }, 'happened', /Did the session happen\? Choose one of the three answers/],
    [{ ...good, happened: undefined }, 'happened', /Did the session happen/],
    [{ ...good, learned: 'x'.repeat(2001) }, 'learned', /What I learned is 2,001 characters long; the limit is 2,000/],
    [{ ...good, taught: 'y'.repeat(5000) }, 'taught', /What I taught is 5,000 characters long/],
    [{ ...good, action: 'z'.repeat(2001) }, 'action', /One action I'll take is 2,001 characters/],
    [{ ...good, privateNote: 'n'.repeat(2001) }, 'privateNote', /Private note is 2,001 characters/],
    [{ ...good, learned: 42 }, 'learned', /What I learned: expected text/],
    [{ ...good, shareWithPartner: 'yes' }, 'shareWithPartner', /Share with my partner: expected on or off/],
  ])('names the field at fault: %#', (input, field, message) => {
    const result = validateFeedback(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.field).toBe(field);
    expect(result.errors[0]!.message).toMatch(message);
  });

  it('reports every bad field at once, one error each, in the order of the form', () => {
    const result = validateFeedback({ rating: '9', learned: 'x'.repeat(2001), privateNote: 'p'.repeat(2001), happened: 'nope' });
    expect(result).toMatchObject({ ok: false });
    if (result.ok) return;
    expect(result.errors.map((e) => e.field)).toEqual(['happened', 'rating', 'learned', 'privateNote']);
    const missing = validateFeedback({ happened: 'held', learned: 'x'.repeat(2001) });
    expect(missing.ok ? [] : missing.errors.map((e) => e.field)).toEqual(['rating', 'learned']);
  });

  it('accepts exactly 2,000 characters, counted after trimming', () => {
    expect(validateFeedback({ ...good, learned: `  ${'x'.repeat(2000)}  ` }).ok).toBe(true);
  });

  it('treats anything that is not an object as an empty form', () => {
    const result = validateFeedback('held');
    expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual(['happened']);
  });
});

describe('form values for re-rendering', () => {
  it('keeps what was typed as strings, and the toggle as a boolean', () => {
    expect(feedbackFormValues({ happened: 'held', rating: 7, learned: '<b>', shareWithPartner: 'true', extra: {} })).toEqual({
      happened: 'held',
      rating: '7',
      learned: '<b>',
      taught: undefined,
      action: undefined,
      privateNote: undefined,
      shareWithPartner: true,
    });
    expect(feedbackFormValues(null).shareWithPartner).toBe(false);
  });

  it('round-trips a stored submission into the form', () => {
    const result = validateFeedback(good);
    if (!result.ok) throw new Error('expected ok');
    expect(validateFeedback(formValuesOf(result.value))).toEqual(result);
  });
});
