/**
 * Seniority for matching. The directory has no grade field, so the level comes from the reporting
 * line: the fewer managers above a person, the more senior they are. The top of the tree (the
 * chief executive) gets {@link TOP_SENIORITY_LEVEL}; each manager above a person takes one level
 * off. So "a gap of 2 levels" means "at least two steps higher up the org chart", which an admin
 * can check on the chart itself.
 *
 * Job titles are deliberately not used: they are free text that differs between organisations
 * and languages, and a keyword list ("Senior", "Lead", "Director") would let a title outrank the
 * reporting line in ways nobody can explain. People at the same depth are therefore equally
 * senior, and never paired as mentor and mentee (the gap must be at least one level).
 */

/** Level of the top of the tree; deep enough that real org charts never reach the floor of 1. */
export const TOP_SENIORITY_LEVEL = 20;

/**
 * The seniority level of someone with `managersAbove` managers above them (the length of their
 * manager chain). Higher is more senior; never below 1.
 */
export function seniorityFromDepth(managersAbove: number): number {
  return Math.max(1, TOP_SENIORITY_LEVEL - Math.max(0, Math.floor(managersAbove)));
}
