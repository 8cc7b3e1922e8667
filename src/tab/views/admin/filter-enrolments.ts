import type { EnrolmentStatus, Role, SharedEnrolment } from '../../../contracts/enrolments.ts';

/** The enrolment list's filters; empty means "any". */
export interface EnrolmentFilter {
  readonly role: Role | '';
  readonly status: EnrolmentStatus | '';
  readonly text: string;
}

/** The enrolments matching every filter; `text` matches name, job title, department and topics, case-insensitively. */
export function filterEnrolments(all: readonly SharedEnrolment[], filter: EnrolmentFilter): SharedEnrolment[] {
  const needle = filter.text.trim().toLowerCase();
  return all.filter(
    (e) =>
      (filter.role === '' || e.role === filter.role) &&
      (filter.status === '' || e.status === filter.status) &&
      (needle === '' ||
        [e.displayName, e.jobTitle, e.department, ...e.canTeach, ...e.wantsToLearn].some((field) => field.toLowerCase().includes(needle))),
  );
}
