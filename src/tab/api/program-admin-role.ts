import type { ProgramAdminRole } from '../../contracts/me.ts';

/** The app role that unlocks the program admin view (the server checks the same role on every admin route). */
export const PROGRAM_ADMIN_ROLE: ProgramAdminRole = 'Upward.ProgramAdmin';
