/**
 * `upward program send <program> --pair <n> --session <k> --kind ...` against a running Upward: a
 * program admin sends a session's agenda now and the pair receives it once, however often it is
 * asked; the pair can be named by its number in `review` or its pairing id; a bad kind is the
 * server's 400 naming the field; a missing option is a usage error; a participant is refused.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliAgainst } from './cli-runner.ts';
import { tenantId as toTenantId, userId as toUserId } from '../../src/core/ids.ts';
import { DAY_MS } from '../../src/core/time.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { bookingRepository } from '../../src/store/bookings.ts';
import { pairsPublished, pickCohort, publishProgram, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';
import { PROGRAM } from '../programs/program-forms.ts';
import { bookedSeries } from '../teams/loop/loop-fixture.ts';

let fx: AppFixture;
let admin: DevPerson;
let mentor: DevPerson;
let mentee: DevPerson;
let programId: string;
let pairId: string;

const received = (person: DevPerson, summary: RegExp) =>
  fx.app.devTenant!.teams.received({ userId: person.id }).flatMap((p) => p.activities).filter((a) => summary.test(a.summary ?? ''));

const upward = cliAgainst(() => fx.app.url, 'program');

beforeAll(async () => {
  fx = await startAppFixture();
  admin = fx.admins()[0]!;
  const { seniors, juniors } = pickCohort(fx.people(), 2);
  // The first junior reports to the senior (pickCohort's trap); the second can be paired.
  ({ id: programId } = await publishProgram(fx, admin, { ...PROGRAM, name: 'Sent from the CLI' }, { mentees: [seniors[0]!], mentors: [juniors[1]!] }));
  const pair = pairsPublished(fx, programId).pairs[0]!;
  const person = (id: string) => fx.people().find((p) => p.id.toLowerCase() === id)!;
  [mentor, mentee, pairId] = [person(pair.mentorId), person(pair.menteeId), pair.pairingId];
  const deadline = Date.now() + 60_000;
  while (received(mentor, /^Meet your partner/).length === 0 || received(mentee, /^Meet your partner/).length === 0) {
    if (Date.now() > deadline) throw new Error('the introductions did not arrive');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const now = Date.now();
  const series = bookedSeries({
    tenantId: toTenantId(fx.tenantId),
    programId,
    pairId,
    mentor: { userId: toUserId(mentor.id.toLowerCase()), name: mentor.displayName },
    mentee: { userId: toUserId(mentee.id.toLowerCase()), name: mentee.displayName },
    starts: [now + 3 * DAY_MS, now + 10 * DAY_MS],
  });
  await bookingRepository(fx.app.store.db).insertMany(series.tenantId, [series]);
}, 180_000);

afterAll(() => fx?.close());

it('sends a session\'s agenda now to both people, once, and explains what it refuses', async () => {
  const first = await upward('send', programId, '--pair', '1', '--session', '1', '--kind', 'agenda', '--as', admin.userPrincipalName);
  expect(first.code, first.err).toBe(0);
  expect(first.out).toMatch(/^Agenda of session 1 of 2 \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\): sent$/m);
  expect(first.out).toContain(`  ${mentor.displayName}: sent now`);
  expect(first.out).toContain(`  ${mentee.displayName}: sent now`);

  // Named by its pairing id this time: the same pair, already sent.
  const again = await upward('send', programId, '--pair', pairId, '--session', '1', '--kind', 'agenda', '--as', admin.userPrincipalName);
  expect(again.code, again.err).toBe(0);
  expect(again.out).toContain('already sent earlier; nothing sent again');
  expect(again.out).toContain(`  ${mentee.displayName}: had it already (not sent again)`);
  await fx.app.devTenant!.teams.idle();
  for (const who of [mentor, mentee]) expect(received(who, /^Agenda for session 1$/)).toHaveLength(1);

  const feedback = await upward('send', programId, '--pair', '1', '--session', '2', '--kind', 'feedback', '--user', mentee.id, '--as', admin.userPrincipalName);
  expect(feedback.code, feedback.err).toBe(0);
  expect(feedback.out.split('\n')).toEqual([expect.stringMatching(/^Feedback card of session 2 of 2 /), `  ${mentee.displayName}: sent now`]);

  const badKind = await upward('send', programId, '--pair', '1', '--session', '1', '--kind', 'agendas', '--as', admin.userPrincipalName);
  expect(badKind.code).toBe(1);
  expect(badKind.err).toContain('(400 bad_input)');
  expect(badKind.err).toContain('  kind: kind must be one of agenda, feedback, feedback-reminder');
  const noSession = await upward('send', programId, '--pair', '1', '--kind', 'agenda', '--as', admin.userPrincipalName);
  expect(noSession.code).toBe(2);
  expect(noSession.err).toContain('--session <k>');
  const noPair = await upward('send', programId, '--pair', '7', '--session', '1', '--kind', 'agenda', '--as', admin.userPrincipalName);
  expect(noPair.code).toBe(2);
  expect(noPair.err).toContain('(1 to 1)');
  const participant = await upward('send', programId, '--pair', pairId, '--session', '1', '--kind', 'feedback', '--as', mentor.userPrincipalName);
  expect(participant.code).toBe(1);
  expect(participant.err).toContain('(403 forbidden)');
  await fx.app.devTenant!.teams.idle();
  expect(received(mentor, /^How did session/)).toHaveLength(0);
});

it('lists `send` in the help', async () => {
  const help = await upward('--help');
  expect(help.code).toBe(0);
  expect(help.out).toContain('send <program> --pair <n> --session <k> --kind agenda|feedback|feedback-reminder');
});
