import { makeStyles, tokens } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../api/api-client.ts';
import { createCaller } from '../api/caller.ts';
import { CallerContext } from '../api/caller-context.ts';
import { PROGRAM_ADMIN_ROLE } from '../api/program-admin-role.ts';
import type { AuthSession } from '../auth/auth-session.ts';
import { useView } from '../nav/use-view.ts';
import type { ViewName } from '../nav/view-name.ts';
import { PANEL_ID, tabIdFor, ViewNav } from '../nav/view-nav.tsx';
import { PersonalView } from '../views/personal-view.tsx';
import { ViewLoading } from '../views/view-loading.tsx';
import { TopBar } from './top-bar.tsx';
import { useMe } from './use-me.ts';

// The personal view is what almost everyone opens; the admin and manager views load on demand.
const AdminView = lazy(() => import('../views/admin-view.tsx'));
const ParticipationView = lazy(() => import('../views/participation-view.tsx'));

const TITLES: Record<ViewName, string> = { personal: 'My mentoring', admin: 'Program admin', participation: 'Participation' };

const useStyles = makeStyles({
  panel: { padding: tokens.spacingHorizontalXL, '@media (max-width: 480px)': { padding: tokens.spacingHorizontalM } },
});

/** Props of {@link Workspace}. */
export interface WorkspaceProps {
  readonly api: ApiClient;
  readonly session: AuthSession;
  readonly onSignOut: () => void;
}

/** The signed-in tab: top bar, the views the person may use, and the current view. */
export function Workspace({ api, session, onSignOut }: WorkspaceProps) {
  const styles = useStyles();
  const [attempt, setAttempt] = useState(0);
  const me = useMe(api, session, attempt);
  const { view, go, replace } = useView();
  const caller = useMemo(() => createCaller(api, session), [api, session]);

  const isAdmin = me.status === 'loaded' && me.profile.roles.includes(PROGRAM_ADMIN_ROLE);
  const views: ViewName[] = isAdmin ? ['personal', 'admin', 'participation'] : ['personal', 'participation'];

  // `?view=admin` from someone without the role: show their own page rather than a dead end.
  useEffect(() => {
    if (view === 'admin' && me.status !== 'loading' && !isAdmin) replace('personal');
  }, [view, me.status, isAdmin, replace]);

  useEffect(() => {
    document.title = `${TITLES[view]} · Upward`;
  }, [view]);

  const shown: ViewName = view === 'admin' && !isAdmin ? 'personal' : view;
  const waitingForRoles = view === 'admin' && me.status === 'loading';

  return (
    <>
      <TopBar personName={me.status === 'loaded' ? me.profile.displayName : undefined} onSignOut={session.canSignOut ? onSignOut : undefined} />
      <ViewNav views={views} selected={shown} onSelect={go} />
      <CallerContext.Provider value={caller}>
      <main className={styles.panel}>
        <div role="tabpanel" id={PANEL_ID} aria-labelledby={tabIdFor(shown)}>
          {waitingForRoles ? (
            <ViewLoading />
          ) : (
            <Suspense fallback={<ViewLoading />}>
              {shown === 'personal' && <PersonalView me={me} onRetry={() => setAttempt((a) => a + 1)} onSignIn={() => session.signIn()} />}
              {shown === 'admin' && <AdminView />}
              {shown === 'participation' && <ParticipationView />}
            </Suspense>
          )}
        </div>
      </main>
      </CallerContext.Provider>
    </>
  );
}
