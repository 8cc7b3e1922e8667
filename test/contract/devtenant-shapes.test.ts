import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epochMs } from '../../src/core/time.ts';
import { readAvailability } from '../../src/graph/free-busy.ts';
import { createGraphClient } from '../../src/graph/graph-client.ts';
import { appToken } from '../devtenant/tokens.ts';
import { startTestTenant, TEST_CLIENT_ID, TEST_TENANT_ID, type TestTenant } from '../devtenant/test-tenant.ts';
import { assertShape, loadGraphFacts } from './graph-facts.ts';

/**
 * The development tenant's answers and Upward's requests checked against the fact table generated
 * from Microsoft's own Graph metadata (v1.0-Prod.csdl): every property exists with the right type.
 */
let dev: TestTenant;
let token: string;
const facts = loadGraphFacts();

const graph = async (path: string, init: RequestInit = {}) => {
  const response = await fetch(`${dev.tenant.url}/v1.0${path}`, {
    ...init,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  expect(response.status, `${path}: ${response.status}`).toBeLessThan(300);
  return response.status === 202 || response.status === 204 ? undefined : ((await response.json()) as Record<string, any>);
};

beforeAll(async () => {
  dev = await startTestTenant();
  token = await appToken(dev.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, dev.tenant.clientSecret);
});
afterAll(() => dev.dispose());

describe('the development tenant speaks Graph v1.0 shapes', () => {
  it('user, with every property Upward selects', async () => {
    const person = dev.tenant.directory.people(TEST_TENANT_ID)[7]!;
    const user = await graph(`/users/${person.id}?$select=id,displayName,givenName,surname,jobTitle,mail,userPrincipalName,department,officeLocation,employeeHireDate,employeeType,preferredLanguage,usageLocation,accountEnabled,businessPhones,mobilePhone`);
    expect(assertShape('user', user, facts)).toEqual([]);
    expect(assertShape('user', await graph(`/users/${person.id}`), facts)).toEqual([]);
  });

  it('mailboxSettings and its workingHours', async () => {
    const person = dev.tenant.directory.people(TEST_TENANT_ID)[9]!;
    const settings = await graph(`/users/${person.id}/mailboxSettings`);
    expect(assertShape('mailboxSettings', settings, facts)).toEqual([]);
    expect(assertShape('workingHours', settings!['workingHours'], facts)).toEqual([]);
  });

  it('getSchedule: scheduleInformation, scheduleItem, workingHours, dateTimeTimeZone', async () => {
    const people = dev.tenant.directory.people(TEST_TENANT_ID).slice(0, 3);
    const result = await graph(`/users/${people[0]!.id}/calendar/getSchedule`, {
      method: 'POST',
      body: JSON.stringify({
        schedules: [...people.map((p) => p.mail), 'nobody@fabrikam.example'],
        startTime: { dateTime: '2026-03-02T00:00:00', timeZone: 'UTC' },
        endTime: { dateTime: '2026-03-09T00:00:00', timeZone: 'UTC' },
        availabilityViewInterval: 30,
      }),
    });
    const value = result!['value'] as Array<Record<string, any>>;
    expect(value).toHaveLength(4);
    for (const info of value) {
      expect(assertShape('scheduleInformation', info, facts)).toEqual([]);
      for (const item of info['scheduleItems'] ?? []) expect(assertShape('scheduleItem', item, facts)).toEqual([]);
    }
    expect(value.some((info) => (info['scheduleItems'] ?? []).length > 0)).toBe(true);
    expect(assertShape('freeBusyError', value[3]!['error'], facts)).toEqual([]);
  });

  it('a recurring Teams meeting: event, patternedRecurrence, attendees, onlineMeeting, its occurrences', async () => {
    const [organiser, attendee] = dev.tenant.directory.people(TEST_TENANT_ID).slice(20, 22);
    const created = await graph(`/users/${organiser!.id}/events`, {
      method: 'POST',
      body: JSON.stringify({
        subject: 'Upward: reverse mentoring',
        body: { contentType: 'html', content: '<p>Agenda</p>' },
        start: { dateTime: '2027-03-02T10:00:00', timeZone: 'Europe/London' },
        end: { dateTime: '2027-03-02T10:45:00', timeZone: 'Europe/London' },
        attendees: [{ emailAddress: { address: attendee!.mail, name: attendee!.displayName }, type: 'required' }],
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        transactionId: 'c0ffee00-0000-4000-8000-000000000001',
        recurrence: {
          pattern: { type: 'weekly', interval: 2, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
          range: { type: 'numbered', startDate: '2027-03-02', numberOfOccurrences: 6, recurrenceTimeZone: 'Europe/London' },
        },
      }),
    });
    expect(assertShape('event', created, facts)).toEqual([]);
    expect(assertShape('patternedRecurrence', created!['recurrence'], facts)).toEqual([]);
    expect(assertShape('onlineMeetingInfo', created!['onlineMeeting'], facts)).toEqual([]);
    const instances = await graph(`/users/${organiser!.id}/events/${created!['id']}/instances?startDateTime=2027-03-01T00:00:00Z&endDateTime=2027-06-01T00:00:00Z`);
    const occurrences = instances!['value'] as unknown[];
    expect(occurrences).toHaveLength(6);
    for (const occurrence of occurrences) expect(assertShape('event', occurrence, facts)).toEqual([]);
  });
});

describe('Upward\'s requests use only real Graph parameters', () => {
  it('getSchedule bodies name only the action\'s parameters', async () => {
    const parameters = Object.keys(facts.actions['getSchedule']!.parameters).map((p) => p.toLowerCase());
    const bodies: unknown[] = [];
    const client = createGraphClient({ baseUrl: dev.tenant.url, token: async () => token });
    const spy = { api: (path: string) => ({ post: async (body: { requests: Array<{ body: unknown }> }) => { for (const r of body.requests) bodies.push(r.body); return client.api(path).post(body); } }) };
    await readAvailability(spy as never, { mailboxes: [dev.tenant.directory.people(TEST_TENANT_ID)[0]!.mail], from: epochMs(Date.UTC(2026, 2, 2)), to: epochMs(Date.UTC(2026, 2, 9)) });
    expect(bodies).toHaveLength(1);
    for (const body of bodies as Array<Record<string, unknown>>) {
      for (const key of Object.keys(body)) expect(parameters).toContain(key.toLowerCase());
      expect(assertShape('dateTimeTimeZone', body['startTime'], facts)).toEqual([]);
    }
  });
});
