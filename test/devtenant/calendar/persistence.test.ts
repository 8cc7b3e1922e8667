import { afterAll, describe, expect, it } from 'vitest';
import { appToken } from '../tokens.ts';
import { startTestTenant, TEST_CLIENT_ID, TEST_TENANT_ID, type TestTenant } from '../test-tenant.ts';

/** Bookings made through the API survive a restart of the development tenant on the same data folder. */
const tenants: TestTenant[] = [];
afterAll(async () => {
  for (const t of tenants.reverse()) await t.dispose().catch(() => {});
});

describe('calendar state across restarts', () => {
  it('keeps an event created through the API, and nothing twice', async () => {
    const first = await startTestTenant();
    tenants.push(first);
    const token = await appToken(first.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, first.tenant.clientSecret);
    const [organiser, attendee] = first.tenant.directory.people(TEST_TENANT_ID).slice(30, 32);
    const response = await fetch(`${first.tenant.url}/v1.0/users/${organiser!.id}/events`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        subject: 'Kept across restarts',
        start: { dateTime: '2027-05-04T10:00:00', timeZone: 'UTC' },
        end: { dateTime: '2027-05-04T10:30:00', timeZone: 'UTC' },
        attendees: [{ emailAddress: { address: attendee!.mail }, type: 'required' }],
        transactionId: 'a1b2c3d4-0000-4000-8000-000000000042',
      }),
    });
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string };
    await first.tenant.close();
    await new Promise((resolve) => setTimeout(resolve, 400)); // the save is gathered for 200 ms

    const second = await startTestTenant({ dataDir: first.dataDir });
    tenants.push(second);
    const again = await appToken(second.tenant.url, TEST_TENANT_ID, TEST_CLIENT_ID, second.tenant.clientSecret);
    const read = await fetch(`${second.tenant.url}/v1.0/users/${organiser!.id}/events/${created.id}`, { headers: { authorization: `Bearer ${again}` } });
    expect(read.status).toBe(200);
    expect(((await read.json()) as { subject: string }).subject).toBe('Kept across restarts');
    const view = await fetch(
      `${second.tenant.url}/v1.0/users/${attendee!.id}/calendarView?startDateTime=2027-05-04T00:00:00Z&endDateTime=2027-05-05T00:00:00Z`,
      { headers: { authorization: `Bearer ${again}` } },
    );
    const subjects = ((await view.json()) as { value: Array<{ subject: string }> }).value.map((e) => e.subject);
    expect(subjects.filter((s) => s === 'Kept across restarts')).toHaveLength(1);
  });
});
