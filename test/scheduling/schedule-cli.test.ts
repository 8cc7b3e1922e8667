/**
 * The whole journey on a running Upward (development tenant, PGlite, job queue): a program is
 * created, filled, matched and published with `upward program ...`, then `upward schedule run`
 * books its pairs as a durable job, `schedule status` shows each pair's result, and a participant
 * sees their booked series with its explanation through `schedule show`.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { cliAgainst } from '../cli/cli-runner.ts';
import { nextTerm, pickCohort, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';

let fx: AppFixture;
beforeAll(async () => {
  fx = await startAppFixture();
});
afterAll(() => fx?.close());

const upward = cliAgainst(() => fx.app.url);

it('books a published program from the command line and shows a pair their series', async () => {
  const admin = fx.admins()[0]!.userPrincipalName;
  const { seniors, juniors } = pickCohort(fx.people(), 3);
  const { start, end } = nextTerm(12);
  const created = await upward('program', 'create', '--as', admin, '--json', '--name', 'Scheduled cohort', '--tracks', 'GenAI tools,Strategy', '--cadence', 'biweekly', '--minutes', '45', '--start', start, '--end', end);
  expect(created.code, created.err).toBe(0);
  const id = JSON.parse(created.out).program.id as string;
  expect((await upward('program', 'open', id, '--as', admin)).code).toBe(0);
  for (const person of seniors) expect((await upward('program', 'enrol', id, '--as', person.userPrincipalName, '--role', 'mentee', '--teach', 'Strategy', '--learn', 'GenAI tools')).code).toBe(0);
  for (const person of juniors) expect((await upward('program', 'enrol', id, '--as', person.userPrincipalName, '--role', 'mentor', '--teach', 'GenAI tools', '--learn', 'Strategy')).code).toBe(0);
  expect((await upward('program', 'match', id, '--as', admin)).code).toBe(0);
  const published = await upward('program', 'publish', id, '--as', admin);
  expect(published.code, published.err).toBe(0);

  const run = await upward('schedule', 'run', id, '--as', admin);
  expect(run.code, run.err).toBe(0);
  expect(run.out).toMatch(/^Started run [0-9a-f-]{36} for 3 pairs\./);
  expect(run.out).toMatch(/done \(done\) {2}3\/3 pairs \(100%\)/);
  const runId = /Started run ([0-9a-f-]{36})/.exec(run.out)![1]!;

  const status = await upward('schedule', 'status', runId, '--as', admin, '--json');
  const { pairs } = JSON.parse(status.out) as { pairs: Array<{ result: string; bookingId: string; organiser: string }> };
  expect(pairs).toHaveLength(3);
  const booked = pairs.find((p) => p.result === 'booked' || p.result === 'booked_with_moved_sessions');
  expect(booked, status.out).toBeDefined();

  // The mentee (the senior, organising by default) sees their own series with its explanation.
  const mentee = seniors.find((s) => s.displayName === booked!.organiser)!;
  const shown = await upward('schedule', 'show', '--as', mentee.userPrincipalName);
  expect(shown.code, shown.err).toBe(0);
  expect(shown.out).toContain(`${mentee.displayName} (mentee, organiser) with`);
  expect(shown.out).toMatch(/\n {2}why: Every other \w+day at \d\d:\d\d \(London\), 45 minutes, \d+ sessions/);
  expect(shown.out).toMatch(/\n {2}Teams: https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
  // Sessions are numbered as their cards number them: the first is 1.
  expect(shown.out).toMatch(/\n {4}1\. \d{4}-\d\d-\d\d \d\d:\d\dZ {2}(free|moved)/);
  expect(shown.out).not.toMatch(/\n {4}0\. /);

  // The admin has the program's id at hand: it shows every pair's series, or the one --pair names.
  const all = await upward('schedule', 'show', id, '--as', admin);
  expect(all.code, all.err).toBe(0);
  expect(all.out.match(/^  booking [0-9a-f-]{36}: program /gm)).toHaveLength(3);
  const second = await upward('schedule', 'show', id, '--pair', '2', '--as', admin, '--json');
  expect(second.code, second.err).toBe(0);
  const review = JSON.parse((await upward('program', 'review', id, '--as', admin, '--json')).out) as { proposal: { pairs: Array<{ mentor: { displayName: string }; mentee: { displayName: string } }> } };
  const shownPair = JSON.parse(second.out) as { organiser: { name: string }; attendee: { name: string } };
  const reviewed = review.proposal.pairs[1]!;
  expect([shownPair.organiser.name, shownPair.attendee.name].sort()).toEqual([reviewed.mentor.displayName, reviewed.mentee.displayName].sort());
  const noSuchPair = await upward('schedule', 'show', id, '--pair', '9', '--as', admin);
  expect(noSuchPair.code).toBe(2);
  expect(noSuchPair.err).toContain('--pair must be a pair number from `review` (1 to 3)');

  const refused = await upward('schedule', 'status', runId, '--as', mentee.userPrincipalName);
  expect(refused.code).toBe(1);
  expect(refused.err).toContain('(403 forbidden)');
  const unknown = await upward('schedule', 'show', 'no-such-booking', '--as', admin);
  expect(unknown.err).toContain('(404 not_found)');
});
