/**
 * `upward program ...` against a running Upward (development tenant, PGlite): a program created,
 * filled, matched, reviewed, adjusted and published from the command line, with clear usage and
 * error messages and exit codes.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliAgainst } from './cli-runner.ts';
import { pickCohort, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';

let fx: AppFixture;
beforeAll(async () => {
  fx = await startAppFixture();
});
afterAll(() => fx?.close());

const upward = cliAgainst(() => fx.app.url, 'program');

describe('upward program: the journey from a terminal', () => {
  it('creates, fills, matches, reviews, adjusts and publishes a program', async () => {
    const admin = fx.admins()[0]!.userPrincipalName;
    const { seniors, juniors } = pickCohort(fx.people(), 3, 1);

    const created = await upward('create', '--as', admin, '--json', '--name', 'CLI mentoring', '--tracks', 'GenAI tools,Strategy',
      '--cadence', 'monthly', '--minutes', '45', '--start', '2026-09-01T00:00:00Z', '--end', '2027-03-01T00:00:00Z', '--objectives', 'Learn AI;Share strategy');
    expect(created.code, created.err).toBe(0);
    const id = JSON.parse(created.out).program.id as string;
    expect((await upward('list', '--as', admin)).out).toContain(`${id}  draft`);
    expect((await upward('open', id, '--as', admin)).out).toBe('CLI mentoring is now enrolling (cycle 1)');

    for (const person of seniors) {
      const enrolled = await upward('enrol', id, '--as', person.userPrincipalName, '--role', 'mentee', '--teach', 'Strategy', '--learn', 'GenAI tools');
      expect(enrolled.code, enrolled.err).toBe(0);
      expect(enrolled.out).toContain(`Enrolled ${person.displayName} as mentee (seniority level 18`);
    }
    const invitee = juniors[0]!;
    expect((await upward('invite', id, '--as', admin, '--user', invitee.userPrincipalName, '--role', 'mentor')).out).toContain('they enrol themselves to accept');
    for (const person of juniors) {
      const enrolled = await upward('enrol', id, '--as', person.userPrincipalName, '--teach', 'GenAI tools', '--learn', 'Strategy', ...(person === invitee ? [] : ['--role', 'mentor']));
      expect(enrolled.code, enrolled.err).toBe(0);
      expect(enrolled.out).toContain('as mentor');
    }
    expect((await upward('enrolments', id, '--as', admin)).out).toContain('7 enrolled');

    const matched = await upward('match', id, '--as', admin);
    expect(matched.code, matched.err).toBe(0);
    expect(matched.out).toMatch(/Proposal for cycle 1 \(cycle\): ready - 3 pairs, 1 unmatched/);
    expect(matched.out).toContain('can teach GenAI tools');
    expect(matched.out).toMatch(/Unmatched:\n {2}- .+ \(mentor\): No free mentee for/);

    expect((await upward('lock', id, '--as', admin, '--pair', '1')).out).toMatch(/ 1\. \[locked\]/);
    const removed = await upward('remove', id, '--as', admin, '--pair', '2');
    expect(removed.out).toContain('2 pairs');
    expect(removed.out).toContain('Removed in review (not proposed again):');
    const rerun = await upward('rerun', id, '--as', admin);
    expect(rerun.out).toMatch(/ready - 3 pairs/);
    expect(rerun.out).toMatch(/ 1\. \[locked\]/);

    const published = await upward('publish', id, '--as', admin);
    expect(published.code, published.err).toBe(0);
    expect(published.out).toContain('Published 3 pairs; CLI mentoring is active.');
    expect(fx.events.filter((e) => e.type === 'pairs.published' && e.programId === id)).toHaveLength(1);
    expect((await upward('pairings', id, '--as', admin)).out.split('\n').filter((l) => l.includes('running'))).toHaveLength(3);

    const again = await upward('publish', id, '--as', admin);
    expect(again.code).toBe(1);
    expect(again.err).toContain('A program cannot go from "active" to "active"');
    expect(again.err).toContain('(409 illegal_transition)');
  });

  it('names the fields a bad command left wrong, and refuses non-admins', async () => {
    const admin = fx.admins()[0]!.userPrincipalName;
    const bad = await upward('create', '--as', admin, '--name', 'No tracks', '--cadence', 'yearly', '--minutes', '50');
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('(400 bad_input)');
    expect(bad.err).toMatch(/ {2}topicTracks: /);
    expect(bad.err).toMatch(/ {2}cadence: Cadence must be one of weekly, biweekly, monthly/);
    expect(bad.err).toMatch(/ {2}sessionMinutes: /);
    const someone = pickCohort(fx.people(), 1).juniors[0]!.userPrincipalName;
    const refused = await upward('list', '--as', someone);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('(403 forbidden)');
  });

  it('explains how it is used', async () => {
    expect((await upward('--help')).out).toContain('Usage: npm run upward -- program <command>');
    const noIdentity = await upward('list');
    expect(noIdentity.code).toBe(2);
    expect(noIdentity.err).toContain('--as <upn>');
    const unknown = await upward('frobnicate', '--as', 'x');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "program frobnicate"');
    const badFlag = await upward('list', '--as', 'x', '--colour', 'red');
    expect(badFlag.code).toBe(2);
    expect(badFlag.err).toContain("Unknown option '--colour'");
    const noProgram = await upward('show', '--as', fx.admins()[0]!.userPrincipalName);
    expect(noProgram.code).toBe(2);
    expect(noProgram.err).toContain('name the program');
    const stranger = await upward('list', '--as', 'nobody@fabrikam.example');
    expect(stranger.code).toBe(1);
    expect(stranger.err).toContain('could not sign in as nobody@fabrikam.example');
    // The sign-in page's reason, not its styles.
    expect(stranger.err).toContain('does not exist');
    // Whole, to the account it is about: the reason is not cut off mid-word.
    expect(stranger.err).toContain('must be added to the directory. (nobody@fabrikam.example)');
    expect(stranger.err).not.toContain('font-family');
  });

  it('runs as `node src/cli/main.ts` with exit codes', async () => {
    const run = promisify(execFile);
    const node = process.execPath;
    const help = await run(node, ['src/cli/main.ts', 'program', '--help']);
    expect(help.stdout).toContain('Participant commands');
    const down = await run(node, ['src/cli/main.ts', 'program', 'list', '--as', 'x@y', '--url', 'http://127.0.0.1:9']).catch((error: { code: number; stderr: string }) => error);
    expect(down).toMatchObject({ code: 1 });
    expect((down as { stderr: string }).stderr).toContain('cannot reach Upward at http://127.0.0.1:9');
  });
});
