/**
 * The program use cases over a real store (PGlite in a temp folder) with a directory made of
 * hand-written people, a controllable clock and matcher, and the published events collected.
 */
import { randomUUID } from 'node:crypto';
import { notFound } from '../../src/core/errors.ts';
import { tenantId as toTenantId, userId, type TenantId, type UserId } from '../../src/core/ids.ts';
import type { DayOfWeek, PersonRef, Profile } from '../../src/core/people/profile.ts';
import { epochMs, ianaZone, type EpochMs } from '../../src/core/time.ts';
import type { ProgramEvent } from '../../src/programs/events.ts';
import { inlineMatchRunner, type MatchJob, type MatchRunner } from '../../src/programs/match-runner.ts';
import { createProgramServices, type ProgramServices } from '../../src/programs/program-services.ts';
import type { Actor, ProgramDirectory, ProgramPorts } from '../../src/programs/ports.ts';
import { openTestStore, type TestStore } from '../store/open-test-store.ts';

/** A person of the fake directory. */
export interface FakePerson {
  readonly id: string;
  readonly name?: string;
  readonly managerId?: string | null;
  readonly department?: string;
  readonly jobTitle?: string;
  readonly zone?: string;
  readonly days?: readonly DayOfWeek[];
  readonly start?: string;
  readonly end?: string;
}

const WEEKDAYS: DayOfWeek[] = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

/** A directory over `people`, answering like the Graph adapter does (404 for strangers). */
export function fakeDirectory(people: ReadonlyMap<string, FakePerson>): ProgramDirectory {
  const find = (id: string): FakePerson => {
    const person = people.get(id);
    if (!person) throw notFound(`no person with id ${id} in the directory`);
    return person;
  };
  const ref = (p: FakePerson): PersonRef => ({ id: userId(p.id), displayName: p.name ?? p.id, jobTitle: p.jobTitle ?? null });
  return {
    async readProfile(id): Promise<Profile> {
      const p = find(id);
      const zone = ianaZone(p.zone ?? 'Europe/London');
      const manager = p.managerId ? find(p.managerId) : null;
      return {
        ...ref(p),
        givenName: null,
        mail: `${p.id}@example.test`,
        userPrincipalName: `${p.id}@example.test`,
        department: p.department ?? null,
        officeLocation: null,
        manager: manager ? ref(manager) : null,
        timeZone: { iana: zone, label: zone },
        workingHours: { daysOfWeek: p.days ?? WEEKDAYS, startTime: p.start ?? '09:00', endTime: p.end ?? '17:00', timeZone: zone },
      };
    },
    async readManagerChain(id) {
      const chain: PersonRef[] = [];
      for (let m = find(id).managerId ?? null; m !== null; m = find(m).managerId ?? null) chain.push(ref(find(m)));
      return chain;
    },
  };
}

/** A matcher whose runs wait until the test lets them go (to observe `running`). */
export function heldMatchRunner(): MatchRunner & { release(): void; readonly waiting: number } {
  const inline = inlineMatchRunner();
  const held: Array<() => void> = [];
  return {
    run: (job: MatchJob) => new Promise<void>((resolve) => held.push(resolve)).then(() => inline.run(job)),
    close: async () => undefined,
    release: () => held.splice(0).forEach((go) => go()),
    get waiting() {
      return held.length;
    },
  };
}

export interface UseCaseFixture {
  readonly store: TestStore;
  readonly events: ProgramEvent[];
  readonly errors: unknown[];
  readonly people: Map<string, FakePerson>;
  services: ProgramServices;
  /** Builds fresh services over the same store (what a restart does); `matcher` replaces the runner. */
  restart(matcher?: MatchRunner): ProgramServices;
  now: EpochMs;
  advance(ms: number): void;
  actor(id: string, admin?: boolean, tenant?: TenantId): Actor;
  readonly tenant: TenantId;
  close(): Promise<void>;
}

export async function openUseCaseFixture(matcher: MatchRunner = inlineMatchRunner(), backend: 'pglite' | 'postgres' = 'pglite'): Promise<UseCaseFixture> {
  const store = await openTestStore(backend);
  const people = new Map<string, FakePerson>();
  const events: ProgramEvent[] = [];
  const errors: unknown[] = [];
  const tenant = toTenantId(randomUUID());
  const fixture: UseCaseFixture = {
    store,
    events,
    errors,
    people,
    services: undefined as unknown as ProgramServices,
    now: epochMs(Date.UTC(2026, 7, 3, 9)),
    advance(ms) {
      this.now = epochMs(this.now + ms);
    },
    restart(runner = inlineMatchRunner()) {
      const ports: ProgramPorts = {
        directoryFor: () => fakeDirectory(people),
        matcher: runner,
        publish: (event) => void events.push(event),
        now: () => fixture.now,
        newId: () => randomUUID(),
        onBackgroundError: (error) => void errors.push(error),
      };
      fixture.services = createProgramServices(store.store.db, ports);
      return fixture.services;
    },
    actor: (id, admin = false, t = tenant) => ({ tenantId: t, userId: userId(id), isAdmin: admin }),
    tenant,
    async close() {
      await fixture.services.close();
      await store.cleanup();
    },
  };
  fixture.restart(matcher);
  return fixture;
}

/** People: a chief executive `ceo`, seniors `s1..sN` reporting to them, juniors `j1..jN` reporting to `lead` under the ceo. */
export function smallOrganisation(people: Map<string, FakePerson>, seniors: number, juniors: number): { seniors: string[]; juniors: string[] } {
  people.set('ceo', { id: 'ceo', name: 'Chief', managerId: null, department: 'Executive' });
  people.set('lead', { id: 'lead', name: 'Team Lead', managerId: 'ceo', department: 'Engineering' });
  const s = Array.from({ length: seniors }, (_, i) => `s${i + 1}`);
  const j = Array.from({ length: juniors }, (_, i) => `j${i + 1}`);
  for (const id of s) people.set(id, { id, name: `Senior ${id}`, managerId: 'ceo', department: 'Finance', jobTitle: 'Director' });
  for (const id of j) people.set(id, { id, name: `Junior ${id}`, managerId: 'lead', department: 'Engineering', jobTitle: 'Engineer' });
  return { seniors: s, juniors: j };
}

export const PROGRAM_INPUT = {
  name: 'Cycle test',
  topicTracks: ['GenAI tools', 'Strategy'],
  cadence: 'monthly',
  sessionMinutes: 30,
  term: { start: '2026-09-07T00:00:00Z', end: '2027-09-01T00:00:00Z' },
};

export const answersFor = (role: 'mentor' | 'mentee', extra: Record<string, unknown> = {}) => ({
  role,
  canTeach: role === 'mentor' ? ['GenAI tools'] : ['Strategy'],
  wantsToLearn: role === 'mentor' ? ['Strategy'] : ['GenAI tools'],
  languages: ['English'],
  ...extra,
});

/**
 * A program in `matching` with everyone enrolled (seniors as mentees, juniors as mentors), its
 * first proposal ready (the inline matcher finishes before `idle()` resolves).
 */
export async function programWithProposal(fx: UseCaseFixture, seniors: string[], juniors: string[], input: Record<string, unknown> = {}) {
  const admin = fx.actor('ceo', true);
  const program = await fx.services.programs.create(admin, { ...PROGRAM_INPUT, ...input });
  await fx.services.programs.transition(admin, program.id, { to: 'enrolling' });
  for (const id of seniors) await fx.services.enrolments.enrol(fx.actor(id), program.id, answersFor('mentee'));
  for (const id of juniors) await fx.services.enrolments.enrol(fx.actor(id), program.id, answersFor('mentor'));
  await fx.services.programs.transition(admin, program.id, { to: 'matching' });
  await fx.services.matching.run(admin, program.id);
  await fx.services.idle();
  return { admin, programId: program.id as string };
}
