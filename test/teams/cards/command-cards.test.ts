import { describe, expect, it } from 'vitest';
import { parseLocalDate } from '../../../src/core/time/local-date.ts';
import { sessionId } from '../../../src/core/sessions/session.ts';
import { CARD_VERBS } from '../../../src/teams/cards/card-verbs.ts';
import { helpCard } from '../../../src/teams/cards/help-card.ts';
import { leaveCard } from '../../../src/teams/cards/leave-card.ts';
import { nextSessionCard } from '../../../src/teams/cards/next-session-card.ts';
import { notUnderstoodText } from '../../../src/teams/cards/not-understood.ts';
import { pauseCard } from '../../../src/teams/cards/pause-card.ts';
import { actions, allText, byId, expectAudienceForEveryInput, expectExecuteActions, inputs, validCard } from './card-walk.ts';
import { END, martin, martinEscaped, PAIR, START } from './fixtures.ts';

const verbs = Object.values(CARD_VERBS);
const date = (text: string) => parseLocalDate(text)!;
const tabUrl = 'https://upward.example/tab/';

describe('help card', () => {
  it('lists every command with an example and offers them as buttons', () => {
    const card = validCard(helpCard({ tabUrl }));
    const text = allText(card);
    for (const command of ['help', 'next', 'pause until 3 March', 'pause for 2 weeks', 'leave']) expect(text).toContain(command);
    expect(expectExecuteActions(card, verbs).map((a) => a['verb'])).toEqual([CARD_VERBS.commandNext, CARD_VERBS.commandPause, CARD_VERBS.commandLeave]);
    expect(actions(card).at(-1)).toMatchObject({ type: 'Action.OpenUrl', url: tabUrl });
  });
});

describe('next-session card', () => {
  it('shows the session, the partner escaped, and join / agenda / reschedule', () => {
    const card = validCard(
      nextSessionCard({
        kind: 'scheduled',
        partners: [martin],
        sessionId: sessionId('s4'),
        pairId: PAIR,
        index: 4,
        count: 6,
        start: START,
        end: END,
        joinUrl: 'https://teams.microsoft.com/l/meetup-join/4',
        topic: 'Prompting_basics',
      }),
    );
    expect(allText(card)).toContain(`Next: session 4 of 6 with ${martinEscaped}`);
    expect(allText(card)).toContain('Topic: Prompting\\_basics');
    const [agenda, reschedule] = expectExecuteActions(card, verbs);
    expect(agenda).toMatchObject({ verb: CARD_VERBS.agendaShow, data: { sessionId: 's4', pairId: PAIR } });
    expect(reschedule).toMatchObject({ verb: CARD_VERBS.sessionReschedule, data: { sessionId: 's4', pairId: PAIR } });
    expect(actions(card)[0]).toMatchObject({ type: 'Action.OpenUrl', url: 'https://teams.microsoft.com/l/meetup-join/4' });
  });

  it('says clearly why there is no session', () => {
    expect(allText(validCard(nextSessionCard({ kind: 'none', reason: 'not-paired', tabUrl })))).toContain('not paired yet');
    expect(allText(validCard(nextSessionCard({ kind: 'none', reason: 'not-booked', tabUrl })))).toContain('still looking for a time');
    expect(allText(validCard(nextSessionCard({ kind: 'none', reason: 'finished', tabUrl })))).toContain('series is complete');
    expect(allText(validCard(nextSessionCard({ kind: 'paused', until: date('2026-03-03'), tabUrl })))).toContain('start again on Tuesday 3 March 2026');
  });
});

describe('pause card', () => {
  it('asks for the date back with a date input limited to tomorrow … a year, saying who sees it', () => {
    const card = validCard(pauseCard({ kind: 'ask', today: date('2026-02-10'), partners: [martin], submissionId: 'pause-1' }));
    expect(inputs(card)).toEqual([expect.objectContaining({ type: 'Input.Date', id: 'pauseUntil', min: '2026-02-11', max: '2027-02-10', isRequired: true })]);
    expectAudienceForEveryInput(card);
    expect(byId(card, 'pauseUntil-audience')!['text']).toContain(`${martinEscaped} and the program team see the date you are back`);
    const [confirm, cancel] = expectExecuteActions(card, verbs);
    expect(confirm).toMatchObject({ verb: CARD_VERBS.pauseConfirm, associatedInputs: 'auto', data: { submissionId: 'pause-1' } });
    expect(cancel!['verb']).toBe(CARD_VERBS.pauseCancel);
  });

  it('shows a parse error beside the date input', () => {
    const card = validCard(
      pauseCard({ kind: 'ask', today: date('2026-02-10'), partners: [martin], submissionId: 'pause-1', error: '3 March 2025 is in the past.', value: '2025-03-03' }),
    );
    expect(byId(card, 'pauseUntil-error')).toMatchObject({ color: 'Attention', text: '3 March 2025 is in the past\\.' });
    expect(byId(card, 'pauseUntil')!['value']).toBe('2025-03-03');
  });

  it('confirms with the date and what it cancels, then says it is done', () => {
    const confirm = validCard(pauseCard({ kind: 'confirm', until: date('2026-03-03'), partners: [martin], sessionsCancelled: 2, submissionId: 'pause-1' }));
    expect(allText(confirm)).toContain('Pause until Tuesday 3 March 2026?');
    expect(allText(confirm)).toContain(`2 sessions with ${martinEscaped} before then will be cancelled`);
    expect(expectExecuteActions(confirm, verbs)[0]).toMatchObject({ verb: CARD_VERBS.pauseConfirm, data: { submissionId: 'pause-1', until: '2026-03-03' } });
    expect(allText(validCard(pauseCard({ kind: 'done', until: date('2026-03-03'), partners: [martin] })))).toContain('start again on Tuesday 3 March 2026');
    expect(allText(validCard(pauseCard({ kind: 'cancelled' })))).toContain('No break');
  });
});

describe('leave card', () => {
  it('asks to confirm, says what changes, and never asks for a reason', () => {
    const card = validCard(leaveCard({ kind: 'confirm', programId: 'prog-1', programName: 'Upward *2026*', partners: [martin], submissionId: 'leave-1' }));
    const text = allText(card);
    expect(text).toContain('Leave Upward \\*2026\\*?');
    expect(text).toContain('no-fault');
    expect(text).toContain(`${martinEscaped} is told the pairing has ended, not why`);
    expect(inputs(card)).toEqual([]);
    const [yes, stay] = expectExecuteActions(card, verbs);
    expect(yes).toMatchObject({ verb: CARD_VERBS.leaveConfirm, style: 'destructive', data: { programId: 'prog-1', submissionId: 'leave-1' } });
    expect(stay!['verb']).toBe(CARD_VERBS.leaveCancel);
    expect(allText(validCard(leaveCard({ kind: 'done', programName: 'Upward *2026*' })))).toContain('You have left Upward \\*2026\\*');
    expect(allText(validCard(leaveCard({ kind: 'cancelled' })))).toContain('Nothing has changed');
  });
});

describe('not understood', () => {
  it('quotes the message escaped and lists the commands', () => {
    const text = notUnderstoodText('make me **CEO** <now>');
    expect(text).toContain('“make me \\*\\*CEO\\*\\* \\<now\\>”');
    expect(text).toContain('**help**');
    expect(text).toContain('**leave**');
  });

  it('cuts a long message short and handles an empty one', () => {
    expect(notUnderstoodText('a'.repeat(500)).length).toBeLessThan(250);
    expect(notUnderstoodText('   ')).toMatch(/^I did not catch that\./);
  });
});

