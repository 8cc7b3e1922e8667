import { Subtitle2 } from '@fluentui/react-components';
import type { PersonLabel } from '../../../contracts/matching.ts';

/** Everyone the matcher could not pair, each with the reason in words. */
export function UnmatchedList({ unmatched }: { readonly unmatched: readonly (PersonLabel & { readonly reason: string })[] }) {
  if (unmatched.length === 0) return <p>Everyone available was paired.</p>;
  return (
    <div data-testid="unmatched">
      <Subtitle2 as="h3">Not paired ({unmatched.length})</Subtitle2>
      <ul>
        {unmatched.map((u) => (
          <li key={u.userId}>
            <strong>{u.displayName}</strong> ({u.role}, {u.department}): {u.reason}
          </li>
        ))}
      </ul>
    </div>
  );
}
