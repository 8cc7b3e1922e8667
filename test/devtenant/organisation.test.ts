import { describe, expect, it } from 'vitest';
import { createDevDirectory } from '../../src/devtenant/directory/dev-directory.ts';
import type { DevPerson } from '../../src/devtenant/org/dev-person.ts';
import { OTHER_TENANT_ID, seedOrganisations } from '../../src/devtenant/org/organisations.ts';
import { ianaZoneName } from '../../src/devtenant/time-zone-names.ts';

const TENANT = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const seed = (s: number, size = 200) => seedOrganisations({ tenantId: TENANT, seed: s, size });

function checkTree(people: readonly DevPerson[]): void {
  const byId = new Map(people.map((p) => [p.id, p]));
  const roots = people.filter((p) => p.managerId === null);
  expect(roots).toHaveLength(1);
  expect(roots[0]!.level).toBe(10);
  expect(roots[0]!.jobTitle).toBe('Chief Executive Officer');
  const spans = new Map<string, number>();
  for (const p of people) {
    if (p.managerId === null) continue;
    const manager = byId.get(p.managerId);
    expect(manager, `manager of ${p.displayName}`).toBeDefined();
    expect(p.depth).toBe(manager!.depth + 1);
    // Strictly more senior than their reports, except that levels bottom out at 6 (Manager) in
    // very deep trees, where a manager may report to a manager.
    if (!(manager!.level === 6 && p.level === 6)) expect(manager!.level).toBeGreaterThan(p.level);
    spans.set(p.managerId, (spans.get(p.managerId) ?? 0) + 1);
  }
  for (const span of spans.values()) {
    expect(span).toBeGreaterThanOrEqual(3);
    expect(span).toBeLessThanOrEqual(8);
  }
  // Every person reaches the root (no cycles): depth equals the walk length.
  for (const p of people) {
    let steps = 0;
    let at: DevPerson | undefined = p;
    while (at?.managerId) {
      at = byId.get(at.managerId);
      steps++;
    }
    expect(steps).toBe(p.depth);
  }
}

describe('seeded organisation', () => {
  it('is identical for the same seed and differs for another seed', () => {
    const [a] = seed(7);
    const [b] = seed(7);
    const [c] = seed(8);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c!.people.map((p) => p.id)).not.toEqual(a!.people.map((p) => p.id));
    expect(c!.people.map((p) => p.displayName)).not.toEqual(a!.people.map((p) => p.displayName));
  });

  it('generates 10,000 people with unique UPNs and ids, one root and spans of 3–8', () => {
    const [main] = seed(42, 10_000);
    const people = main!.people;
    expect(people).toHaveLength(10_000);
    expect(new Set(people.map((p) => p.userPrincipalName.toLowerCase())).size).toBe(10_000);
    expect(new Set(people.map((p) => p.id)).size).toBe(10_000);
    for (const p of people) expect(p.userPrincipalName).toMatch(/^[a-z0-9]+\.[a-z0-9]+\d*@fabrikam\.example$/);
    checkTree(people);
  });

  it('has a CEO, division chiefs, departments, levels tied to depth, and titles that match levels', () => {
    const [main] = seed(1);
    const people = main!.people;
    checkTree(people);
    const departments = new Set(people.map((p) => p.department));
    for (const d of ['Engineering', 'Product', 'Sales', 'Marketing', 'Finance', 'Human Resources', 'Operations', 'Legal', 'Customer Success', 'Data']) {
      expect(departments).toContain(d);
    }
    const chiefs = people.filter((p) => p.depth === 1);
    expect(chiefs.every((p) => p.level === 9 && /^Chief /.test(p.jobTitle))).toBe(true);
    for (const p of people) {
      if (p.level === 1) expect(p.jobTitle).toMatch(/^Graduate /);
      if (p.level === 2) expect(p.jobTitle).toMatch(/^Associate /);
      if (p.level === 4) expect(p.jobTitle).toMatch(/^Senior /);
      if (p.level === 5) expect(p.jobTitle).toMatch(/^Lead /);
      if (p.level === 8) expect(p.jobTitle).toMatch(/^Director of /);
    }
    // Juniors for reverse mentoring exist, and the average level falls with depth.
    expect(people.filter((p) => p.level <= 2).length).toBeGreaterThan(20);
    const meanLevel = (d: number) => {
      const at = people.filter((p) => p.depth === d);
      return at.reduce((s, p) => s + p.level, 0) / at.length;
    };
    expect(meanLevel(1)).toBeGreaterThan(meanLevel(2));
    expect(meanLevel(2)).toBeGreaterThan(meanLevel(3));
  });

  it('spreads people over time zones with half-hour, 45-minute and DST zones, mixing Windows and IANA names', () => {
    const [main] = seed(1);
    const people = main!.people;
    const zones = new Set(people.map((p) => p.ianaTimeZone));
    expect(zones.size).toBeGreaterThanOrEqual(6);
    for (const z of ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'America/St_Johns']) expect(zones).toContain(z);
    const mailboxNames = people.map((p) => p.mailboxTimeZone);
    expect(mailboxNames.some((n) => n === 'India Standard Time' || n === 'GMT Standard Time')).toBe(true);
    expect(mailboxNames.some((n) => n.includes('/'))).toBe(true);
    for (const p of people) {
      // Whatever the spelling, the mailbox zone and the working-hours zone are the person's zone.
      const resolve = (name: string) => new Intl.DateTimeFormat('en', { timeZone: ianaZoneName(name)! }).resolvedOptions().timeZone;
      expect(resolve(p.mailboxTimeZone)).toBe(resolve(p.ianaTimeZone));
      expect(resolve(p.workingHours.timeZone)).toBe(resolve(p.ianaTimeZone));
    }
  });

  it('gives realistic working hours, including four-day and Sunday–Thursday weeks', () => {
    const [main] = seed(3, 2000);
    const people = main!.people;
    for (const p of people) {
      const { startTime, endTime, daysOfWeek } = p.workingHours;
      expect(startTime).toMatch(/^\d{2}:\d{2}$/);
      expect(endTime > startTime).toBe(true);
      expect(daysOfWeek.length).toBeGreaterThanOrEqual(4);
    }
    expect(people.some((p) => p.workingHours.daysOfWeek[0] === 'sunday')).toBe(true);
    expect(people.some((p) => p.workingHours.daysOfWeek.length === 4)).toBe(true);
    const hours = new Set(people.map((p) => `${p.workingHours.startTime}-${p.workingHours.endTime}`));
    expect(hours).toContain('08:00-16:30');
    expect(hours).toContain('09:00-17:30');
  });

  it('appoints 3–5 enabled program admins in HR', () => {
    for (const s of [1, 2, 3]) {
      const [main, other] = seed(s);
      for (const org of [main!, other!]) {
        const admins = org.people.filter((p) => p.isProgramAdmin);
        expect(admins.length).toBeGreaterThanOrEqual(3);
        expect(admins.length).toBeLessThanOrEqual(5);
        for (const a of admins) {
          expect(a.department).toBe('Human Resources');
          expect(a.accountEnabled).toBe(true);
        }
      }
    }
  });

  it('seeds a second, small organisation with its own tenant id and domain', () => {
    const [main, other] = seed(1);
    expect(other!.tenantId).toBe(OTHER_TENANT_ID);
    expect(other!.people).toHaveLength(20);
    expect(other!.people.every((p) => p.userPrincipalName.endsWith('@tailspintoys.example') && p.tenantId === OTHER_TENANT_ID)).toBe(true);
    const mainIds = new Set(main!.people.map((p) => p.id));
    expect(other!.people.some((p) => mainIds.has(p.id))).toBe(false);
    checkTree(other!.people);
  });
});

describe('directory view', () => {
  it('finds people by id and UPN (case-insensitively), managers and reports consistently', () => {
    const directory = createDevDirectory(seed(1));
    const people = directory.people(TENANT);
    const someone = people[50]!;
    expect(directory.find(TENANT, someone.id)).toBe(someone);
    expect(directory.find(TENANT.toUpperCase(), someone.userPrincipalName.toUpperCase())).toBe(someone);
    expect(directory.find(OTHER_TENANT_ID, someone.id)).toBeUndefined();
    expect(directory.findAnywhere(someone.userPrincipalName)).toBe(someone);
    expect(directory.root(TENANT)!.managerId).toBeNull();
    let reportCount = 0;
    for (const manager of directory.managers(TENANT)) {
      for (const report of directory.directReports(TENANT, manager.id)) {
        expect(directory.manager(TENANT, report.id)).toBe(manager);
        reportCount++;
      }
    }
    expect(reportCount).toBe(people.length - 1);
    expect(directory.admins(TENANT).every((a) => a.isProgramAdmin)).toBe(true);
    expect(directory.tenant('fabrikam.example')!.tenantId).toBe(TENANT);
  });
});
