import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.ts';
import { fieldErrorsFor } from './field-errors.ts';

describe('fieldErrorsFor', () => {
  it('puts each API field error under the form field it belongs to', () => {
    const error = new ApiError(400, 'bad_input', 'Invalid program', [
      { field: 'term.end', message: 'The term must end after it starts' },
      { field: 'topicTracks.1', message: '"AI" is listed twice' },
      { field: 'name', message: 'Name is required' },
      { field: 'input', message: 'Unknown field "x"' },
    ]);
    expect(fieldErrorsFor(error, ['name', 'topicTracks', 'term.start', 'term.end'])).toEqual({
      'term.end': 'The term must end after it starts',
      topicTracks: '"AI" is listed twice',
      name: 'Name is required',
      '': 'Unknown field "x"',
    });
  });

  it('has nothing to say about errors that are not API answers', () => {
    expect(fieldErrorsFor(new Error('boom'), ['name'])).toEqual({});
  });
});
