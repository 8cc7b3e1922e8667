import type { DevDirectory } from '../directory/dev-directory.ts';
import type { DevPerson } from '../org/dev-person.ts';
import type { SignInCandidate } from './sign-in-page.ts';

const PAGE_LIMIT = 100;
const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The people the sign-in page lists: enabled accounts of the allowed tenants matching the search
 * (name, title, department, UPN, office), the hinted person first, then program admins, then
 * managers by seniority, then everyone else; at most 100.
 */
export function signInCandidates(
  directory: DevDirectory,
  tenantIds: readonly string[],
  query: string,
  loginHint: string | undefined,
): { shown: SignInCandidate[]; total: number } {
  const terms = fold(query).split(/\s+/).filter((t) => t !== '');
  const hint = loginHint?.toLowerCase();
  const matches: { candidate: SignInCandidate; rank: number; order: number }[] = [];
  let order = 0;
  for (const tenantId of tenantIds) {
    const organisation = directory.tenant(tenantId)?.displayName ?? tenantId;
    const managers = new Set(directory.managers(tenantId).map((m) => m.id));
    for (const person of directory.people(tenantId)) {
      order++;
      if (!person.accountEnabled) continue;
      if (terms.length > 0) {
        const haystack = fold(`${person.displayName} ${person.jobTitle} ${person.department} ${person.userPrincipalName} ${person.officeLocation}`);
        if (!terms.every((t) => haystack.includes(t))) continue;
      }
      const isManager = managers.has(person.id);
      matches.push({ candidate: { person, organisation, isManager }, rank: rankOf(person, isManager, hint), order });
    }
  }
  matches.sort((a, b) => a.rank - b.rank || a.order - b.order);
  return { shown: matches.slice(0, PAGE_LIMIT).map((m) => m.candidate), total: matches.length };
}

function rankOf(person: DevPerson, isManager: boolean, hint: string | undefined): number {
  if (hint !== undefined && (person.userPrincipalName.toLowerCase() === hint || person.id === hint)) return 0;
  if (person.isProgramAdmin) return 1;
  if (isManager) return 12 - person.level;
  return 20;
}
