import type { Count } from '../../../contracts/participation.ts';

/** A count as text, or "hidden" when the group is under the privacy minimum. */
export const countText = (count: Count): string => (count.shown ? String(count.value) : 'Hidden');

/** A count as a bar value (null when hidden). */
export const countValue = (count: Count): number | null => (count.shown ? count.value : null);
