/**
 * Departments, the divisions that group them under a chief, and job titles by seniority level.
 * Level 1 is a graduate, 10 the chief executive; titles follow the usual ladder
 * Graduate / Associate / – / Senior / Lead (individual contributors, 1–5), then Manager /
 * Senior Manager / Director / Chief (people managers, 6–9).
 */
export interface Department {
  readonly name: string;
  /** Individual-contributor role noun, e.g. "Software Engineer". */
  readonly role: string;
  /** First-line manager title, e.g. "Engineering Manager". */
  readonly manager: string;
  /** What a director here is director of, e.g. "Director of Engineering". */
  readonly area: string;
}

export interface Division {
  /** The chief's title. */
  readonly chief: string;
  /** Departments in this division; a division head's direct reports alternate over them. */
  readonly departments: readonly Department[];
  /** Span of control of managers here (3..8 overall). */
  readonly span: readonly [number, number];
}

const dept = (name: string, role: string, manager: string, area: string): Department => ({ name, role, manager, area });

export const HR_DEPARTMENT = 'Human Resources';
export const EXECUTIVE_DEPARTMENT = 'Executive';

/**
 * Divisions in the order a small organisation gets them: People comes early so that even a
 * 20-person company has an HR team to hold the program admins.
 */
export const DIVISIONS: readonly Division[] = [
  { chief: 'Chief Technology Officer', departments: [dept('Engineering', 'Software Engineer', 'Engineering Manager', 'Engineering')], span: [5, 8] },
  { chief: 'Chief People Officer', departments: [dept(HR_DEPARTMENT, 'People Partner', 'HR Manager', 'People & Culture')], span: [3, 5] },
  {
    chief: 'Chief Revenue Officer',
    departments: [
      dept('Sales', 'Account Executive', 'Sales Manager', 'Sales'),
      dept('Customer Success', 'Customer Success Specialist', 'Customer Success Team Manager', 'Customer Success'),
    ],
    span: [4, 8],
  },
  { chief: 'Chief Product Officer', departments: [dept('Product', 'Product Manager', 'Group Product Manager', 'Product')], span: [3, 6] },
  {
    chief: 'Chief Financial Officer',
    departments: [dept('Finance', 'Financial Analyst', 'Finance Manager', 'Finance'), dept('Legal', 'Legal Counsel', 'Legal Operations Manager', 'Legal')],
    span: [3, 6],
  },
  { chief: 'Chief Operating Officer', departments: [dept('Operations', 'Operations Analyst', 'Operations Manager', 'Operations')], span: [3, 7] },
  { chief: 'Chief Marketing Officer', departments: [dept('Marketing', 'Marketing Specialist', 'Marketing Manager', 'Marketing')], span: [3, 6] },
  { chief: 'Chief Data Officer', departments: [dept('Data', 'Data Scientist', 'Data Science Manager', 'Data & Analytics')], span: [3, 6] },
];

/** Role nouns program admins carry instead of the generic HR one. */
export const PROGRAM_ADMIN_ROLES: readonly string[] = ['Learning & Development Partner', 'Mentoring Programs Specialist', 'Talent Development Partner'];

const IC_PREFIX = ['Graduate ', 'Associate ', '', 'Senior ', 'Lead '] as const;

/** The job title for a level (1..10) in a department; `role` overrides the department's noun. */
export function jobTitle(level: number, department: Department | undefined, chief: string | undefined, role?: string): string {
  if (level >= 10 || department === undefined) return 'Chief Executive Officer';
  if (level === 9) return chief ?? `VP of ${department.area}`;
  if (level === 8) return `Director of ${department.area}`;
  if (level === 7) return `Senior ${department.manager}`;
  if (level === 6) return department.manager;
  return `${IC_PREFIX[Math.max(1, level) - 1]}${role ?? department.role}`;
}
