import { describe, expect, it } from 'vitest';
import {
  PlaygroundPersonError,
  buildPlaygroundConfig,
  colleaguesOf,
  currentPartners,
  findPerson,
  partnerLine,
  listeningPort,
  playgroundArguments,
  type PlaygroundPerson,
} from '../../scripts/playground-config.ts';

const TENANT = '5F1C0D2E-3A4B-4C5D-8E6F-7A8B9C0D1E2F';
const BOT = 'D06D157C-AB4E-5198-8BD6-71A804FB2376';

let next = 0;
function person(displayName: string, department: string, managerId: string | null, id = `00000000-0000-4000-8000-${String(++next).padStart(12, '0')}`): PlaygroundPerson {
  const [givenName = '', surname = ''] = displayName.split(' ');
  const upn = `${givenName}.${surname}@fabrikam.example`.toLowerCase();
  return { id, displayName, givenName, surname, userPrincipalName: upn, mail: upn, department, managerId };
}

// A small organisation: a chief, two marketing managers, their reports, and some engineers.
const chief = person('Grace Hopper', 'Executive', null);
const boss = person('Ada Lovelace', 'Marketing', chief.id);
const otherBoss = person('Alan Turing', 'Marketing', chief.id);
const me = person('Priya Raman', 'Marketing', boss.id);
const peer = person('Tomás Ortega', 'Marketing', boss.id);
const report = person('Lin Wei', 'Marketing', me.id);
const farColleague = person('Anna Berg', 'Marketing', otherBoss.id);
const engineer1 = person('Sana Iyer', 'Engineering', chief.id);
const engineer2 = person('Hannah Arendt', 'Engineering', engineer1.id);
const people = [chief, boss, otherBoss, me, peer, report, farColleague, engineer1, engineer2];

describe('findPerson', () => {
  it('finds a person by UPN or object id, whatever the case', () => {
    expect(findPerson(people, 'PRIYA.RAMAN@fabrikam.example')).toBe(me);
    expect(findPerson(people, me.id.toUpperCase())).toBe(me);
  });

  it('finds a person by the part of the UPN before @, or by a unique part of the name', () => {
    expect(findPerson(people, 'lin.wei')).toBe(report);
    expect(findPerson(people, 'ortega')).toBe(peer);
  });

  it('refuses an unknown person in one line that says how to list people', () => {
    const error = (() => {
      try {
        findPerson(people, 'nobody-at-all');
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(PlaygroundPersonError);
    expect((error as Error).message).toContain('"nobody-at-all"');
    expect((error as Error).message).toContain('npm run playground -- --list');
    expect((error as Error).message).not.toContain('\n');
  });

  it('refuses an ambiguous name, naming the candidates', () => {
    // "an" is in Alan, Raman, Anna, Sana and Hannah: four are named, the fifth counted.
    expect(() => findPerson(people, 'an')).toThrow(
      /^"an" matches 5 people \(Alan Turing <alan\.turing@fabrikam\.example>, .*, and 1 more\): pass a UPN/,
    );
    expect(() => findPerson(people, '   ')).toThrow(PlaygroundPersonError);
  });
});

describe('colleaguesOf', () => {
  it('picks five: manager, peers, reports, the rest of the department, then anyone', () => {
    expect(colleaguesOf(people, me).map((p) => p.displayName)).toEqual([
      'Ada Lovelace',
      'Tomás Ortega',
      'Lin Wei',
      'Alan Turing',
      'Anna Berg',
    ]);
    // Engineering has only two people: the rest comes from the whole organisation, never twice.
    const others = colleaguesOf(people, engineer2);
    expect(others.map((p) => p.displayName)).toEqual(['Sana Iyer', 'Grace Hopper', 'Ada Lovelace', 'Alan Turing', 'Priya Raman']);
    expect(others).not.toContain(engineer2);
  });

  it('puts preferred people (the mentoring partner, later) first', () => {
    const others = colleaguesOf(people, me, [engineer2.id.toUpperCase(), me.id, 'no-such-id']);
    expect(others[0]).toBe(engineer2);
    expect(others).toHaveLength(5);
    expect(others).not.toContain(me);
  });
});

describe('buildPlaygroundConfig', () => {
  const config = buildPlaygroundConfig({ tenantId: TENANT, people, as: 'priya', botAppId: BOT });

  it('makes the chosen person the current user, with their object id, name and tenant', () => {
    expect(config.version).toBe('0.1.1');
    expect(config.tenantId).toBe(TENANT.toLowerCase());
    expect(config.currentUser).toEqual({
      id: `29:${me.id}`,
      name: 'Priya Raman',
      userPrincipleName: 'priya.raman@fabrikam.example',
      aadObjectId: me.id,
      givenName: 'Priya',
      surname: 'Raman',
      email: 'priya.raman@fabrikam.example',
    });
    expect(config.bot).toEqual({ id: `28:${BOT.toLowerCase()}`, name: 'Upward' });
  });

  it('holds exactly five other users and the ids the Playground insists are unique', () => {
    expect(config.users.map((u) => u.aadObjectId)).toEqual(colleaguesOf(people, me).map((p) => p.id));
    const userIds = [config.currentUser.id, ...config.users.map((u) => u.id)];
    expect(new Set(userIds).size).toBe(6);
    const conversationIds = [config.personalChat.id, config.groupChat.id, config.team.id, ...config.team.channels.map((c) => c.id)];
    expect(new Set(conversationIds).size).toBe(conversationIds.length);
  });

  it('gives each person their own personal chat with Upward', () => {
    const other = buildPlaygroundConfig({ tenantId: TENANT, people, as: 'lin.wei', botAppId: BOT });
    expect(other.personalChat.id).not.toBe(config.personalChat.id);
  });

  it('refuses a tenant with fewer than six people, and a bad --as', () => {
    expect(() => buildPlaygroundConfig({ tenantId: TENANT, people: people.slice(0, 5), as: 'priya', botAppId: BOT })).toThrow(/5 other people/);
    expect(() => buildPlaygroundConfig({ tenantId: TENANT, people, as: 'zz-top', botAppId: BOT })).toThrow(PlaygroundPersonError);
  });
});

describe('the mentoring partner among the five', () => {
  const pairing = (programName: string, partnerIds: string[], publishedAt: string, endedAt: string | null = null) => ({
    programName,
    publishedAt,
    endedAt,
    partners: partnerIds.map((userId) => ({ userId, displayName: 'x' })),
  });

  it('takes the partners of running pairings, the latest published first, each once', () => {
    const partners = currentPartners([
      pairing('Pilot', [engineer1.id.toUpperCase()], '2026-01-01T00:00:00Z'),
      pairing('Old cycle', [chief.id], '2025-06-01T00:00:00Z', '2025-12-01T00:00:00Z'),
      pairing('Second program', [engineer2.id, engineer1.id], '2026-03-01T00:00:00Z'),
    ]);
    expect(partners).toEqual([
      { userId: engineer2.id, programName: 'Second program' },
      { userId: engineer1.id, programName: 'Second program' },
    ]);
    expect(currentPartners([])).toEqual([]);
  });

  it('puts the partner first and keeps the other four as before, and says which partner it added', () => {
    const before = buildPlaygroundConfig({ tenantId: TENANT, people, as: 'priya', botAppId: BOT });
    const partners = currentPartners([pairing('Pilot', [engineer2.id], '2026-01-01T00:00:00Z')]);
    const withPartner = buildPlaygroundConfig({ tenantId: TENANT, people, as: 'priya', botAppId: BOT, preferredIds: partners.map((p) => p.userId) });
    expect(withPartner.users.map((u) => u.name)).toEqual(['Hannah Arendt', ...before.users.slice(0, 4).map((u) => u.name)]);
    expect(partnerLine(withPartner, partners)).toBe('added your partner Hannah Arendt (Pilot)');
  });

  it('keeps today\'s five for someone without a partner, and says so', () => {
    const config = buildPlaygroundConfig({ tenantId: TENANT, people, as: 'priya', botAppId: BOT, preferredIds: [] });
    expect(config.users.map((u) => u.aadObjectId)).toEqual(colleaguesOf(people, me).map((p) => p.id));
    expect(partnerLine(config, [])).toBe('none in Upward yet: the five are colleagues');
    // A partner the seeded directory does not hold is not claimed as added.
    expect(partnerLine(config, [{ userId: 'not-in-this-tenant', programName: 'Pilot' }])).toBe('none in Upward yet: the five are colleagues');
  });
});

describe('playgroundArguments', () => {
  it('starts the CLI for Teams, without telemetry, replying to 127.0.0.1 on its own port', () => {
    const args = playgroundArguments({
      cliPath: '/x/cli.js',
      endpoint: 'http://127.0.0.1:3978/api/messages',
      port: 56150,
      configPath: '/x/p.yml',
      logPath: '/x/p.log',
    });
    expect(args[0]).toBe('--import');
    expect(args[1]).toMatch(/^data:text\/javascript,/);
    expect(decodeURIComponent(args[1]!)).toContain('"M365_AGENTS_PLAYGROUND_CONFIG_PATH":"/x/p.yml"');
    expect(args.slice(2)).toEqual([
      '/x/cli.js',
      '--app-endpoint',
      'http://127.0.0.1:3978/api/messages',
      '--channel-id',
      'msteams',
      '--disable-telemetry',
      '--port',
      '56150',
      '--service-url',
      'http://127.0.0.1:56150/_connector',
    ]);
  });

  it('reads the port from the start-up line', () => {
    expect(listeningPort('Listening on 41234\n')).toBe(41234);
    expect(listeningPort('starting…')).toBeUndefined();
  });
});
