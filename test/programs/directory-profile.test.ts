/**
 * The enrolment prefill against the development tenant's Graph: the manager chain is walked up
 * `/users/{id}/manager` to the top, seniority follows from its length, and the mailbox's working
 * hours arrive on the UTC week.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { userId } from '../../src/core/ids.ts';
import { programId, type Program } from '../../src/core/programs/program.ts';
import { epochMs } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { createDirectoryReader } from '../../src/graph/directory.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';
import { readDirectoryProfile } from '../../src/programs/directory-profile.ts';
import { weeklyWorkingMinutesUtc } from '../../src/programs/working-week-utc.ts';
import { startTestTenant, TEST_CLIENT_ID, TEST_TENANT_ID, type TestTenant } from '../devtenant/test-tenant.ts';
import { appToken } from '../devtenant/tokens.ts';

let t: TestTenant;
let reader: ReturnType<typeof createDirectoryReader>;
let people: readonly DevPerson[];

beforeAll(async () => {
  t = await startTestTenant();
  const token = await appToken(t.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, t.tenant.clientSecret);
  reader = createDirectoryReader(createGraphClient({ baseUrl: t.tenant.url, token: async () => token }));
  people = t.tenant.directory.people(TEST_TENANT_ID);
});
afterAll(() => t?.dispose());

const program = { id: programId('p'), term: { start: epochMs(Date.parse('2026-09-01T00:00:00Z')), end: epochMs(Date.parse('2027-01-01T00:00:00Z')) } } as Program;

describe('the manager chain', () => {
  it('walks up to the chief executive, nearest manager first', async () => {
    const deep = people.find((p) => p.depth === 3 && p.accountEnabled)!;
    const chain = await reader.readManagerChain(userId(deep.id));
    const manager = t.tenant.directory.manager(TEST_TENANT_ID, deep.id)!;
    const grand = t.tenant.directory.manager(TEST_TENANT_ID, manager.id)!;
    expect(chain.map((p) => p.id)).toEqual([manager.id, grand.id, people[0]!.id]);
    expect(chain[0]).toMatchObject({ displayName: manager.displayName, jobTitle: manager.jobTitle });
  });

  it('is empty at the top and not_found for someone who is not in the directory', async () => {
    expect(await reader.readManagerChain(userId(people[0]!.id))).toEqual([]);
    await expect(reader.readManagerChain(userId('00000000-0000-4000-8000-000000000000'))).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('the prefilled profile', () => {
  it('carries department, title, chain, seniority from depth, zone and working hours in the matcher’s contract', async () => {
    const person = people.find((p) => p.depth === 2 && p.accountEnabled)!;
    const profile = await readDirectoryProfile(reader, userId(person.id), program);
    expect(profile).toMatchObject({
      displayName: person.displayName,
      department: person.department,
      jobTitle: person.jobTitle,
      managerChain: [person.managerId, people[0]!.id],
      seniorityLevel: 18,
      timeZone: person.ianaTimeZone,
    });
    const wh = person.workingHours;
    expect(profile.weeklyWorkingMinutesUtc).toEqual(
      weeklyWorkingMinutesUtc({ daysOfWeek: wh.daysOfWeek, startTime: wh.startTime, endTime: wh.endTime, timeZone: person.ianaTimeZone as never }, program.term.start),
    );
    expect(profile.weeklyWorkingMinutesUtc).toHaveLength(wh.daysOfWeek.length);
    // The same hours on the person's own clock, for timing on a given date across DST changes.
    expect(profile.workingHours).toMatchObject({ daysOfWeek: wh.daysOfWeek, zone: person.ianaTimeZone });
    expect(profile.workingHours?.start).toMatch(new RegExp(`^${wh.startTime.slice(0, 5)}`));
    expect(profile.workingHours?.end).toMatch(new RegExp(`^${wh.endTime.slice(0, 5)}`));
  });
});
