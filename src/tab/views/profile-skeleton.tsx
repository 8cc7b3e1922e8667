import { makeStyles, Skeleton, SkeletonItem, tokens } from '@fluentui/react-components';
import { ProfileField } from './profile-field.tsx';
import { ProfileFields } from './profile-fields.tsx';
import { ProfileFrame } from './profile-frame.tsx';

const useStyles = makeStyles({
  name: { width: '14rem', height: tokens.lineHeightBase500 },
  title: { width: '10rem', height: tokens.lineHeightBase200 },
  line: { width: '16rem', maxWidth: '100%', height: tokens.lineHeightBase300 },
  hidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** The profile card's shape while it loads: the same frame and rows, so nothing moves when it arrives. */
export function ProfileSkeleton() {
  const styles = useStyles();
  return (
    <ProfileFrame
      busy
      avatar={
        <Skeleton aria-hidden>
          <SkeletonItem shape="circle" size={56} />
        </Skeleton>
      }
      names={
        <>
          <span className={styles.hidden} role="status">
            Loading your profile…
          </span>
          <Skeleton aria-hidden>
            <SkeletonItem className={styles.name} />
          </Skeleton>
          <Skeleton aria-hidden>
            <SkeletonItem className={styles.title} />
          </Skeleton>
        </>
      }
    >
      <ProfileFields>
        {(['Department', 'Manager', 'Time zone', 'Working hours', 'Email'] as const).map((label) => (
          <ProfileField key={label} label={label} lines={label === 'Time zone' ? 2 : 1}>
            <Skeleton aria-hidden>
              <SkeletonItem className={styles.line} />
            </Skeleton>
          </ProfileField>
        ))}
      </ProfileFields>
    </ProfileFrame>
  );
}
