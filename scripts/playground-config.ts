/**
 * The pure part of `npm run playground`: who the Microsoft 365 Agents Playground pretends to be,
 * and how its CLI is launched. No I/O here, so the end-to-end test and the script share it.
 *
 * The Playground reads a YAML file (schema version 0.1.1 in its bundle) with one current user and
 * exactly five other users (its schema says minItems 5, maxItems 5), a tenant id and a bot. JSON
 * is valid YAML, but the script writes YAML so that a person can read and tweak the file.
 */

/** What the Playground configuration needs of a seeded person (the dev tenant's DevPerson fits). */
export interface PlaygroundPerson {
  /** Entra object id: becomes `aadObjectId`, which the bot keys everything on. */
  readonly id: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly userPrincipalName: string;
  readonly mail: string;
  readonly department: string;
  readonly managerId: string | null;
}

/** One user in the Playground's file; `userPrincipleName` is the Playground's own spelling. */
export interface PlaygroundUser {
  readonly id: string;
  readonly name: string;
  readonly userPrincipleName: string;
  readonly aadObjectId: string;
  readonly givenName: string;
  readonly surname: string;
  readonly email: string;
}

/** The Playground's configuration file (`.m365agentsplayground.yml`, version 0.1.1). */
export interface PlaygroundConfig {
  readonly version: '0.1.1';
  readonly tenantId: string;
  readonly bot: { readonly id: string; readonly name: string };
  readonly currentUser: PlaygroundUser;
  /** Exactly five: the Playground refuses any other count. */
  readonly users: readonly PlaygroundUser[];
  readonly personalChat: { readonly id: string };
  readonly groupChat: { readonly id: string; readonly name: string };
  readonly team: {
    readonly id: string;
    readonly name: string;
    readonly aadGroupId: string;
    readonly channels: readonly { readonly id: string; readonly name: string }[];
  };
}

export interface PlaygroundConfigInput {
  /** The seeded organisation's tenant id. */
  readonly tenantId: string;
  /** Everyone in that tenant, in directory order (the order decides ties, so output is stable). */
  readonly people: readonly PlaygroundPerson[];
  /** Who to be: a UPN, an object id, or part of a display name (see findPerson). */
  readonly as: string;
  /** The bot's Microsoft App ID (BOT_ID, or the id derived for the manifest when there is none). */
  readonly botAppId: string;
  /** People to list first among the five others, e.g. the person's mentoring partner. */
  readonly preferredIds?: readonly string[];
}

/** How many other people the Playground file must hold. */
export const PLAYGROUND_OTHER_USERS = 5;

/** `--as` named nobody, or too many people. The message is one line, fit for a terminal. */
export class PlaygroundPersonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlaygroundPersonError';
  }
}

/** How to find a valid `--as`, appended to every lookup failure. */
export const HOW_TO_FIND_PEOPLE = 'list people with `npm run playground -- --list [text]`';

/**
 * Finds one person by object id or UPN (exact, case-insensitive), else by the part of the UPN
 * before `@`, else by a case-insensitive fragment of the display name. Throws a
 * PlaygroundPersonError when nobody or more than one person matches.
 */
export function findPerson<P extends PlaygroundPerson>(people: readonly P[], query: string): P {
  const wanted = query.trim().toLowerCase();
  if (wanted === '') throw new PlaygroundPersonError(`--as needs a person: a UPN, an object id or part of a name; ${HOW_TO_FIND_PEOPLE}`);
  const exact = people.find((p) => p.id.toLowerCase() === wanted || p.userPrincipalName.toLowerCase() === wanted);
  if (exact) return exact;
  const byNickname = people.filter((p) => p.userPrincipalName.toLowerCase().split('@')[0] === wanted);
  if (byNickname.length === 1) return byNickname[0]!;
  const byName = matchingPeople(people, wanted);
  if (byName.length === 1) return byName[0]!;
  if (byName.length === 0) {
    throw new PlaygroundPersonError(`No seeded person matches "${query.trim()}" (by UPN, object id or name); ${HOW_TO_FIND_PEOPLE}`);
  }
  const shown = byName.slice(0, 4).map((p) => `${p.displayName} <${p.userPrincipalName}>`);
  const more = byName.length > shown.length ? `, and ${byName.length - shown.length} more` : '';
  throw new PlaygroundPersonError(
    `"${query.trim()}" matches ${byName.length} people (${shown.join(', ')}${more}): pass a UPN instead; ${HOW_TO_FIND_PEOPLE}`,
  );
}

/** People whose display name or UPN contains `text` (case-insensitive), in directory order. */
export function matchingPeople<P extends PlaygroundPerson>(people: readonly P[], text: string): P[] {
  const wanted = text.trim().toLowerCase();
  return people.filter((p) => p.displayName.toLowerCase().includes(wanted) || p.userPrincipalName.toLowerCase().includes(wanted));
}

/**
 * The five people shown beside `me`: the preferred ones first, then the closest colleagues in the
 * same department (manager, peers under the same manager, direct reports, the rest of the
 * department), then anyone else, each group in directory order.
 */
export function colleaguesOf<P extends PlaygroundPerson>(people: readonly P[], me: P, preferredIds: readonly string[] = []): P[] {
  const chosen: P[] = [];
  const taken = new Set<string>([me.id.toLowerCase()]);
  const add = (p: P | undefined): void => {
    if (p === undefined || chosen.length >= PLAYGROUND_OTHER_USERS || taken.has(p.id.toLowerCase())) return;
    taken.add(p.id.toLowerCase());
    chosen.push(p);
  };
  const byId = new Map(people.map((p) => [p.id.toLowerCase(), p]));
  for (const id of preferredIds) add(byId.get(id.toLowerCase()));
  const department = people.filter((p) => p.department === me.department);
  add(me.managerId === null ? undefined : byId.get(me.managerId.toLowerCase()));
  for (const p of department) if (me.managerId !== null && p.managerId === me.managerId) add(p);
  for (const p of department) if (p.managerId === me.id) add(p);
  for (const p of department) add(p);
  for (const p of people) add(p);
  return chosen;
}

/**
 * Teams' channel account id of a person. Real Teams sends an opaque `29:` id beside the
 * `aadObjectId`; keeping the two different here means a bot that keyed people on `from.id`
 * instead of the object id would show up as a bug in the Playground, as it would in Teams.
 */
export const playgroundUserId = (objectId: string): string => `29:${objectId.toLowerCase()}`;

/** Teams' id of a bot in activities: `28:` and its Microsoft App ID. */
export const playgroundBotId = (botAppId: string): string => `28:${botAppId.toLowerCase()}`;

function toUser(person: PlaygroundPerson): PlaygroundUser {
  return {
    id: playgroundUserId(person.id),
    name: person.displayName,
    userPrincipleName: person.userPrincipalName,
    aadObjectId: person.id.toLowerCase(),
    givenName: person.givenName,
    surname: person.surname,
    email: person.mail,
  };
}

/**
 * Builds the Playground configuration for the person `input.as` names: that person is the current
 * user with their real object id, name and tenant; five colleagues (see colleaguesOf) fill the
 * group chat and the team. Conversation ids are derived from the person, so each person gets
 * their own 1:1 chat with Upward, as in Teams. Throws PlaygroundPersonError for a bad `as`.
 */
export function buildPlaygroundConfig(input: PlaygroundConfigInput): PlaygroundConfig {
  const me = findPerson(input.people, input.as);
  const others = colleaguesOf(input.people, me, input.preferredIds);
  if (others.length < PLAYGROUND_OTHER_USERS) {
    throw new PlaygroundPersonError(
      `The Playground needs ${PLAYGROUND_OTHER_USERS} other people in the tenant and there are only ${others.length}; raise DEVTENANT_SIZE`,
    );
  }
  const key = me.id.toLowerCase();
  return {
    version: '0.1.1',
    tenantId: input.tenantId.toLowerCase(),
    bot: { id: playgroundBotId(input.botAppId), name: 'Upward' },
    currentUser: toUser(me),
    users: others.map(toUser),
    personalChat: { id: `a:upward-playground-${key}` },
    groupChat: { id: `19:upward-playground-group-${key}@thread.v2`, name: `${me.department} colleagues` },
    team: { id: `19:upward-playground-team-${key}@thread.tacv2`, name: me.department, aadGroupId: key, channels: [] },
  };
}

/** One of the person's pairings as Upward's API answers `GET /api/me/pairings`. */
export interface PlaygroundPairing {
  readonly programName: string;
  readonly publishedAt: string | null;
  readonly endedAt: string | null;
  readonly partners: readonly { readonly userId: string; readonly displayName?: string }[];
}

/** A mentoring partner to show among the five, and the program they are paired in. */
export interface PlaygroundPartner {
  readonly userId: string;
  readonly programName: string;
}

/** The partners of the person's running pairings, the most recently published first, each once. */
export function currentPartners(pairings: readonly PlaygroundPairing[]): PlaygroundPartner[] {
  const publishedAt = (p: PlaygroundPairing): number => Date.parse(p.publishedAt ?? '') || 0;
  const running = pairings.filter((p) => p.endedAt === null).sort((a, b) => publishedAt(b) - publishedAt(a));
  const seen = new Set<string>();
  const partners: PlaygroundPartner[] = [];
  for (const pairing of running) {
    for (const partner of pairing.partners) {
      const id = partner.userId.toLowerCase();
      if (seen.has(id)) continue;
      seen.add(id);
      partners.push({ userId: id, programName: pairing.programName });
    }
  }
  return partners;
}

/**
 * The line `npm run playground` prints about the partner: who was added among the five and in
 * which program, or that the five are colleagues because the person has no partner (yet).
 */
export function partnerLine(config: PlaygroundConfig, partners: readonly PlaygroundPartner[]): string {
  const shown = partners.flatMap((partner) => {
    const user = config.users.find((u) => u.aadObjectId === partner.userId.toLowerCase());
    return user === undefined ? [] : [`${user.name} (${partner.programName})`];
  });
  if (shown.length > 0) return `added your partner${shown.length > 1 ? 's' : ''} ${shown.join(', ')}`;
  return 'none in Upward yet: the five are colleagues';
}

/** Where and how the Playground should run. */
export interface PlaygroundLaunchOptions {
  /** `node_modules/@microsoft/m365agentsplayground/cli.js`. */
  readonly cliPath: string;
  /** Upward's bot endpoint, e.g. http://127.0.0.1:3978/api/messages. */
  readonly endpoint: string;
  /** The port the Playground should listen on, on 127.0.0.1. */
  readonly port: number;
  /** The YAML file written from buildPlaygroundConfig. */
  readonly configPath: string;
  /** Where the Playground writes its log (it deletes the file at start). */
  readonly logPath: string;
}

/**
 * The Node arguments that start the Playground: a preload module, then its CLI. The preload runs
 * inside the Playground's process before its bundle loads, because the CLI offers no flag for
 * what we need there:
 * - it listens on all interfaces (`server.listen(port)`); anyone on the network could then chat
 *   with the bot as the chosen person, so `listen` is pinned to 127.0.0.1;
 * - it finds its config file and log file through environment variables, read at load time;
 * - `--disable-telemetry` still starts Application Insights, whose statsbeat probes Azure hosts
 *   and 169.254.169.254; those are switched off, and any connection that would leave loopback is
 *   refused on the spot, so nothing waits on a network that is not there;
 * - a proxy from the environment would carry loopback calls to the bot through it: dropped.
 * The service URL the bot replies to is given as 127.0.0.1 too (the default says `localhost`,
 * which may resolve to ::1 first while the Playground listens on IPv4 only).
 */
export function playgroundArguments(options: PlaygroundLaunchOptions): string[] {
  return [
    '--import',
    playgroundPreload(options),
    options.cliPath,
    '--app-endpoint',
    options.endpoint,
    '--channel-id',
    'msteams',
    '--disable-telemetry',
    '--port',
    String(options.port),
    '--service-url',
    `http://127.0.0.1:${options.port}/_connector`,
  ];
}

/** The preload module (see playgroundArguments) as a `data:` URL for `node --import`. */
export function playgroundPreload(options: Pick<PlaygroundLaunchOptions, 'configPath' | 'logPath'>): string {
  const settings = {
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configPath,
    M365_AGENTS_PLAYGROUND_LOGFILE: options.logPath,
    TEAMSAPPTESTER_BROWSER: 'none',
    APPLICATION_INSIGHTS_NO_STATSBEAT: 'true',
    APPLICATION_INSIGHTS_NO_DIAGNOSTIC_CHANNEL: 'true',
  };
  const source = `
import net from 'node:net';
Object.assign(process.env, ${JSON.stringify(settings)});
for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'http_proxy', 'https_proxy']) delete process.env[name];
const isLoopback = (host) => host === 'localhost' || host === '::1' || /^(::ffff:)?127\\./.test(host);
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' && (args.length === 1 || typeof args[1] === 'function')) args.splice(1, 0, '127.0.0.1');
  return listen.apply(this, args);
};
const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  // An options object with a non-empty path is a local socket (http passes path: null for TCP).
  const host = first !== null && typeof first === 'object' ? (first.path ? 'localhost' : first.host ?? 'localhost') : typeof args[1] === 'string' ? args[1] : 'localhost';
  if (!isLoopback(host)) {
    const error = Object.assign(new Error('Upward keeps the Agents Playground on loopback: refused ' + host), { code: 'ECONNREFUSED' });
    process.stderr.write('Agents Playground: refused a connection to ' + host + ' (loopback only)\\n');
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return connect.apply(this, args);
};
`;
  return `data:text/javascript,${encodeURIComponent(source)}`;
}

/** The port in the Playground's start-up line ("Listening on 56150"), or undefined. */
export function listeningPort(output: string): number | undefined {
  const match = /Listening on (\d+)/.exec(output);
  return match ? Number(match[1]) : undefined;
}
