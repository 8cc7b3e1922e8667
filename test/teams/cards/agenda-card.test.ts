import { describe, expect, it } from 'vitest';
import { actionItemsFrom } from '../../../src/core/sessions/action-items.ts';
import { agendaFor } from '../../../src/core/sessions/agenda.ts';
import { epochMs } from '../../../src/core/time.ts';
import { agendaCard, type AgendaCardView } from '../../../src/teams/cards/agenda-card.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { actions, allText, byId, expectAudienceForEveryInput, expectExecuteActions, inputs, validCard } from './card-walk.ts';
import { END, martin, martinEscaped, martinReads, PAIR, priya, priyaReads, SESSION, START } from './fixtures.ts';

const track = { name: 'GenAI tools', sessionTopics: ['Basics', 'Prompting', 'Agents & *automation*'], reflectionQuestions: ['Q one?', 'Q two?', 'Q three?'] };
const backlog = [
  { id: 'b1', text: 'Try `Copilot` in <Excel>', addedBy: martin.userId, addedAt: epochMs(1), done: false },
  { id: 'b2', text: 'Done already', addedBy: priya.userId, addedAt: epochMs(2), done: true },
];
const lastActions = actionItemsFrom([
  { sessionId: SESSION, authorId: priya.userId, action: 'Priya private action' },
  { sessionId: SESSION, authorId: martin.userId, action: 'Martin private action' },
]);
const agenda = agendaFor({ id: PAIR, sessionCount: 6 }, 3, track, backlog, lastActions);
const view: AgendaCardView = {
  readers: priyaReads,
  sessionId: SESSION,
  start: START,
  end: END,
  joinUrl: 'https://teams.microsoft.com/l/meetup-join/xyz',
  agenda,
  submissionId: 'agenda-add-1',
};

describe('agenda card', () => {
  it('shows session n of N, the topic, the backlog, two questions and the reader’s own actions only', () => {
    const card = validCard(agendaCard(view));
    const text = allText(card);
    expect(text).toContain(`Session 3 of 6 with ${martinEscaped}`);
    expect(text).toContain('45 minutes');
    expect(byId(card, 'topic')!['text']).toBe('Agents \\& \\*automation\\* (GenAI tools)');
    expect(text).toContain('- Try \\`Copilot\\` in \\<Excel\\>');
    expect(text).not.toContain('Done already');
    for (const q of agenda.reflectionQuestions) expect(text).toContain(`- ${q}`);
    expect(text).toContain('Priya private action');
    expect(text).not.toContain('Martin private action');
    const martinsCard = validCard(agendaCard({ ...view, readers: martinReads }));
    expect(allText(martinsCard)).toContain('Martin private action');
    expect(allText(martinsCard)).not.toContain('Priya private action');
  });

  it('has join, add to agenda (with its idempotency key) and reschedule, and refreshes per reader', () => {
    const card = validCard(agendaCard(view));
    const [add, reschedule] = expectExecuteActions(card, Object.values(CARD_VERBS));
    expect(actions(card)[0]).toMatchObject({ type: 'Action.OpenUrl', url: view.joinUrl });
    expect(add).toMatchObject({ verb: CARD_VERBS.agendaAdd, associatedInputs: 'auto', data: { sessionId: SESSION, pairId: PAIR, submissionId: 'agenda-add-1' } });
    expect(reschedule).toMatchObject({ verb: CARD_VERBS.sessionReschedule, associatedInputs: 'none', data: { sessionId: SESSION, pairId: PAIR } });
    expect(card['refresh']).toMatchObject({ action: { verb: CARD_VERBS.agendaRefresh, data: { sessionId: SESSION, pairId: PAIR } }, userIds: ['29:priya', '29:martin'] });
    expect(inputs(card).map((i) => i['id'])).toEqual(['agendaItem']);
    expectAudienceForEveryInput(card);
    expect(byId(card, 'agendaItem-audience')!['text']).toContain(`you and ${martinEscaped}`);
  });

  it('puts a refused item back with the error beside it, and confirms an added one escaped', () => {
    const refused = validCard(agendaCard({ ...view, error: { message: 'Type something to add first.', value: '  <tab> ' } }));
    expect(byId(refused, 'agendaItem')!['value']).toBe('  <tab> ');
    expect(byId(refused, 'agendaItem-error')).toMatchObject({ color: 'Attention' });
    const added = validCard(agendaCard({ ...view, added: '_bold_ idea' }));
    expect(byId(added, 'agendaItem-added')!['text']).toBe('Added to your agenda: \\_bold\\_ idea');
    expect(byId(added, 'agendaItem-error')).toBeUndefined();
  });
});
