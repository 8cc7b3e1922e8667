import type { MeState } from '../shell/me-state.ts';
import { LoadError } from './load-error.tsx';
import { MyMentoring } from './mine/my-mentoring.tsx';
import { ProfileCard } from './profile-card.tsx';
import { ProfileSkeleton } from './profile-skeleton.tsx';
import { ViewHeading } from './view-heading.tsx';

/** Props of {@link PersonalView}. */
export interface PersonalViewProps {
  readonly me: MeState;
  readonly onRetry: () => void;
  readonly onSignIn: () => void;
}

/** "My mentoring": the participant's own page. */
export function PersonalView({ me, onRetry, onSignIn }: PersonalViewProps) {
  return (
    <>
      <ViewHeading title="My mentoring">
        Your details from your organisation&apos;s directory and your Outlook settings. Upward uses your time zone and
        working hours to find session times that suit you and your pair.
      </ViewHeading>
      {me.status === 'loading' && <ProfileSkeleton />}
      {me.status === 'loaded' && <ProfileCard profile={me.profile} />}
      {me.status === 'failed' && <LoadError error={me.error} what="your profile" onRetry={onRetry} onSignIn={onSignIn} />}
      {me.status === 'loaded' && <MyMentoring onSignIn={onSignIn} viewerZone={me.profile.timeZone.iana} />}
    </>
  );
}
