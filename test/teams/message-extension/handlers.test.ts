import { beforeEach, describe, expect, it } from 'vitest';
import type { TenantId } from '../../../src/core/ids.ts';
import { agendaFor } from '../../../src/core/sessions/agenda.ts';
import { pairId, sessionId } from '../../../src/core/sessions/session.ts';
import { epochMs } from '../../../src/core/time.ts';
import {
  messageExtensionHandlers,
  teachSearch,
  type BacklogEntry,
  type LoggedSession,
  type MessageExtensionDeps,
  type NextSessionAnswer,
  type PairChoice,
} from '../../../src/teams/message-extension/index.ts';
import { allText, byId, expectAudienceForEveryInput, validCard, type Json } from '../cards/card-walk.ts';
import { TENANT, actionActivity, enrolment, profiles, queryActivity, silentLog } from './fixtures.ts';

const NOW = epochMs(Date.UTC(2026, 2, 10, 12, 0));
const PAIR_1: PairChoice = { pairId: pairId('pair-1'), programName: 'Reverse mentoring 2026', partnerNames: ['Martin *Boss* Lee'] };
const PAIR_2: PairChoice = { pairId: pairId('pair-2'), programName: 'Reverse mentoring 2026', partnerNames: ['Zoe'] };

let backlog: Array<{ tenant: TenantId; entry: BacklogEntry }>;
let logged: Array<{ tenant: TenantId; session: LoggedSession }>;
let pairsOf: Record<string, PairChoice[]>;
let next: NextSessionAnswer;

function deps(overrides: Partial<MessageExtensionDeps> = {}): MessageExtensionDeps {
  return {
    log: silentLog,
    defaultTenantId: 'default-tenant',
    now: () => NOW,
    tabUrl: 'https://upward.example/tab/',
    search: teachSearch(
      {
        async listPublicProfiles(tenant) {
          return tenant === TENANT
            ? profiles(enrolment('priya', 'Priya', ['GenAI prompting']), enrolment('ana', 'Ana <b>Ng</b>', ['Prompt engineering']), enrolment('martin', 'Martin', ['Strategy'], { role: 'mentee' }))
            : [];
        },
      },
      () => NOW,
    ),
    pairs: { runningPairsOf: async (_tenant, user) => pairsOf[user] ?? [] },
    backlog: {
      async add(tenant, entry) {
        const added = !backlog.some((b) => b.tenant === tenant && b.entry.pairId === entry.pairId && b.entry.id === entry.id);
        if (added) backlog.push({ tenant, entry });
        return { added };
      },
    },
    nextSession: { forPerson: async () => next },
    sessionLog: {
      async record(tenant, session) {
        if (logged.some((l) => l.session.id === session.id)) return 'duplicate';
        logged.push({ tenant, session });
        return 'recorded';
      },
    },
    ...overrides,
  };
}

beforeEach(() => {
  backlog = [];
  logged = [];
  pairsOf = { martin: [PAIR_1], priya: [PAIR_1, PAIR_2] };
  next = { kind: 'none', reason: 'not-booked', tabUrl: 'https://upward.example/tab/' };
});

const dialogCard = (response: any): Json => {
  expect(response.task?.type).toBe('continue');
  return validCard(response.task.value.card.content);
};

describe('findMentors', () => {
  it('lists people of my program who teach the topic, as person cards with previews', async () => {
    const response = await messageExtensionHandlers(deps()).query(queryActivity('martin', 'findMentors', 'prompt'));
    const result = response.composeExtension!;
    expect(result.type).toBe('result');
    expect(result.attachments!.map((a) => (a.preview!.content as { title: string }).title)).toEqual(['Ana <b>Ng</b>', 'Priya']);
    const card = validCard(result.attachments![0]!.content);
    expect(card['body'][0].text).toBe('Ana \\<b\\>Ng\\</b\\>');
    expect(allText(card)).toContain('Prompt engineering');
    expect(JSON.stringify(response)).not.toContain('private-exclusion-id');
  });

  it('answers an empty query (the initial open) with what to type, not an error', async () => {
    const response = await messageExtensionHandlers(deps()).query(queryActivity('martin', 'findMentors'));
    expect(response.composeExtension).toEqual({ type: 'message', text: expect.stringContaining('Type a topic') });
  });

  it('says so when nobody matches, and when the searcher is not enrolled', async () => {
    const handlers = messageExtensionHandlers(deps());
    expect((await handlers.query(queryActivity('martin', 'findMentors', 'knitting'))).composeExtension?.text).toMatch(/Nobody in your program teaches "knitting"/);
    expect((await handlers.query(queryActivity('stranger', 'findMentors', 'prompt'))).composeExtension?.text).toMatch(/not enrolled/);
  });

  it('pages with skip and count', async () => {
    const response = await messageExtensionHandlers(deps()).query(queryActivity('martin', 'findMentors', 'prompt', { skip: 1, count: 1 }));
    expect(response.composeExtension!.attachments!.map((a) => (a.preview!.content as { title: string }).title)).toEqual(['Priya']);
  });

  it('answers "try again" inside the deadline when the profiles are slow to load', async () => {
    const slow = deps({
      deadlineMs: 50,
      search: teachSearch({ listPublicProfiles: () => new Promise((resolve) => setTimeout(() => resolve([]), 2_000)) }, () => NOW),
    });
    const started = performance.now();
    const response = await messageExtensionHandlers(slow).query(queryActivity('martin', 'findMentors', 'prompt'));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(response.composeExtension?.text).toMatch(/too long.*try again/);
  });
});

describe('nextSession', () => {
  it('inserts the agenda card without the reader\'s private action items', async () => {
    const agenda = agendaFor(
      { id: PAIR_1.pairId, sessionCount: 6 },
      3,
      { name: 'GenAI tools', sessionTopics: ['a', 'b', 'Prompting at work'], reflectionQuestions: [] },
      [{ id: 'b1', text: 'Copilot in Excel', addedBy: pairsOf['martin']![0]!.pairId as never, addedAt: epochMs(1), done: false }],
      [{ sessionId: sessionId('s-2'), ownerId: 'martin' as never, text: 'my secret action', done: false, sharedWithPair: false }],
    );
    next = {
      kind: 'agenda',
      view: {
        readers: { reader: { userId: 'martin' as never, name: 'Martin', teamsUserId: '29:martin' }, partners: [{ userId: 'priya' as never, name: 'Priya', teamsUserId: '29:priya' }] },
        sessionId: sessionId('s-3'),
        start: epochMs(Date.UTC(2026, 2, 12, 10)),
        end: epochMs(Date.UTC(2026, 2, 12, 10, 45)),
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
        agenda,
        submissionId: 'sub-1',
      },
    };
    const response = await messageExtensionHandlers(deps()).query(queryActivity('martin', 'nextSession', ''));
    const card = validCard(response.composeExtension!.attachments![0]!.content);
    const text = allText(card);
    expect(text).toContain('Session 3 of 6 with Priya');
    expect(text).toContain('Prompting at work');
    expect(text).toContain('Copilot in Excel');
    expect(text).not.toContain('my secret action');
  });

  it('inserts the "no session" card when there is none', async () => {
    const response = await messageExtensionHandlers(deps()).query(queryActivity('martin', 'nextSession', ''));
    expect(allText(validCard(response.composeExtension!.attachments![0]!.content))).toContain('No session coming up');
  });
});

describe('addToAgenda', () => {
  const message = {
    id: '1712345678901',
    linkToMessage: 'https://teams.microsoft.com/l/message/19:chat/1712345678901',
    body: { contentType: 'html' as const, content: '<p>Can we try <b>Copilot</b> &amp; prompts?</p>' },
  };

  it('opens a dialog with the message text, then adds it once with its link and confirms', async () => {
    const handlers = messageExtensionHandlers(deps());
    const opened = dialogCard(await handlers.open(actionActivity('martin', 'addToAgenda', { messagePayload: message as never })));
    expect(byId(opened, 'agendaItem')?.['value']).toBe('Can we try Copilot & prompts?');
    expectAudienceForEveryInput(opened);
    const data = { ...(opened['actions'][0].data as object), agendaItem: 'Can we try Copilot & prompts?' };

    const confirmed = dialogCard(await handlers.submit(actionActivity('martin', 'addToAgenda', { data })));
    expect(confirmed['body'][0].text).toBe('Added to your agenda with Martin \\*Boss\\* Lee');
    expect(backlog).toEqual([
      {
        tenant: TENANT,
        entry: { pairId: 'pair-1', id: 'message:1712345678901', text: 'Can we try Copilot & prompts?', link: message.linkToMessage, addedBy: 'martin', addedAt: NOW },
      },
    ]);
    const again = dialogCard(await handlers.submit(actionActivity('martin', 'addToAgenda', { data })));
    expect(again['body'][0].text).toMatch(/^Already on your agenda/);
    expect(backlog).toHaveLength(1);
  });

  it('refuses a message with no text and stores nothing', async () => {
    const response = await messageExtensionHandlers(deps()).open(
      actionActivity('martin', 'addToAgenda', { messagePayload: { id: '1', body: { contentType: 'html', content: '<p> </p><img src="x">' } } as never }),
    );
    expect(response.task).toEqual({ type: 'message', value: expect.stringContaining('no text') });
    expect(backlog).toEqual([]);
  });

  it('re-opens the dialog with an error for empty text or a pair that is not mine, storing nothing', async () => {
    const handlers = messageExtensionHandlers(deps());
    const empty = dialogCard(await handlers.submit(actionActivity('martin', 'addToAgenda', { data: { pairId: 'pair-1', agendaItem: '   ', messageId: '1' } })));
    expect(byId(empty, 'agendaItem-error')?.['text']).toMatch(/empty/);
    const foreign = dialogCard(await handlers.submit(actionActivity('priya', 'addToAgenda', { data: { pairId: 'someone-elses-pair', agendaItem: 'hi', messageId: '1' } })));
    expect(byId(foreign, 'pairId-error')?.['text']).toMatch(/Choose one of your pairs/);
    expect(backlog).toEqual([]);
  });

  it('tells someone with no running pair that there is no agenda yet', async () => {
    const response = await messageExtensionHandlers(deps()).open(actionActivity('stranger', 'addToAgenda', { messagePayload: message as never }));
    expect(response.task).toEqual({ type: 'message', value: expect.stringContaining('not in a running pair') });
  });
});

describe('logSession', () => {
  const good = { pairId: 'pair-2', date: '2026-03-09', minutes: '45', rating: '4', learned: 'How Gen Z uses search', taught: '', action: 'Try Copilot', privateNote: '', shareWithPartner: 'true' };

  it('opens a form that says who sees each field, with the pair choice for someone in two pairs', async () => {
    const card = dialogCard(await messageExtensionHandlers(deps()).open(actionActivity('priya', 'logSession', { commandContext: 'compose' })));
    expectAudienceForEveryInput(card);
    expect(byId(card, 'pairId')?.['choices'].map((c: Json) => c['value'])).toEqual(['pair-1', 'pair-2']);
    expect(byId(card, 'date')?.['max']).toBe('2026-03-11');
  });

  it('refuses a bad rating with a clear message, keeps what was typed, and records nothing', async () => {
    const handlers = messageExtensionHandlers(deps());
    const card = dialogCard(await handlers.submit(actionActivity('priya', 'logSession', { data: { ...good, rating: '7', submissionId: 's-1' } })));
    expect(byId(card, 'rating-error')?.['text']).toMatch(/Rating: choose a whole number from 1 to 5/);
    expect(byId(card, 'learned')?.['value']).toBe('How Gen Z uses search');
    const missing = dialogCard(await handlers.submit(actionActivity('priya', 'logSession', { data: { ...good, rating: '', date: '2026-04-01', submissionId: 's-1' } })));
    expect(byId(missing, 'rating-error')?.['text']).toMatch(/Rating is needed/);
    expect(byId(missing, 'date-error')?.['text']).toMatch(/future/);
    expect(logged).toEqual([]);
  });

  it('records a good form once, with validated feedback, and confirms', async () => {
    const handlers = messageExtensionHandlers(deps());
    const card = dialogCard(await handlers.submit(actionActivity('priya', 'logSession', { data: { ...good, submissionId: 's-9' } })));
    expect(card['body'][0].text).toBe('Session logged');
    expect(logged).toEqual([
      {
        tenant: TENANT,
        session: {
          id: 's-9',
          pairId: 'pair-2',
          authorId: 'priya',
          date: '2026-03-09',
          minutes: 45,
          loggedAt: NOW,
          feedback: { happened: 'held', rating: 4, learned: 'How Gen Z uses search', taught: '', action: 'Try Copilot', privateNote: '', shareWithPartner: true },
        },
      },
    ]);
    const again = dialogCard(await handlers.submit(actionActivity('priya', 'logSession', { data: { ...good, submissionId: 's-9' } })));
    expect(again['body'][0].text).toMatch(/already logged/);
    expect(logged).toHaveLength(1);
  });
});

it('refuses an activity without an object id instead of guessing who it is', async () => {
  const activity = queryActivity('martin', 'findMentors', 'prompt');
  const response = await messageExtensionHandlers(deps()).query({ ...activity, from: { id: '29:martin' } });
  expect(response.composeExtension?.text).toMatch(/did not say who you are/);
});
