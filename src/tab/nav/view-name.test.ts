import { describe, expect, it } from 'vitest';
import { searchWithView, viewFromSearch } from './view-name.ts';

describe('view parameter', () => {
  it('reads known views and falls back to the personal view', () => {
    expect(viewFromSearch('?view=admin')).toBe('admin');
    expect(viewFromSearch('?view=participation&theme=dark')).toBe('participation');
    expect(viewFromSearch('?view=root')).toBe('personal');
    expect(viewFromSearch('')).toBe('personal');
  });

  it('writes the view and keeps the other parameters', () => {
    expect(searchWithView('?host=teams&theme=dark', 'admin')).toBe('?host=teams&theme=dark&view=admin');
    expect(searchWithView('?view=admin&host=teams', 'personal')).toBe('?host=teams');
    expect(searchWithView('?view=admin', 'personal')).toBe('');
  });
});
