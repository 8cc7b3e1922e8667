import { useState } from 'react';
import type { HostInfo } from '../host/detect-host.ts';
import { StatusPage } from './status-page.tsx';
import { useStartup } from './use-startup.ts';
import { Workspace } from './workspace.tsx';

/** Takes the tab from "just opened" to a signed-in workspace, with a clear page for every stop on the way. */
export function Shell({ host }: { readonly host: HostInfo | undefined }) {
  const [attempt, setAttempt] = useState(0);
  const startup = useStartup(host, attempt);
  const again = (): void => setAttempt((a) => a + 1);

  switch (startup.phase) {
    case 'starting':
      return <StatusPage busy title="Opening Upward…" />;
    case 'redirecting':
      return <StatusPage busy title="Taking you to sign in…" />;
    case 'signed-out': {
      const session = startup.session;
      return (
        <StatusPage title="You are signed out of Upward" body="Sign in to see your mentoring." action={{ label: 'Sign in', onClick: () => session.signIn() }} />
      );
    }
    case 'failed': {
      const session = startup.session;
      return (
        <StatusPage
          title="Upward could not start"
          body={startup.message}
          action={session !== undefined ? { label: 'Sign in again', onClick: () => session.signIn() } : { label: 'Try again', onClick: again }}
        />
      );
    }
    case 'ready': {
      const session = startup.session;
      return (
        <Workspace
          api={startup.api}
          session={session}
          onSignOut={() => {
            session.signOut();
            again();
          }}
        />
      );
    }
  }
}
