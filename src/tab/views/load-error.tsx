import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { describeLoadError } from './load-error-text.ts';

/** Props of {@link LoadError}. */
export interface LoadErrorProps {
  readonly error: unknown;
  /** What failed to load, e.g. "your profile". */
  readonly what: string;
  readonly onRetry: () => void;
  readonly onSignIn: () => void;
}

/** A failed load, said plainly, with the next step as a button. */
export function LoadError({ error, what, onRetry, onSignIn }: LoadErrorProps) {
  const text = describeLoadError(error, what);
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{text.title}</MessageBarTitle> {text.body}
      </MessageBarBody>
      <MessageBarActions>
        {text.action === 'sign-in' ? (
          <Button appearance="primary" onClick={onSignIn}>
            Sign in again
          </Button>
        ) : (
          <Button appearance="primary" onClick={onRetry}>
            Try again
          </Button>
        )}
      </MessageBarActions>
    </MessageBar>
  );
}
