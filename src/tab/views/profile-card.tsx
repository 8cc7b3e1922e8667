import { Avatar, Caption1, Subtitle1, Text } from '@fluentui/react-components';
import type { Profile } from '../../contracts/me.ts';
import { localTimeIn } from '../format/local-time.ts';
import { describeWorkingHours } from '../format/working-hours.ts';
import { zoneLabel } from '../format/zone-label.ts';
import { ProfileField } from './profile-field.tsx';
import { ProfileFields } from './profile-fields.tsx';
import { ProfileFrame } from './profile-frame.tsx';
import { useNow } from './use-now.ts';

const HEADING_ID = 'upward-profile-name';

/** The signed-in person as the directory and their mailbox describe them. */
export function ProfileCard({ profile }: { readonly profile: Profile }) {
  const now = useNow(30_000);
  const localTime = localTimeIn(profile.timeZone.iana, now);
  const manager = profile.manager;
  return (
    <ProfileFrame
      labelledBy={HEADING_ID}
      avatar={<Avatar name={profile.displayName} size={56} aria-hidden />}
      names={
        <>
          <Subtitle1 as="h2" id={HEADING_ID} data-testid="profile-name">
            {profile.displayName}
          </Subtitle1>
          <Caption1 data-testid="profile-job-title">{profile.jobTitle ?? 'No job title in the directory'}</Caption1>
        </>
      }
    >
      <ProfileFields>
        <ProfileField label="Department">
          <span data-testid="profile-department">{profile.department ?? 'No department in the directory'}</span>
        </ProfileField>
        <ProfileField label="Manager">
          <span data-testid="profile-manager">
            {manager === null ? 'No manager in the directory' : manager.jobTitle === null ? manager.displayName : `${manager.displayName}, ${manager.jobTitle}`}
          </span>
        </ProfileField>
        <ProfileField label="Time zone" lines={2}>
          <span data-testid="profile-time-zone">{zoneLabel(profile.timeZone)}</span>
          {localTime !== undefined && (
            <Text size={200} data-testid="profile-local-time">
              It is {localTime} there now
            </Text>
          )}
        </ProfileField>
        <ProfileField label="Working hours">
          <span data-testid="profile-working-hours">{describeWorkingHours(profile)}</span>
        </ProfileField>
        <ProfileField label="Email">
          <span data-testid="profile-mail">{profile.mail ?? profile.userPrincipalName}</span>
        </ProfileField>
      </ProfileFields>
    </ProfileFrame>
  );
}
