/**
 * Property: whatever the cohort, whatever the admin does in review and whatever people change
 * before publishing, no published pair breaks a hard constraint and nobody gets more partners than
 * the program allows. When publishing is refused, nothing at all was published.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UpwardError } from '../../src/core/errors.ts';
import { tenantId, userId } from '../../src/core/ids.ts';
import { whyNotPaired } from '../../src/core/matching/pair-rules.ts';
import { checkTrio } from '../../src/core/matching/trios.ts';
import { programId } from '../../src/core/programs/program.ts';
import { enrolmentRepository } from '../../src/store/enrolments.ts';
import { pairingRepository } from '../../src/store/pairings.ts';
import { programRepository } from '../../src/store/programs.ts';
import { inlineMatchRunner } from '../../src/programs/match-runner.ts';
import { PROGRAM_INPUT, answersFor, openUseCaseFixture, type UseCaseFixture } from './use-case-fixture.ts';

const ZONES = ['Europe/London', 'America/New_York', 'Asia/Kolkata', 'Asia/Tokyo'];
const TOPICS = ['GenAI tools', 'Strategy', 'Social media', 'Budgeting'];

const personArb = fc.record({
  manager: fc.nat(),
  zone: fc.constantFrom(...ZONES),
  start: fc.integer({ min: 6, max: 10 }),
  length: fc.integer({ min: 5, max: 9 }),
  teach: fc.subarray(TOPICS, { minLength: 1 }),
  learn: fc.subarray(TOPICS, { minLength: 1 }),
  exclude: fc.option(fc.nat(), { freq: 4 }),
});
const opArb = fc.oneof(
  fc.record({ kind: fc.constant('lock' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('remove' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('swap' as const), i: fc.nat(), j: fc.nat() }),
  fc.record({ kind: fc.constant('trio' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('rerun' as const) }),
  fc.record({ kind: fc.constant('pause' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('leave' as const), i: fc.nat() }),
  fc.record({ kind: fc.constant('exclude' as const), i: fc.nat(), j: fc.nat() }),
);
const scenarioArb = fc.record({
  people: fc.array(personArb, { minLength: 3, maxLength: 12 }),
  menteeShare: fc.double({ min: 0.3, max: 0.7, noNaN: true }),
  capacity: fc.integer({ min: 1, max: 2 }),
  gap: fc.integer({ min: 1, max: 2 }),
  trios: fc.boolean(),
  sessionMinutes: fc.constantFrom(30, 45, 60),
  ops: fc.array(opArb, { maxLength: 8 }),
});

describe.each(['pglite', 'postgres'] as const)('on %s', (backend) => {
  let fx: UseCaseFixture;
  beforeAll(async () => {
    fx = await openUseCaseFixture(inlineMatchRunner(), backend);
  });
  afterAll(() => fx.close());

  it('never publishes a pair that breaks a hard rule', async () => {
    let published = 0;
    await fc.assert(
      fc.asyncProperty(scenarioArb, async (scenario) => {
        const tenant = tenantId(randomUUID());
        const run = randomUUID().slice(0, 8);
        const ids = scenario.people.map((_, i) => `${run}-p${i}`);
        // A tree: each person's manager is someone listed before them (the first is the top).
        scenario.people.forEach((p, i) => {
          fx.people.set(ids[i]!, {
            id: ids[i]!,
            name: `Person ${i}`,
            managerId: i === 0 ? null : ids[p.manager % i]!,
            zone: p.zone,
            start: `${String(p.start).padStart(2, '0')}:00`,
            end: `${String(p.start + p.length).padStart(2, '0')}:00`,
            department: i % 2 === 0 ? 'Finance' : 'Engineering',
          });
        });
        const admin = fx.actor(`${run}-admin`, true, tenant);
        const as = (i: number) => fx.actor(ids[i % ids.length]!, false, tenant);
        const program = await fx.services.programs.create(admin, {
          ...PROGRAM_INPUT,
          sessionMinutes: scenario.sessionMinutes,
          capacityPerPerson: scenario.capacity,
          rules: { minSeniorityGap: scenario.gap, allowTrios: scenario.trios },
        });
        await fx.services.programs.transition(admin, program.id, { to: 'enrolling' });
        const mentees = Math.max(1, Math.round(ids.length * scenario.menteeShare));
        for (let i = 0; i < ids.length; i++) {
          const p = scenario.people[i]!;
          const role = i < mentees ? 'mentee' : 'mentor';
          const exclude = p.exclude === null ? [] : [ids[p.exclude % ids.length]!].filter((id) => id !== ids[i]);
          await fx.services.enrolments.enrol(as(i), program.id, answersFor(role, { canTeach: p.teach, wantsToLearn: p.learn, doNotPairWith: exclude }));
        }
        await fx.services.programs.transition(admin, program.id, { to: 'matching' });
        await fx.services.matching.run(admin, program.id);
        await fx.services.idle();

        const pairAt = async (i: number) => {
          const pairs = (await fx.services.matching.proposal(admin, program.id)).record.proposal?.pairs ?? [];
          return pairs.length === 0 ? undefined : pairs[i % pairs.length]!;
        };
        for (const op of scenario.ops) {
          try {
            const pair = 'i' in op ? await pairAt(op.i) : undefined;
            const ref = pair && { mentorId: pair.mentorId, menteeId: pair.menteeId };
            if (op.kind === 'lock' && ref) await fx.services.review.lock(admin, program.id, ref);
            if (op.kind === 'remove' && ref) await fx.services.review.remove(admin, program.id, ref);
            if (op.kind === 'swap' && ref) {
              const other = await pairAt(op.j);
              if (other) await fx.services.review.swap(admin, program.id, { a: ref, b: { mentorId: other.mentorId, menteeId: other.menteeId } });
            }
            if (op.kind === 'trio') {
              const suggestion = (await fx.services.matching.proposal(admin, program.id)).record.proposal?.trioSuggestions[0];
              if (suggestion) await fx.services.review.acceptTrio(admin, program.id, { mentorId: suggestion.mentorId, pair: suggestion.pair });
            }
            if (op.kind === 'rerun') {
              await fx.services.matching.rerun(admin, program.id);
              await fx.services.idle();
            }
            if (op.kind === 'pause') await fx.services.enrolments.pause(as(op.i), program.id, { pausedUntil: fx.now + 86_400_000 });
            if (op.kind === 'leave') await fx.services.enrolments.leave(as(op.i), program.id, {});
            if (op.kind === 'exclude' && ids[op.i % ids.length] !== ids[op.j % ids.length]) {
              await fx.services.enrolments.edit(as(op.i), program.id, { doNotPairWith: [ids[op.j % ids.length]!] });
            }
          } catch (error) {
            if (!(error instanceof UpwardError)) throw error; // refusals are expected; crashes are not
          }
        }

        const db = fx.store.store.db;
        try {
          await fx.services.publish(admin, program.id);
        } catch (error) {
          if (!(error instanceof UpwardError)) throw error;
          expect(await pairingRepository(db).count(tenant, program.id)).toBe(0);
          expect((await programRepository(db).get(tenant, program.id))!.state).toBe('matching');
          return;
        }
        published++;
        const stored = await programRepository(db).get(tenant, programId(program.id));
        const enrolments = await enrolmentRepository(db).listForProgram(tenant, program.id);
        const pairings = await pairingRepository(db).listForProgram(tenant, program.id);
        const byId = new Map(enrolments.map((e) => [e.userId, e]));
        const context = { program: stored!, enrolments, history: [], now: fx.now };
        const partners = new Map<string, number>();
        for (const p of pairings) {
          expect(whyNotPaired(byId.get(p.mentorId)!, byId.get(p.menteeId)!, context)).toEqual({ ok: true });
          const members = [p.mentorId, p.menteeId];
          if (p.coMentorId !== null) {
            expect(whyNotPaired(byId.get(p.coMentorId)!, byId.get(p.menteeId)!, context)).toEqual({ ok: true });
            expect(checkTrio(byId.get(p.coMentorId)!, byId.get(p.mentorId)!, byId.get(p.menteeId)!, stored!.sessionMinutes)).toEqual({ ok: true });
            members.push(p.coMentorId);
          }
          for (const m of members) partners.set(m, (partners.get(m) ?? 0) + 1);
        }
        for (const n of partners.values()) expect(n).toBeLessThanOrEqual(scenario.capacity);
        expect(new Set(pairings.map((p) => `${p.mentorId}|${p.menteeId}`)).size).toBe(pairings.length);
        void userId;
      }),
      { numRuns: 40, seed: 20260901 },
    );
    // The property must have been exercised on real publishes, not only on refusals.
    expect(published).toBeGreaterThan(10);
  }, 120_000);
});
