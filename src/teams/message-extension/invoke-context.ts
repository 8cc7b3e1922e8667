/** Who is asking, from an invoke activity: the tenant and the person's directory object id. */
import { tenantId as toTenantId, userId as toUserId, type TenantId, type UserId } from '../../core/ids.ts';
import { unauthenticated } from '../../core/errors.ts';

/** The parts of an activity the message extension reads to know who is asking. */
export interface InvokeCaller {
  readonly conversation?: { readonly tenantId?: string };
  readonly channelData?: { readonly tenant?: { readonly id?: string } } | undefined;
  readonly from: { readonly id: string; readonly aadObjectId?: string };
}

export interface Caller {
  readonly tenant: TenantId;
  readonly person: UserId;
}

/**
 * The caller. Only the Entra object id identifies a person (the `29:` id is per app), so an
 * activity without one is refused rather than guessed.
 * @throws UpwardError `unauthenticated` when the activity carries no object id.
 */
export function callerOf(activity: InvokeCaller, defaultTenantId: string): Caller {
  const objectId = activity.from.aadObjectId?.trim();
  if (!objectId) throw unauthenticated('Teams did not say who you are; sign in to Teams and try again.');
  const tenant = activity.conversation?.tenantId ?? activity.channelData?.tenant?.id ?? defaultTenantId;
  return { tenant: toTenantId(tenant.toLowerCase()), person: toUserId(objectId.toLowerCase()) };
}
