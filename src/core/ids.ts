/**
 * Branded identifiers. A tenant id, a person's directory object id and a mailbox address are all
 * strings; mixing them up is a privacy bug (a query scoped by the wrong one), so the type system
 * keeps them apart.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

/** Entra tenant id (the `tid` claim). Every stored row that belongs to an organisation carries one. */
export type TenantId = Brand<string, 'TenantId'>;
/** Entra directory object id of a person (the `oid` claim, Graph `user.id`). */
export type UserId = Brand<string, 'UserId'>;
/** SMTP address of a mailbox, as getSchedule wants it. */
export type MailboxAddress = Brand<string, 'MailboxAddress'>;

export const tenantId = (value: string): TenantId => value as TenantId;
export const userId = (value: string): UserId => value as UserId;
export const mailboxAddress = (value: string): MailboxAddress => value.toLowerCase() as MailboxAddress;
