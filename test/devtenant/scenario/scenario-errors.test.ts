import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ScenarioError } from '../../../src/devtenant/dev-tenant.ts';
import { parseScenario } from '../../../src/devtenant/scenario/load-scenario.ts';
import { startTestTenant } from '../test-tenant.ts';

const TENANT = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

/** The ScenarioError a text raises (fails the test if it loads). */
function errorOf(text: string, fileName = 'case.yaml'): ScenarioError {
  try {
    parseScenario(text, { tenantId: TENANT, fileName });
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return error as ScenarioError;
  }
  throw new Error('the scenario loaded');
}

const GOOD_TWO = `people:
  - displayName: Sita Shrestha
    timeZone: Asia/Kathmandu
  - displayName: Liam Walsh
    timeZone: America/St_Johns
    managerUpn: sita.shrestha@fabrikam.example
`;

describe('scenario files that are rejected with the line and field at fault', () => {
  it('a YAML syntax error', () => {
    const error = errorOf(`people:\n  - displayName: Sita Shrestha\n    timeZone: "Asia/Kathmandu\n  - displayName: Liam\n`);
    expect(error.issues[0]).toMatchObject({ field: '(syntax)' });
    expect(error.issues[0]!.line).toBeGreaterThanOrEqual(3);
    expect(error.message).toMatch(/case\.yaml line \d+, column \d+: \(syntax\): /);
  });

  it('a missing field, at the person it is missing from', () => {
    const error = errorOf(`people:\n  - displayName: Sita Shrestha\n    timeZone: Asia/Kathmandu\n  - displayName: Liam Walsh\n    jobTitle: Engineer\n`);
    expect(error.issues).toEqual([{ line: 4, column: 5, field: 'people[1].timeZone', message: 'is required' }]);
    expect(error.message).toContain('case.yaml line 4, column 5: people[1].timeZone: is required');
  });

  it('an unknown time zone, at its line', () => {
    const error = errorOf(`people:\n  - displayName: Sita Shrestha\n    timeZone: Asia/Katmandoo\n`);
    expect(error.issues[0]).toMatchObject({ line: 3, field: 'people[0].timeZone' });
    expect(error.message).toContain("line 3, column 5: people[0].timeZone: unknown time zone 'Asia/Katmandoo'");
  });

  it('a manager who is not in the file', () => {
    const error = errorOf(GOOD_TWO.replace('managerUpn: sita.shrestha@', 'managerUpn: sita.shresta@'));
    expect(error.issues).toEqual([
      { line: 6, column: 5, field: 'people[1].managerUpn', message: "no person in this file has the UPN 'sita.shresta@fabrikam.example'" },
    ]);
  });

  it('a cycle of managers', () => {
    const error = errorOf(`${GOOD_TWO.replace('    timeZone: Asia/Kathmandu\n', '    timeZone: Asia/Kathmandu\n    managerUpn: liam.walsh@fabrikam.example\n')}`);
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatchObject({ line: 4, field: 'people[0].managerUpn' });
    expect(error.issues[0]!.message).toBe('managers form a cycle: sita.shrestha@fabrikam.example → liam.walsh@fabrikam.example → sita.shrestha@fabrikam.example');
  });

  it('deeper problems: a misspelt field, a bad recurrence, an unknown attendee, an end before the start', () => {
    const error = errorOf(`people:
  - displayName: Sita Shrestha
    timeZone: Asia/Kathmandu
    workingHours: { start: "09:00", end: "17:00", dayz: [monday] }
    calendar:
      - subject: Sync
        start: "2026-01-06T09:00"
        end: "2026-01-06T08:00"
      - subject: Weekly
        start: "2026-01-06T09:00"
        end: "2026-01-06T09:30"
        attendees: [ghost@fabrikam.example]
        recurrence:
          pattern: { type: weekly }
          range: { type: noEnd, startDate: "2026-01-07" }
`);
    const byField = new Map(error.issues.map((i) => [i.field, i]));
    expect(byField.get('people[0].workingHours.dayz')).toMatchObject({ line: 4, message: 'unknown field' });
    expect(byField.get('people[0].calendar[0].end')).toMatchObject({ line: 8, message: 'must be later than start' });
    expect(byField.get('people[0].calendar[1].recurrence.pattern.daysOfWeek')).toMatchObject({ line: 14 });
    expect(byField.get('people[0].calendar[1].recurrence.range.startDate')).toMatchObject({ line: 15 });
    // Cross-reference checks run once the fields themselves are valid.
    expect(byField.has('people[0].calendar[1].attendees[0]')).toBe(false);
  });

  it('an attendee or UPN that clashes, once the fields are valid', () => {
    const error = errorOf(`people:
  - displayName: Sita Shrestha
    upn: sita@fabrikam.example
    timeZone: Asia/Kathmandu
    calendar:
      - { subject: Sync, start: "2026-01-06T09:00", end: "2026-01-06T09:30", attendees: [ghost@fabrikam.example] }
  - displayName: Sita Shrestha
    upn: SITA@fabrikam.example
    timeZone: Nepal Standard Time
  - displayName: Someone Else
    upn: someone@contoso.example
    timeZone: UTC
`);
    expect(error.issues.map((i) => [i.line, i.field, i.message])).toEqual([
      [6, 'people[0].calendar[0].attendees[0]', "no person in this file has the UPN 'ghost@fabrikam.example'"],
      [8, 'people[1].upn', "UPN 'SITA@fabrikam.example' is already used by people[0]"],
      [11, 'people[2].upn', "'someone@contoso.example' is not in the organisation's domain 'fabrikam.example'"],
    ]);
  });

  it('JSON works too, with lines', () => {
    const error = errorOf(`{\n  "people": [\n    { "displayName": "Sita Shrestha", "timeZone": "Mars/Olympus" }\n  ]\n}\n`, 'case.json');
    expect(error.issues[0]).toMatchObject({ line: 3, field: 'people[0].timeZone' });
  });

  it('stops the tenant from starting, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'upward-scenario-'));
    try {
      const file = join(dir, 'broken.yaml');
      await writeFile(file, 'people:\n  - displayName: A B\n    timeZone: Nowhere/Land\n');
      await expect(startTestTenant({ scenarioFile: file, dataDir: join(dir, 'data') })).rejects.toThrow(/broken\.yaml line 3, column 5: people\[0\]\.timeZone: unknown time zone 'Nowhere\/Land'/);
      await expect(startTestTenant({ scenarioFile: join(dir, 'absent.yaml'), dataDir: join(dir, 'data') })).rejects.toThrow(/file not found/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('scenario people', () => {
  it('get stable ids and UPNs from their names, and defaults for what the file leaves out', () => {
    const first = parseScenario(GOOD_TWO, { tenantId: TENANT });
    const again = parseScenario(GOOD_TWO, { tenantId: TENANT });
    expect(again.organisation.people.map((p) => p.id)).toEqual(first.organisation.people.map((p) => p.id));
    const [sita, liam] = first.organisation.people as [typeof first.organisation.people[number], typeof first.organisation.people[number]];
    expect(sita).toMatchObject({ userPrincipalName: 'sita.shrestha@fabrikam.example', givenName: 'Sita', surname: 'Shrestha', depth: 0, level: 10, managerId: null, city: 'Kathmandu', country: 'Nepal' });
    expect(liam).toMatchObject({ managerId: sita.id, depth: 1, level: 3, ianaTimeZone: 'America/St_Johns', workingHours: { startTime: '09:00', endTime: '17:00', timeZone: 'America/St_Johns' } });
    expect(sita.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});
