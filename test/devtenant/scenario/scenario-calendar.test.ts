import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createCalendarService, type CalendarDirectory, type CalendarPerson } from '../../../src/devtenant/calendar/index.ts';
import { scenarioEventBody } from '../../../src/devtenant/dev-tenant.ts';
import { loadScenarioFile } from '../../../src/devtenant/scenario/load-scenario.ts';

const EXAMPLE = fileURLToPath(new URL('../../../src/devtenant/scenario/examples/kathmandu-st-johns.yaml', import.meta.url));
const TENANT = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const APP = { tenantId: TENANT, kind: 'app' as const, roles: ['Calendars.ReadWrite'], scopes: [] };

/**
 * The contract between scenario files and the calendar module: every item, created through the
 * calendar service as `POST /users/{ownerId}/events` with `scenarioEventBody(item)`, is accepted
 * and lands where the file says.
 */
describe('scenario calendar items in the calendar module', async () => {
  const scenario = await loadScenarioFile(EXAMPLE, { tenantId: TENANT });
  const people: CalendarPerson[] = scenario.organisation.people.map((p) => ({
    id: p.id,
    userPrincipalName: p.userPrincipalName,
    mail: p.mail,
    displayName: p.displayName,
    timeZone: p.ianaTimeZone,
    mailboxTimeZone: p.mailboxTimeZone,
    workingHours: { daysOfWeek: [...p.workingHours.daysOfWeek], startTime: p.workingHours.startTime, endTime: p.workingHours.endTime },
    seniority: p.level,
    tenantId: TENANT,
  }));
  const directory: CalendarDirectory = {
    byIdOrAddress: (tenantId, key) => people.find((p) => p.tenantId === tenantId && [p.id, p.userPrincipalName, p.mail].some((x) => x.toLowerCase() === key.toLowerCase())),
    all: (tenantId) => people.filter((p) => p.tenantId === tenantId),
  };
  const idOf = (name: string) => people.find((p) => p.userPrincipalName.startsWith(`${name}@`))!.id;
  const meetingsOf = (service: ReturnType<typeof createCalendarService>, name: string, from: string, to: string) =>
    service
      .entries(TENANT, idOf(name), Date.parse(from), Date.parse(to))
      .filter((e) => e.source.kind === 'meeting')
      .map((e) => ({ start: new Date(e.startMs).toISOString(), end: new Date(e.endMs).toISOString(), status: e.status, subject: e.subject }));

  it('creates every item, idempotently', () => {
    const service = createCalendarService({ directory, seed: 1, now: () => new Date('2026-03-01T00:00:00Z') });
    const ids = scenario.calendarItems.map((item) => service.createEvent(APP, item.ownerId, scenarioEventBody(item))['id']);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    // Loading the scenario again creates nothing new (transactionId).
    expect(scenario.calendarItems.map((item) => service.createEvent(APP, item.ownerId, scenarioEventBody(item))['id'])).toEqual(ids);
  });

  it('puts the out-of-office week and the weekly sync (for the attendee too) on the calendars', () => {
    const service = createCalendarService({ directory, seed: 1, now: () => new Date('2026-03-01T00:00:00Z') });
    for (const item of scenario.calendarItems) service.createEvent(APP, item.ownerId, scenarioEventBody(item));
    // Kathmandu is UTC+05:45: 16 March 00:00 local is 15 March 18:15 UTC.
    expect(meetingsOf(service, 'bikash.thapa', '2026-03-15T00:00:00Z', '2026-03-22T00:00:00Z')).toEqual([
      { start: '2026-03-15T18:15:00.000Z', end: '2026-03-20T18:15:00.000Z', status: 'oof', subject: 'Annual leave' },
      { start: '2026-03-17T10:30:00.000Z', end: '2026-03-17T11:00:00.000Z', status: 'tentative', subject: 'Weekly data sync' },
    ]);
    expect(meetingsOf(service, 'mariana.rodriguez', '2026-06-01T00:00:00Z', '2026-06-08T00:00:00Z')).toEqual([
      { start: '2026-06-02T10:30:00.000Z', end: '2026-06-02T11:00:00.000Z', status: 'busy', subject: 'Weekly data sync' },
    ]);
  });
});
