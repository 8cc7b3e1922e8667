import { MessageBar, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { ApiError } from '../../api/api-error.ts';

/** What went wrong with an action the person took, with the server's own words and what to do next. */
export function ActionError({ error, what }: { readonly error: unknown; readonly what: string }) {
  if (error === undefined || error === null) return null;
  const message = error instanceof Error ? error.message : String(error);
  const next =
    error instanceof ApiError && error.status === 0
      ? 'Check your connection and try again.'
      : error instanceof ApiError && error.status === 409
        ? 'Reload to see the current state, then try again.'
        : error instanceof ApiError && error.status === 403
          ? 'Ask your Upward administrator for access.'
          : 'Correct what is marked and try again.';
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>Could not {what}.</MessageBarTitle> {message} {next}
      </MessageBarBody>
    </MessageBar>
  );
}
