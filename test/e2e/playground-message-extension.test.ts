/**
 * The message extension as `npm start` wires it, through the real Agents Playground: seeded
 * people of the development tenant enrol over the API; a senior searches "prompt" and finds the
 * juniors who teach it (and nobody else); "Add to our agenda" on a message stores one backlog
 * item however often it is submitted; "Next session" answers the agenda card once the pair has a
 * booked series, with that backlog item on it.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPlaygroundConfig, type PlaygroundConfig } from '../../scripts/playground-config.ts';
import { tenantId as toTenantId, userId as toUserId, type TenantId } from '../../src/core/ids.ts';
import type { DevPerson } from '../../src/devtenant/dev-tenant.ts';
import { bookingRepository } from '../../src/store/bookings.ts';
import { pairingRepository } from '../../src/store/pairings.ts';
import { invokeInPlayground } from '../playground/playground-invoke.ts';
import { startPlayground, type RunningPlayground } from '../playground/playground-process.ts';
import { juniorForm, PROGRAM, seniorForm } from '../programs/program-forms.ts';
import { createEnrollingProgram, pickCohort, startAppFixture, type AppFixture } from '../programs/app-fixture.ts';
import { bookedSeries, runningPairing, weeklyStarts } from '../teams/loop/loop-fixture.ts';

let fx: AppFixture;
let dir: string;
let playground: RunningPlayground | undefined;
let config: PlaygroundConfig;
let tenant: TenantId;
let programId: string;
let senior: DevPerson;
let teachers: DevPerson[];
let other: DevPerson;
let seniorTwo: DevPerson;
const pairId = randomUUID();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'upward-me-e2e-'));
  fx = await startAppFixture();
  tenant = toTenantId(fx.tenantId.toLowerCase());
  const admin = fx.admins()[0]!;
  const { seniors, juniors } = pickCohort(fx.people(), 2, 1);
  senior = seniors[0]!;
  seniorTwo = seniors[1]!;
  teachers = [juniors[0]!, juniors[1]!];
  other = juniors[2]!;
  programId = await createEnrollingProgram(fx, admin, PROGRAM);
  const enrol = async (person: DevPerson, form: object) => {
    const answer = await fx.call(person, 'POST', `/programs/${programId}/enrolment`, form);
    expect(answer.status, JSON.stringify(answer.body)).toBe(201);
  };
  await enrol(senior, seniorForm());
  await enrol(seniorTwo, seniorForm({ canTeach: ['Prompt budgeting'] }));
  await enrol(teachers[0]!, juniorForm({ canTeach: ['GenAI tools', 'Prompt engineering'] }));
  await enrol(teachers[1]!, juniorForm({ canTeach: ['Social media', 'Prompting for images'] }));
  await enrol(other, juniorForm({ canTeach: ['Social media'] }));

  // A running pair of the senior and the first teacher (as publishing would store it).
  await pairingRepository(fx.app.store.db).insertMany(tenant, [
    runningPairing({ tenantId: tenant, id: pairId, programId, mentorId: toUserId(teachers[0]!.id.toLowerCase()), menteeId: toUserId(senior.id.toLowerCase()) }),
  ]);

  config = buildPlaygroundConfig({ tenantId: fx.tenantId, people: fx.people(), as: senior.userPrincipalName, botAppId: fx.app.config.bot.appId });
  playground = await startPlayground({ endpoint: `${fx.app.url}/api/messages`, config, dir });
  // Wait until the Playground has probed the bot and loaded its configuration.
  await fetch(`${playground.url}/_internal/v1/config`, { signal: AbortSignal.timeout(20_000) });
}, 120_000);

afterAll(async () => {
  await playground?.stop();
  await fx?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const invoke = (name: string, value: unknown) => invokeInPlayground(playground!, config, name, value);

const search = (commandId: string, query: string) =>
  invoke('composeExtension/query', { commandId, parameters: [{ name: 'query', value: query }], queryOptions: { skip: 0, count: 25 } });
const backlogRows = () => fx.app.store.db.selectFrom('agenda_backlog').selectAll().where('tenant_id', '=', tenant).execute();

describe('the message extension in the running app', () => {
  it('finds the enrolled people who teach "prompt" — not the searcher, not people who teach other things', async () => {
    const body = await search('findMentors', 'prompt');
    expect(body.composeExtension.type).toBe('result');
    const titles = body.composeExtension.attachments.map((a: any) => a.preview.content.title).sort();
    // The other senior teaches "Prompt budgeting" and is in the same program: found as well.
    expect(titles).toEqual([...teachers, seniorTwo].map((p) => p.displayName).sort());
    // Nothing private leaves through a result.
    expect(JSON.stringify(body)).not.toContain('doNotPairWith');
  });

  it('answers "next session" with why there is none while the pair has no booking', async () => {
    const body = await search('nextSession', '');
    expect(JSON.stringify(body.composeExtension.attachments[0].content)).toContain('still looking for a time');
  });

  it('adds a message to the pair\'s backlog once, however often the dialog is submitted', async () => {
    const messagePayload = { id: 'm-e2e-1', body: { contentType: 'html', content: '<p>Show me how you use Copilot</p>' } };
    const opened = await invoke('composeExtension/fetchTask', { commandId: 'addToAgenda', commandContext: 'message', messagePayload });
    const card = opened.task.value.card.content;
    expect(JSON.stringify(card)).toContain(teachers[0]!.displayName);
    const data = { ...card.actions[0].data, agendaItem: 'Show me how you use Copilot' };
    const first = await invoke('composeExtension/submitAction', { commandId: 'addToAgenda', commandContext: 'message', data });
    expect(first.task.value.card.content.body[0].text).toMatch(new RegExp(`^Added to your agenda with ${teachers[0]!.displayName}`));
    expect(await backlogRows()).toHaveLength(1);

    await invoke('composeExtension/submitAction', { commandId: 'addToAgenda', commandContext: 'message', data });
    const rows = await backlogRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ pair_id: pairId, id: 'message:m-e2e-1', text: 'Show me how you use Copilot', added_by: senior.id.toLowerCase() });
  });

  it('answers "next session" with the agenda card of the booked series, backlog included', async () => {
    const booking = bookedSeries({
      tenantId: tenant,
      programId,
      pairId,
      mentor: { userId: toUserId(teachers[0]!.id.toLowerCase()), name: teachers[0]!.displayName },
      mentee: { userId: toUserId(senior.id.toLowerCase()), name: senior.displayName },
      starts: weeklyStarts(Date.now(), 1, 3),
    });
    await bookingRepository(fx.app.store.db).insertMany(tenant, [booking]);
    const body = await search('nextSession', '');
    const attachment = body.composeExtension.attachments[0];
    expect(attachment.preview.content.title).toBe(`Session 2 of 4 with ${teachers[0]!.displayName}`);
    const card = JSON.stringify(attachment.content);
    expect(card).toContain('Show me how you use Copilot');
    expect(card).toContain('Two questions to reflect on');
  });

  it('logs an unbooked session as the author\'s held-session feedback, once however often it is submitted', async () => {
    const opened = await invoke('composeExtension/fetchTask', { commandId: 'logSession', commandContext: 'compose' });
    const card = opened.task.value.card.content;
    const submissionId = card.actions[0].data.submissionId as string;
    const date = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const data = { ...card.actions[0].data, pairId, date, minutes: '30', rating: '4', learned: 'Copilot in Outlook', taught: '', action: '', privateNote: '' };
    const first = await invoke('composeExtension/submitAction', { commandId: 'logSession', commandContext: 'compose', data });
    await invoke('composeExtension/submitAction', { commandId: 'logSession', commandContext: 'compose', data });
    expect(JSON.stringify(first)).toContain(teachers[0]!.displayName);
    const rows = await fx.app.store.db.selectFrom('feedback').selectAll().where('tenant_id', '=', tenant).where('session_key', 'like', 'logged:%').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ session_key: `logged:${submissionId}`, pair_id: pairId, author_id: senior.id.toLowerCase(), happened: 'held', rating: 4, learned: 'Copilot in Outlook', revision: 1 });
    // The length is kept: the end is the day's start (UTC) plus the minutes.
    expect(new Date(rows[0]!.session_end).getTime()).toBe(Date.parse(`${date}T00:00:00Z`) + 30 * 60_000);
  });
});
