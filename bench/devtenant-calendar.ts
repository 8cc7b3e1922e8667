import { createCalendarService } from '../src/devtenant/calendar/index.ts';
import { createDevDirectory } from '../src/devtenant/directory/dev-directory.ts';
import { calendarDirectory } from '../src/devtenant/graph/calendar-module.ts';
import { seedOrganisations } from '../src/devtenant/org/organisations.ts';
import { figure, percentile, type BenchCase } from './harness.ts';

const TENANT = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
const DAY = 86_400_000;
const ROUNDS = 60;

/**
 * The development tenant must never be what a benchmark measures. This times its own work (the
 * calendar service in-process, no HTTP) for the two calls the scheduler leans on, each beside a
 * baseline measured in the same run on the same data.
 */
export const devTenantCalendarCase: BenchCase = {
  name: 'devtenant',
  async run() {
    const directory = createDevDirectory(seedOrganisations({ tenantId: TENANT, seed: 1, size: 2000 }));
    const service = createCalendarService({ directory: calendarDirectory(directory), seed: 1, now: () => new Date('2026-02-20T00:00:00Z') });
    const app = { tenantId: TENANT, kind: 'app' as const, roles: ['Calendars.ReadWrite'], scopes: [] };
    // The busiest people: seniors carry ~40 items a week.
    const seniors = [...directory.people(TENANT)].sort((a, b) => b.level - a.level).slice(0, 20);
    const from = Date.UTC(2026, 2, 2);
    const to = from + 62 * DAY;
    const body = {
      schedules: seniors.map((p) => p.mail),
      startTime: { dateTime: '2026-03-02T00:00:00', timeZone: 'UTC' },
      endTime: { dateTime: new Date(to).toISOString().slice(0, 19), timeZone: 'UTC' },
      availabilityViewInterval: 30,
    };
    const itemsPerWeek =
      seniors.reduce((sum, p) => sum + service.entries(TENANT, p.id, from, to).length, 0) / seniors.length / (62 / 7);

    // Warm up generation and the JIT, then time steady-state calls.
    service.getSchedule(app, seniors[0]!.id, body);
    const schedule: number[] = [];
    const naive: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let t = performance.now();
      service.getSchedule(app, seniors[0]!.id, body);
      schedule.push(performance.now() - t);
      // Baseline: the same people's availability by a per-minute scan of the same entries.
      t = performance.now();
      for (const person of seniors) {
        const minutes = new Uint8Array((to - from) / 60_000);
        for (const entry of service.entries(TENANT, person.id, from, to)) {
          for (let m = Math.max(0, (entry.startMs - from) / 60_000); m < Math.min(minutes.length, (entry.endMs - from) / 60_000); m++) minutes[m] = 2;
        }
      }
      naive.push(performance.now() - t);
    }

    const create: number[] = [];
    const single: number[] = [];
    const [organiser, attendee] = seniors;
    for (let round = 0; round < ROUNDS; round++) {
      const start = new Date(Date.UTC(2027, 0, 4) + round * DAY).toISOString().slice(0, 10);
      const event = (recurring: boolean, n: number) => ({
        subject: 'Bench',
        start: { dateTime: `${start}T10:00:00`, timeZone: 'Europe/London' },
        end: { dateTime: `${start}T10:45:00`, timeZone: 'Europe/London' },
        attendees: [{ emailAddress: { address: attendee!.mail }, type: 'required' }],
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        transactionId: `bench-${recurring ? 'r' : 's'}-${n}`,
        ...(recurring
          ? { recurrence: { pattern: { type: 'weekly', interval: 1, daysOfWeek: [weekday(start)] }, range: { type: 'numbered', startDate: start, numberOfOccurrences: 12 } } }
          : {}),
      });
      let t = performance.now();
      service.createEvent(app, organiser!.id, event(true, round));
      create.push(performance.now() - t);
      t = performance.now();
      service.createEvent(app, organiser!.id, event(false, round));
      single.push(performance.now() - t);
    }

    const p50 = (s: number[]) => percentile(s, 50);
    return {
      getSchedule20x62d: figure(p50(schedule), 'ms', p50(naive), {
        spread: `p90 ${percentile(schedule, 90).toFixed(2)} ms; ${itemsPerWeek.toFixed(0)} items/person/week; baseline = per-minute scan`,
        target: '< 20 ms',
      }),
      createRecurring12: figure(p50(create), 'ms', p50(single), {
        spread: `p90 ${percentile(create, 90).toFixed(2)} ms; baseline = single-instance create`,
        target: '< 5 ms',
      }),
    };
  },
};

function weekday(date: string): string {
  return ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'][new Date(`${date}T12:00:00Z`).getUTCDay()]!;
}
