import { windowsZoneName } from '../time-zone-names.ts';
import type { DevOrganisation, DevPerson } from './dev-person.ts';
import { DIVISIONS, EXECUTIVE_DEPARTMENT, HR_DEPARTMENT, PROGRAM_ADMIN_ROLES, jobTitle, type Division } from './job-ladder.ts';
import { ALL_NAME_CULTURES, NAME_CULTURES } from './name-pool.ts';
import { MIN_SPAN, buildShape, levelOf } from './org-shape.ts';
import { employmentDates, workingHours } from './person-attributes.ts';
import type { Region } from './regions.ts';
import { seededRandom, type SeededRandom } from './seeded-random.ts';
import { foldForUpn } from './upn.ts';

/** What to generate. The same spec always yields the same organisation, person for person. */
export interface OrganisationSpec {
  readonly tenantId: string;
  readonly displayName: string;
  readonly domain: string;
  readonly seed: number;
  readonly size: number;
  readonly regions: readonly Region[];
  /** Region key of the chief executive's office. */
  readonly headquarters: string;
}

/**
 * Generates an organisation: a chief executive, division chiefs, a manager tree with spans of
 * 3–8, departments, titles by level, diverse names, unique UPNs, offices across time zones and
 * per-person working hours, plus 3–5 program admins in HR. Linear in size: 10,000 people take
 * about a tenth of a second. The development tenant regenerates the organisation from the seed
 * at every start instead of storing it; identical output is what makes that safe.
 */
export function generateOrganisation(spec: OrganisationSpec): DevOrganisation {
  const size = Math.max(1, Math.floor(spec.size));
  const rng = seededRandom(spec.seed);
  const shape = buildShape(size, rng);
  const hq = spec.regions.find((r) => r.key === spec.headquarters) ?? spec.regions[0]!;
  const windowsNames = new Map(spec.regions.map((r) => [r.key, windowsZoneName(r.zone)]));
  const upnCounts = new Map<string, number>();
  const ids: string[] = [];
  const regionOf: Region[] = [];
  const levels = new Int32Array(size);
  const people: DevPerson[] = [];

  for (let i = 0; i < size; i++) {
    const id = rng.guid();
    ids.push(id);
    const p = shape.parent[i]!;
    const region = i === 0 ? hq : rng.chance(0.55) ? regionOf[p]! : rng.weighted(spec.regions, (r) => r.weight);
    regionOf.push(region);
    const level = levelOf(i, shape, p >= 0 ? levels[p]! : 11, rng);
    levels[i] = level;

    const cultureKey = rng.chance(0.88) ? rng.pick(region.cultures) : rng.pick(ALL_NAME_CULTURES);
    const givenName = rng.pick(NAME_CULTURES[cultureKey].given);
    const surnameCulture = rng.chance(0.95) ? cultureKey : rng.pick(ALL_NAME_CULTURES);
    const surname = rng.pick(NAME_CULTURES[surnameCulture].surnames);
    const base = `${foldForUpn(givenName)}.${foldForUpn(surname)}`;
    const seen = (upnCounts.get(base) ?? 0) + 1;
    upnCounts.set(base, seen);
    const nickname = seen === 1 ? base : `${base}${seen}`;
    const upn = `${nickname}@${spec.domain}`;

    const division: Division | undefined = i === 0 ? undefined : DIVISIONS[shape.division[i]!];
    const department = division?.departments[shape.department[i]!];
    const windowsName = windowsNames.get(region.key);
    const useWindows = windowsName !== undefined && rng.chance(0.65);
    const mailboxTimeZone = useWindows ? windowsName : region.zone;
    // Exchange lets working hours carry their own zone; a few people have it in the other spelling.
    const hoursZone = windowsName !== undefined && rng.chance(0.1) ? (useWindows ? region.zone : windowsName) : mailboxTimeZone;
    const dates = employmentDates(level, rng);
    const isIc = shape.height[i] === 0;

    people.push({
      tenantId: spec.tenantId,
      id,
      givenName,
      surname,
      displayName: `${givenName} ${surname}`,
      userPrincipalName: upn,
      mail: upn,
      mailNickname: nickname,
      jobTitle: jobTitle(level, department, shape.depth[i] === 1 ? division?.chief : undefined),
      department: department?.name ?? EXECUTIVE_DEPARTMENT,
      level,
      depth: shape.depth[i]!,
      managerId: p >= 0 ? ids[p]! : null,
      employeeId: `E${String(10001 + i)}`,
      employeeType: isIc && rng.chance(0.06) ? 'Contractor' : 'Employee',
      employeeHireDate: dates.hired,
      createdDateTime: dates.created,
      accountEnabled: !(isIc && rng.chance(0.015)),
      officeLocation: rng.chance(0.05) ? `Remote - ${region.country}` : rng.pick(region.offices),
      city: region.city,
      country: region.country,
      usageLocation: region.usageLocation,
      businessPhones: [`${region.phonePrefix}${String(rng.int(0, 9999)).padStart(4, '0')}`],
      mobilePhone: rng.chance(0.35) ? `${region.phonePrefix}${String(rng.int(0, 9999)).padStart(4, '0')}` : null,
      preferredLanguage: rng.pick(region.locales),
      ianaTimeZone: region.zone,
      mailboxTimeZone,
      workingHours: workingHours(region, hoursZone, rng),
      isProgramAdmin: false,
    });
  }
  appointProgramAdmins(people, levels, rng);
  return { tenantId: spec.tenantId, displayName: spec.displayName, domain: spec.domain, people };
}

/**
 * Makes 3–5 people in HR program admins (below the chief where HR is big enough) and gives the
 * individual contributors among them learning-and-development titles.
 */
function appointProgramAdmins(people: DevPerson[], levels: Int32Array, rng: SeededRandom): void {
  const hr: number[] = [];
  for (let i = 0; i < people.length; i++) if (people[i]!.department === HR_DEPARTMENT) hr.push(i);
  const candidates = hr.length > MIN_SPAN ? hr.filter((i) => people[i]!.depth > 1 && people[i]!.accountEnabled) : hr;
  const wanted = Math.min(candidates.length, rng.int(3, 5));
  const hrDepartment = DIVISIONS.flatMap((d) => d.departments).find((d) => d.name === HR_DEPARTMENT);
  const pool = [...candidates];
  for (let n = 0; n < wanted; n++) {
    const [i] = pool.splice(rng.int(0, pool.length - 1), 1) as [number];
    const person = people[i]!;
    const level = levels[i]!;
    people[i] = {
      ...person,
      isProgramAdmin: true,
      accountEnabled: true,
      jobTitle: level <= 5 ? jobTitle(level, hrDepartment, undefined, rng.pick(PROGRAM_ADMIN_ROLES)) : person.jobTitle,
    };
  }
}
