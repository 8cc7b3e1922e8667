/**
 * Upward started as `npm start` runs it (development tenant, embedded PGlite store, ports 0, a
 * temp data folder), with the program events it emits collected, and helpers to sign in as a
 * seeded person and call the API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import type { PairingAdmin, PublishResponse } from '../../src/contracts/pairings.ts';
import { DAY_MS } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { OTHER_TENANT_ID } from '../../src/devtenant/org/organisations.ts';
import type { PairsPublished, ProgramEvent } from '../../src/programs/events.ts';
import { signIn } from '../devtenant/tokens.ts';
import { juniorForm, seniorForm } from './program-forms.ts';

/** The main development tenant (env/.env.local). */
export const MAIN_TENANT_ID = '5f1c0d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';

export interface Answer {
  readonly status: number;
  readonly body: any;
}

export interface AppFixture {
  readonly app: RunningApp;
  readonly events: ProgramEvent[];
  readonly tenantId: string;
  readonly otherTenantId: string;
  people(tenantId?: string): readonly DevPerson[];
  admins(tenantId?: string): readonly DevPerson[];
  /** An API token for a seeded person (cached per person). */
  token(person: DevPerson): Promise<string>;
  /** Calls Upward's API as `person` (or with no token when `person` is null). */
  call(person: DevPerson | null, method: string, path: string, body?: unknown): Promise<Answer>;
  close(): Promise<void>;
}

/**
 * Starts Upward with both seeded organisations allowed to sign in; `overrides` adds environment
 * values (e.g. `DEVTENANT_SCENARIO` to replace the generated organisation with a scenario file).
 */
export async function startAppFixture(overrides: Readonly<Record<string, string>> = {}): Promise<AppFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'upward-programs-'));
  const events: ProgramEvent[] = [];
  const app = await startApp({
    overrides: {
      PORT: '0',
      DEVTENANT_PORT: '0',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'silent',
      DATABASE_URL: '',
      ENTRA_TENANT_ID: MAIN_TENANT_ID,
      ENTRA_ALLOWED_TENANT_IDS: `${MAIN_TENANT_ID},${OTHER_TENANT_ID}`,
      ...overrides,
    },
    onProgramEvent: (event) => events.push(event),
  });
  const devTenant = app.devTenant!;
  const tokens = new Map<string, Promise<string>>();
  const token = (person: DevPerson): Promise<string> => {
    let cached = tokens.get(person.id);
    if (!cached) {
      cached = signIn(devTenant.url, person.tenantId, app.config.entra.clientId, `${app.url}/tab/`, person.id, `${app.config.entra.audiences[1]}/access_as_user`);
      tokens.set(person.id, cached);
    }
    return cached;
  };
  return {
    app,
    events,
    tenantId: devTenant.tenantId,
    otherTenantId: devTenant.otherTenantId,
    people: (tenantId = devTenant.tenantId) => devTenant.directory.people(tenantId),
    admins: (tenantId = devTenant.tenantId) => devTenant.directory.admins(tenantId),
    token,
    async call(person, method, path, body) {
      const headers: Record<string, string> = {};
      if (person) headers['authorization'] = `Bearer ${await token(person)}`;
      if (body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${app.url}/api${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
      const text = await response.text();
      return { status: response.status, body: text === '' ? undefined : JSON.parse(text) };
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls the proposal until its run is over; fails after `timeoutMs`. */
export async function waitForProposal(fixture: AppFixture, admin: DevPerson, programId: string, timeoutMs = 20_000): Promise<any> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const answer = await fixture.call(admin, 'GET', `/programs/${programId}/proposal`);
    if (answer.status !== 200) throw new Error(`proposal: ${answer.status} ${JSON.stringify(answer.body)}`);
    if (answer.body.proposal.status !== 'running') return answer.body.proposal;
    if (Date.now() > deadline) throw new Error('matching did not finish in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A cohort from the seeded directory that can be matched in full: managers two steps below the
 * chief executive, juniors deeper down, all in one office zone (so working hours overlap) and
 * none reporting to a chosen senior — except `underFirstSenior`, who reports (through the line) to
 * the first senior, so that the management-chain rule has something to refuse.
 */
export function pickCohort(people: readonly DevPerson[], size: number, extraJuniors = 0, zone = 'Europe/London') {
  const byId = new Map(people.map((p) => [p.id, p]));
  const chainOf = (person: DevPerson): string[] => {
    const chain: string[] = [];
    for (let m = person.managerId; m !== null; m = byId.get(m)?.managerId ?? null) chain.push(m);
    return chain;
  };
  const usable = (p: DevPerson) => p.accountEnabled && !p.isProgramAdmin && p.ianaTimeZone === zone && p.workingHours.daysOfWeek.length >= 4;
  const managers = new Set(people.map((p) => p.managerId));
  const seniors = people.filter((p) => usable(p) && p.depth === 2 && managers.has(p.id)).slice(0, size);
  const seniorIds = new Set(seniors.map((s) => s.id));
  const juniorsPool = people.filter((p) => usable(p) && p.depth >= 3);
  const underFirstSenior = juniorsPool.find((p) => chainOf(p).includes(seniors[0]!.id));
  const free = juniorsPool.filter((p) => !chainOf(p).some((id) => seniorIds.has(id)));
  const juniors = [...(underFirstSenior ? [underFirstSenior] : []), ...free].slice(0, size + extraJuniors);
  return { seniors, juniors, underFirstSenior, chainOf };
}

/** One senior and one junior outside the senior's reporting line: a pair the matcher may make. */
export function pickPair(people: readonly DevPerson[]): { senior: DevPerson; junior: DevPerson } {
  const { seniors, juniors, chainOf } = pickCohort(people, 1, 1);
  const senior = seniors[0]!;
  const junior = juniors.find((j) => !chainOf(j).includes(senior.id));
  if (junior === undefined) throw new Error(`no junior outside ${senior.displayName}'s reporting line in the organisation`);
  return { senior, junior };
}

/** Throws naming the step unless `answer` has the status the step answers with when it works. */
function expectOk(what: string, answer: Answer, status: number): void {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

/**
 * A program created by its admin and opened for enrolment, as the admin view does it; throws
 * naming the step that did not answer as it should.
 * @returns the program's id
 */
export async function createEnrollingProgram(fixture: AppFixture, admin: DevPerson, program: Readonly<Record<string, unknown>>): Promise<string> {
  const created = await fixture.call(admin, 'POST', '/programs', program);
  expectOk('create the program', created, 201);
  const id = created.body.program.id as string;
  expectOk('open enrolment', await fixture.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'enrolling' }), 200);
  return id;
}

/** A published program: its id and the pairs publishing answered with, in that answer's order. */
export interface PublishedProgram {
  readonly id: string;
  readonly pairings: readonly PairingAdmin[];
}

/**
 * A program taken by its admin from created to published, as the admin view does it: opened, the
 * mentees (seniors) and mentors (juniors) enrolled with the standard forms, matched, published.
 * Each step must answer as it does for an admin, or this throws naming the step.
 */
export async function publishProgram(
  fixture: AppFixture,
  admin: DevPerson,
  program: Readonly<Record<string, unknown>>,
  people: { readonly mentees: readonly DevPerson[]; readonly mentors: readonly DevPerson[] },
): Promise<PublishedProgram> {
  const id = await createEnrollingProgram(fixture, admin, program);
  for (const mentee of people.mentees) expectOk(`enrol ${mentee.displayName}`, await fixture.call(mentee, 'POST', `/programs/${id}/enrolment`, seniorForm()), 201);
  for (const mentor of people.mentors) expectOk(`enrol ${mentor.displayName}`, await fixture.call(mentor, 'POST', `/programs/${id}/enrolment`, juniorForm()), 201);
  expectOk('close enrolment', await fixture.call(admin, 'POST', `/programs/${id}/transitions`, { to: 'matching' }), 200);
  expectOk('run matching', await fixture.call(admin, 'POST', `/programs/${id}/matching`), 202);
  await waitForProposal(fixture, admin, id);
  const published = await fixture.call(admin, 'POST', `/programs/${id}/publish`);
  expectOk('publish', published, 200);
  return { id, pairings: (published.body as PublishResponse).pairings };
}

/** The `pairs.published` event the app emitted when `programId`'s pairs were published. */
export function pairsPublished(fixture: AppFixture, programId: string): PairsPublished {
  const event = fixture.events.find((e): e is PairsPublished => e.type === 'pairs.published' && e.programId === programId);
  if (event === undefined) throw new Error(`no pairs.published event for program ${programId}`);
  return event;
}

/**
 * A term of `weeks` weeks from the first midnight UTC a week or more from now, whatever day the
 * suite runs: far enough ahead that every session of it can still be booked.
 */
export function nextTerm(weeks: number): { readonly start: string; readonly end: string } {
  const start = Math.ceil(Date.now() / DAY_MS) * DAY_MS + 7 * DAY_MS;
  return { start: new Date(start).toISOString(), end: new Date(start + weeks * 7 * DAY_MS).toISOString() };
}
