/**
 * Zones leave the server under IANA's current names, whatever the store holds: an enrolment and a
 * booking written before Upward renamed zones say "Asia/Calcutta", and every API body that shows
 * them (the owner's enrolment, the partner in a pairing, the admin's list and export, the booked
 * series and its explanation) says "Asia/Kolkata". A directory that hands over the old name is stored under
 * the new one.
 */
import express from 'express';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino from 'pino';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM_ADMIN_ROLE, type Principal } from '../../src/auth/principal.ts';
import { userId } from '../../src/core/ids.ts';
import { programId as toProgramId } from '../../src/core/programs/program.ts';
import { epochMs, ianaZone } from '../../src/core/time.ts';
import { createSchedulingService } from '../../src/scheduling/scheduling-service.ts';
import { authenticate } from '../../src/server/authenticate.ts';
import { errorResponder } from '../../src/server/error-response.ts';
import { programExportRoutes } from '../../src/server/routes/program-export.ts';
import { createProgramHealthSource } from '../../src/server/routes/program-health-source.ts';
import { programRoutes } from '../../src/server/routes/programs.ts';
import { schedulingRoutes } from '../../src/server/routes/scheduling.ts';
import { bookingId, bookingRepository, type BookingRecord } from '../../src/store/bookings.ts';
import { enrolmentRepository } from '../../src/store/enrolments.ts';
import { openUseCaseFixture, programWithProposal, smallOrganisation, type UseCaseFixture } from '../programs/use-case-fixture.ts';

let fx: UseCaseFixture;
let server: Server;
let base: string;
let programId: string;
let pairId: string;

const OLD_EXPLANATION = 'Every Tuesday at 10:30 (London) / 16:00 (Calcutta), 45 minutes, 6 sessions from 3 Mar to 19 May; all 6 free for both';

async function call(who: string, method: string, path: string): Promise<{ status: number; body: any }> {
  const res = await fetch(`${base}${path}`, { method, headers: { Authorization: `Bearer ${who}` } });
  return { status: res.status, body: await res.json() };
}

/** Rewrites one stored enrolment's zones to the old name, as a row written before the renaming holds them. */
async function storeUnderOldName(user: string): Promise<void> {
  const enrolments = enrolmentRepository(fx.store.store.db);
  const stored = (await enrolments.get(fx.tenant, toProgramId(programId), userId(user)))!;
  const calcutta = ianaZone('Asia/Calcutta');
  const profile = { ...stored.profile, timeZone: calcutta, workingHours: { ...stored.profile.workingHours!, zone: calcutta } };
  expect(await enrolments.update(fx.tenant, { ...stored, profile })).toBe(true);
}

function oldBooking(): BookingRecord {
  const start = Date.parse('2027-03-02T10:30:00Z');
  const at = epochMs(Date.parse('2027-02-20T09:00:00Z'));
  return {
    tenantId: fx.tenant, id: bookingId('booking-old-zone'), programId, pairId, cycle: 1, runId: null, position: 0, state: 'booked',
    organiser: { userId: userId('s1'), mailbox: 's1@example.test', name: 'Senior s1', role: 'mentee' },
    attendee: { userId: userId('j1'), mailbox: 'j1@example.test', name: 'Junior j1', role: 'mentor' },
    settings: { cadence: 'weekly', durationMinutes: 45, term: { start: '2027-03-01', end: '2027-05-31' }, programName: 'Cycle test', agenda: [], subject: 'Mentoring', bodyHtml: '' },
    plan: {
      zone: 'Asia/Calcutta', weekday: 'tuesday', localTime: '16:00', firstDate: '2027-03-02', lastDate: '2027-05-18', attendeeLocalTimes: ['10:30'],
      recurrence: {
        pattern: { type: 'weekly', interval: 1, daysOfWeek: ['tuesday'], firstDayOfWeek: 'monday' },
        range: { type: 'endDate', startDate: '2027-03-02', endDate: '2027-05-18', recurrenceTimeZone: ianaZone('Asia/Calcutta') },
      },
      explanation: OLD_EXPLANATION, conflicts: 0, moved: 0, unplaced: 0,
    },
    occurrences: [{ index: 0, date: '2027-03-02', originalStart: epochMs(start), start: epochMs(start), end: epochMs(start + 45 * 60_000), status: 'free', segment: 0, conflict: null }],
    series: [], transactionId: 'tx-old-zone', eventId: null, joinUrl: null, reasonCode: null, reason: null, version: 1, createdAt: at, updatedAt: at,
  };
}

beforeAll(async () => {
  fx = await openUseCaseFixture();
  const { seniors, juniors } = smallOrganisation(fx.people, 1, 1);
  // The senior's directory still hands over the old name.
  fx.people.set('s1', { ...fx.people.get('s1')!, zone: 'Asia/Calcutta' });
  fx.people.set('j1', { ...fx.people.get('j1')!, zone: 'Asia/Kolkata' });
  ({ programId } = await programWithProposal(fx, seniors, juniors));

  const app = express();
  // The bearer token names the caller; "ceo" administers programs (test stand-in for token validation).
  app.use(authenticate({
    validate: async (header) => {
      const who = String(header ?? '').replace(/^Bearer /, '');
      const principal: Principal = { tenantId: fx.tenant, userId: userId(who), name: undefined, userPrincipalName: undefined, roles: who === 'ceo' ? [PROGRAM_ADMIN_ROLE] : [], scopes: [] };
      return principal;
    },
  }));
  app.use(express.json());
  app.use('/api', programRoutes(fx.services));
  app.use('/api', programExportRoutes(fx.services, createProgramHealthSource(fx.store.store.db)));
  const graphFor = () => {
    throw new Error('reading bookings needs no Graph');
  };
  app.use('/api', schedulingRoutes(createSchedulingService({ db: fx.store.store.db, graphFor, now: () => fx.now, log: pino({ level: 'silent' }) })));
  app.use(errorResponder(pino({ level: 'silent' })));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;

  expect((await call('ceo', 'POST', `/programs/${programId}/publish`)).status).toBe(200);
  const pairings = await call('j1', 'GET', '/me/pairings');
  pairId = pairings.body.pairings[0].id;
}, 120_000);

afterAll(async () => {
  server?.close();
  await fx?.close();
});

describe('zones stored under old names', () => {
  it('stores a zone the directory gives by its old name under the current one', async () => {
    const stored = await enrolmentRepository(fx.store.store.db).get(fx.tenant, toProgramId(programId), userId('s1'));
    expect(stored?.profile.timeZone).toBe('Asia/Kolkata');
    expect(stored?.profile.workingHours?.zone).toBe('Asia/Kolkata');
    const prefill = await call('s1', 'GET', `/programs/${programId}/enrolment/prefill`);
    expect(prefill.body.profile.timeZone).toBe('Asia/Kolkata');
  });

  it('answers an enrolment stored with Asia/Calcutta as Asia/Kolkata to its owner, the partner and the admin', async () => {
    await storeUnderOldName('j1');
    await storeUnderOldName('s1');
    const raw = await sql<{ zone: string }>`select profile->>'timeZone' as zone from enrolments where user_id = 'j1'`.execute(fx.store.store.db);
    expect(raw.rows[0]?.zone).toBe('Asia/Calcutta');

    const own = (await call('j1', 'GET', `/programs/${programId}/enrolment`)).body.enrolment;
    expect(own.profile.timeZone).toBe('Asia/Kolkata');
    expect(own.profile.workingHours.zone).toBe('Asia/Kolkata');
    const mine = (await call('j1', 'GET', '/me/programs')).body.programs;
    expect(mine[0].enrolment.profile.timeZone).toBe('Asia/Kolkata');

    const partner = (await call('s1', 'GET', '/me/pairings')).body.pairings[0].partners[0];
    expect(partner.userId).toBe('j1');
    expect(partner.timeZone).toBe('Asia/Kolkata');

    const listed = (await call('ceo', 'GET', `/programs/${programId}/enrolments`)).body.enrolments;
    expect(listed.map((e: { timeZone: string }) => e.timeZone)).toEqual(['Asia/Kolkata', 'Asia/Kolkata']);
    expect((await call('ceo', 'GET', `/programs/${programId}/enrolments/j1`)).body.enrolment.timeZone).toBe('Asia/Kolkata');
  });

  it('answers a booking stored with Asia/Calcutta as Asia/Kolkata, its explanation naming Kolkata', async () => {
    expect(await bookingRepository(fx.store.store.db).insertMany(fx.tenant, [oldBooking()])).toBe(1);
    const [booking] = (await call('j1', 'GET', '/me/bookings')).body.bookings;
    expect(booking.series.zone).toBe('Asia/Kolkata');
    expect(booking.explanation).toBe(OLD_EXPLANATION.replace('(Calcutta)', '(Kolkata)'));
    const shown = (await call('s1', 'GET', `/scheduling/bookings/${booking.bookingId}`)).body;
    expect(shown.series.zone).toBe('Asia/Kolkata');
    expect(JSON.stringify(shown)).not.toMatch(/Calcutta/);
  });

  it('exports both under Asia/Kolkata', async () => {
    const res = await fetch(`${base}/programs/${programId}/export.csv`, { headers: { Authorization: 'Bearer ceo', Accept: 'text/csv' } });
    const csv = await res.text();
    expect(res.status).toBe(200);
    expect(csv.match(/Asia\/Kolkata/g)).toHaveLength(3);
    expect(csv).not.toMatch(/Calcutta/);
  });
});
