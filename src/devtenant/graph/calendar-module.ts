import { existsSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CALENDAR_SEGMENTS, createCalendarService, mountCalendarRoutes, type CalendarDirectory, type CalendarPerson } from '../calendar/index.ts';
import type { DevDirectory } from '../directory/dev-directory.ts';
import { scenarioEventBody } from '../scenario/scenario-calendar.ts';
import type { DevPerson } from '../org/dev-person.ts';
import { callerOf } from '../http/caller.ts';
import type { GraphRouteModule } from '../http/graph-route-module.ts';

const STATE_FILE = 'calendar-state.json';
/** Writes are gathered for this long, so a burst of bookings costs one file write. */
const SAVE_DELAY_MS = 200;

/** Saves still waiting when the process exits; one exit listener however many tenants run. */
const unsaved = new Set<() => void>();
process.once('exit', () => {
  for (const flush of unsaved) flush();
});

const toCalendarPerson = (person: DevPerson): CalendarPerson => ({
  id: person.id,
  userPrincipalName: person.userPrincipalName,
  mail: person.mail,
  displayName: person.displayName,
  timeZone: person.ianaTimeZone,
  mailboxTimeZone: person.mailboxTimeZone,
  workingHours: { daysOfWeek: [...person.workingHours.daysOfWeek], startTime: person.workingHours.startTime, endTime: person.workingHours.endTime },
  seniority: person.level,
  tenantId: person.tenantId,
});

/** The seeded directory as the calendar module reads it. */
export function calendarDirectory(directory: DevDirectory): CalendarDirectory {
  const adapted = new Map<DevPerson, CalendarPerson>();
  const adapt = (person: DevPerson): CalendarPerson => {
    let found = adapted.get(person);
    if (!found) adapted.set(person, (found = toCalendarPerson(person)));
    return found;
  };
  return {
    byIdOrAddress: (tenantId, idOrAddress) => {
      const person = directory.find(tenantId, idOrAddress);
      return person ? adapt(person) : undefined;
    },
    all: (tenantId) => directory.people(tenantId).map(adapt),
  };
}

/**
 * Outlook calendars of the seeded people. Generated items are regenerated identically from the
 * seed at every start; what callers create through the API (Upward's bookings, answers,
 * cancellations) is kept in `calendar-state.json` in the tenant's data folder, so bookings
 * survive a restart just as they would in Exchange.
 */
export const calendarModule: GraphRouteModule = {
  name: 'calendar',
  segments: CALENDAR_SEGMENTS,
  mount(router, deps) {
    const scenario = deps.scenario;
    const service = createCalendarService({
      directory: calendarDirectory(deps.directory),
      seed: deps.seed,
      now: deps.now,
      // A scenario pins exact calendars: its people have only the items the file gives them.
      generates: (person) => scenario === undefined || person.tenantId !== scenario.tenantId,
    });
    const file = join(deps.dataDir, STATE_FILE);
    if (existsSync(file)) service.importState(JSON.parse(readFileSync(file, 'utf8')));
    const loader = { tenantId: scenario?.tenantId ?? '', kind: 'app' as const, roles: ['Calendars.ReadWrite'], scopes: [] };
    // Idempotent through each item's transactionId, so a restart with saved state adds nothing.
    for (const item of scenario?.calendarItems ?? []) service.createEvent(loader, item.ownerId, scenarioEventBody(item));

    let pending: NodeJS.Timeout | undefined;
    const save = (): void => {
      pending = undefined;
      mkdirSync(deps.dataDir, { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(service.exportState()));
      renameSync(`${file}.tmp`, file);
    };
    router.use((req, res, next) => {
      if (req.method !== 'GET') {
        res.on('finish', () => {
          if (res.statusCode < 300 && pending === undefined) {
            pending = setTimeout(save, SAVE_DELAY_MS);
            pending.unref();
          }
        });
      }
      next();
    });
    unsaved.add(() => {
      if (pending !== undefined) save();
    });

    mountCalendarRoutes(router, {
      service,
      auth: (req) => {
        const caller = callerOf(req);
        return {
          tenantId: caller.tenantId,
          kind: caller.kind,
          ...(caller.userId === undefined ? {} : { userId: caller.userId }),
          roles: [...caller.roles],
          scopes: [...caller.scopes],
        };
      },
      now: deps.now,
      baseUrl: deps.baseUrl,
    });
  },
};
