import { Caption1, Spinner } from '@fluentui/react-components';
import type { DirectoryProfile } from '../../../contracts/enrolments.ts';
import type { Loaded } from '../common/use-load.ts';
import { LoadError } from '../load-error.tsx';

/** What the directory says about the person, shown so they can check it (it is not typed in the form). */
export function PrefillSummary({ state, onRetry }: { readonly state: Loaded<DirectoryProfile>; readonly onRetry: () => void }) {
  if (state.status === 'loading') return <Spinner size="tiny" label="Reading your directory profile…" />;
  if (state.status === 'failed') return <LoadError error={state.error} what="your directory profile" onRetry={onRetry} onSignIn={onRetry} />;
  const p = state.value;
  return (
    <Caption1 data-testid="enrolment-prefill">
      From your directory: {p.displayName}, {p.jobTitle || 'no job title'}, {p.department || 'no department'}; time zone {p.timeZone}. Your partner sees your name, title,
      department, time zone and answers; never your manager chain or private choices.
    </Caption1>
  );
}
