import type { Client } from '@microsoft/microsoft-graph-client';
import { expect, it } from 'vitest';
import { epochMs } from '../../src/core/time.ts';
import { readCalendars, termWindow } from '../../src/scheduling/read-calendars.ts';

/** Working hours come from getSchedule; mailboxSettings is read only for a mailbox whose answer had none. */
it('asks mailboxSettings only for the mailbox getSchedule gave no working hours for', async () => {
  const sent: string[] = [];
  const client = {
    api: () => ({
      post: async (batch: { requests: Array<{ id: string; method: string; url: string }> }) => ({
        responses: batch.requests.map((r) => {
          sent.push(`${r.method} ${r.url.split('?')[0]}`);
          if (r.url.endsWith('/calendar/getSchedule')) {
            return {
              id: r.id, status: 200, headers: {},
              body: {
                value: [
                  { scheduleId: 'ana@contoso.test', scheduleItems: [], workingHours: { daysOfWeek: ['monday'], startTime: '09:00:00.0000000', endTime: '17:00:00.0000000', timeZone: { name: 'GMT Standard Time' } } },
                  { scheduleId: 'raj@contoso.test', scheduleItems: [{ status: 'Busy', start: { dateTime: '2027-03-02T10:00:00.0000000' }, end: { dateTime: '2027-03-02T11:00:00.0000000' } }] },
                ],
              },
            };
          }
          return { id: r.id, status: 200, headers: {}, body: { timeZone: 'India Standard Time', workingHours: { daysOfWeek: ['monday', 'tuesday'], startTime: '10:00:00.0000000', endTime: '18:30:00.0000000', timeZone: { name: 'India Standard Time' } } } };
        }),
      }),
    }),
  } as unknown as Client;
  const read = await readCalendars(client, ['ana@contoso.test', 'Raj@contoso.test', 'ana@contoso.test'], termWindow({ start: '2027-03-02', end: '2027-03-20' }, epochMs(Date.parse('2027-03-01T12:00:00Z'))), {});
  expect(sent).toEqual(['POST /users/ana%40contoso.test/calendar/getSchedule', 'GET /users/raj%40contoso.test/mailboxSettings']);
  expect(read.byMailbox.get('ana@contoso.test')!.workingHours).toEqual({ daysOfWeek: ['monday'], start: '09:00', end: '17:00', zone: 'GMT Standard Time' });
  expect(read.byMailbox.get('raj@contoso.test')).toEqual({
    busy: [{ start: Date.parse('2027-03-02T10:00:00Z'), end: Date.parse('2027-03-02T11:00:00Z') }],
    workingHours: { daysOfWeek: ['monday', 'tuesday'], start: '10:00', end: '18:30', zone: 'India Standard Time' },
  });
});
