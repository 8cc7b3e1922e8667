import type { DevOrganisation, DevPerson } from '../org/dev-person.ts';
import { MAIN_REGIONS, OTHER_REGIONS } from '../org/regions.ts';
import { ianaZoneName } from '../time-zone-names.ts';
import { scenarioCalendarItem, type ScenarioCalendarItem } from './scenario-calendar.ts';
import { nameParts, scenarioPersonId, scenarioUpns } from './scenario-names.ts';
import type { ScenarioData, ScenarioPersonData } from './scenario-schema.ts';

/** A scenario turned into the tenant's organisation plus the calendar items to load. */
export interface ScenarioOrganisation {
  readonly organisation: DevOrganisation;
  /** Every person's items, in file order. */
  readonly calendarItems: readonly ScenarioCalendarItem[];
  /** The file's `scenario` name, if any. */
  readonly name: string | undefined;
}

/** Fixed dates, so that the same file always yields the same people. */
const HIRED = '2020-01-06T00:00:00Z';
const CREATED = '2019-12-23T00:00:00Z';
const REGIONS = [...MAIN_REGIONS, ...OTHER_REGIONS];

/** Office details for a zone: a known office region's, else the city the zone id names. */
function placeOf(iana: string): { city: string; country: string; usageLocation: string; office: string; locale: string } {
  const region = REGIONS.find((r) => r.zone === iana);
  if (region) return { city: region.city, country: region.country, usageLocation: region.usageLocation, office: region.offices[0]!, locale: region.locales[0]! };
  const city = (iana.split('/').pop() ?? iana).replace(/_/g, ' ');
  return { city, country: '', usageLocation: '', office: city, locale: 'en-US' };
}

/** People from the roots down, breadth-first, keeping file order among siblings (the directory's order). */
function breadthFirst(managerOf: readonly (number | undefined)[]): { order: number[]; depth: number[] } {
  const children = managerOf.map(() => [] as number[]);
  const roots: number[] = [];
  managerOf.forEach((m, i) => (m === undefined ? roots.push(i) : children[m]!.push(i)));
  const depth = managerOf.map(() => 0);
  const order = [...roots];
  for (let head = 0; head < order.length; head++) {
    for (const child of children[order[head]!]!) {
      depth[child] = depth[order[head]!]! + 1;
      order.push(child);
    }
  }
  return { order, depth };
}

/**
 * Builds the organisation from a validated scenario (see scenario-schema.ts; references are
 * already checked, so every manager exists and there is no cycle).
 */
export function scenarioOrganisation(data: ScenarioData, tenantId: string): ScenarioOrganisation {
  const domain = data.organisation.domain;
  const upns = scenarioUpns(data.people, domain);
  const ids = data.people.map((p, i) => (p.id ?? scenarioPersonId(upns[i]!)).toLowerCase());
  const indexOfUpn = new Map(upns.map((u, i) => [u.toLowerCase(), i]));
  const managerOf = data.people.map((p) => (p.managerUpn === undefined ? undefined : indexOfUpn.get(p.managerUpn.toLowerCase())));
  const hasReports = new Set(managerOf.filter((m): m is number => m !== undefined));
  const { order, depth } = breadthFirst(managerOf);

  const personAt = (i: number): DevPerson => {
    const p: ScenarioPersonData = data.people[i]!;
    const iana = ianaZoneName(p.timeZone)!;
    const place = placeOf(iana);
    const { givenName, surname } = nameParts(p);
    const upn = upns[i]!;
    const m = managerOf[i];
    return {
      tenantId,
      id: ids[i]!,
      givenName,
      surname,
      displayName: p.displayName,
      userPrincipalName: upn,
      mail: upn,
      mailNickname: upn.split('@')[0]!,
      jobTitle: p.jobTitle,
      department: p.department,
      level: p.level ?? (hasReports.has(i) ? (m === undefined ? 10 : 6) : 3),
      depth: depth[i]!,
      managerId: m === undefined ? null : ids[m]!,
      employeeId: `S${10001 + i}`,
      employeeType: p.employeeType,
      employeeHireDate: HIRED,
      createdDateTime: CREATED,
      accountEnabled: p.accountEnabled,
      officeLocation: p.officeLocation ?? place.office,
      city: p.city ?? place.city,
      country: p.country ?? place.country,
      usageLocation: p.usageLocation ?? place.usageLocation,
      businessPhones: [],
      mobilePhone: null,
      preferredLanguage: p.preferredLanguage ?? place.locale,
      ianaTimeZone: iana,
      mailboxTimeZone: p.timeZone,
      workingHours: {
        daysOfWeek: [...p.workingHours.days],
        startTime: p.workingHours.start,
        endTime: p.workingHours.end,
        timeZone: p.workingHours.timeZone ?? p.timeZone,
      },
      isProgramAdmin: p.roles.includes('ProgramAdmin'),
    };
  };

  const calendarItems = data.people.flatMap((p, i) =>
    p.calendar.map((item, j) =>
      scenarioCalendarItem(
        item,
        { id: ids[i]!, upn: upns[i]!, timeZone: p.timeZone },
        j,
        item.attendees.map((a) => {
          const k = indexOfUpn.get(a.toLowerCase())!;
          return { id: ids[k]!, upn: upns[k]!, displayName: data.people[k]!.displayName };
        }),
      ),
    ),
  );

  return {
    organisation: { tenantId, displayName: data.organisation.displayName, domain, people: order.map(personAt) },
    calendarItems,
    name: data.scenario,
  };
}
