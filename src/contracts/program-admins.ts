/** Who runs a program, as `GET /api/programs/:id/admins` and its edits answer. */

/** How the signed-in admin stands with a program: its owner, a co-admin, or any admin while nobody has claimed it. */
export type AdminAccess = 'owner' | 'co-admin' | 'unclaimed';

/** One person who runs a program. */
export interface ProgramAdminView {
  readonly userId: string;
  /** The directory name when they were added; null for programs that predate ownership. */
  readonly displayName: string | null;
  readonly role: 'owner' | 'co-admin';
  readonly addedAt: string;
}

export interface ProgramAdminList {
  readonly myAccess: AdminAccess;
  readonly admins: readonly ProgramAdminView[];
}
