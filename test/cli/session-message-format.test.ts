/**
 * What `upward program send` prints for each answer of the server: sent now, had it already, and
 * being sent right now by another sender — which is not "had it already": it has not arrived yet.
 */
import { describe, expect, it } from 'vitest';
import { formatSent } from '../../src/cli/session-message-commands.ts';

const session = { id: 's', number: 2, count: 4, start: '2026-03-10T10:00:00.000Z', end: '2026-03-10T10:45:00.000Z' };
const answer = (status: string, people: object[]) => ({ status, kind: 'agenda', session, people });

describe('program send output', () => {
  it('tells a message being sent right now by another sender apart from one delivered before', () => {
    const lines = formatSent(
      answer('in-progress', [
        { userId: 'a', name: 'Ada Obi', status: 'in-progress', message: 'Ada Obi is being sent this message right now' },
        { userId: 'b', name: 'Li Na Li', status: 'already-sent' },
      ]),
    );
    expect(lines).toEqual([
      'Agenda of session 2 of 4 (2026-03-10 10:00 UTC): being sent right now by another request or the timed message; nothing sent again — check again in a minute',
      '  Ada Obi: being sent right now by another request or the timed message (not sent again); check again in a minute',
      '  Li Na Li: had it already (not sent again)',
    ]);
  });

  it('reads an older server\'s answer (already-sent, reason in-progress) the same way', () => {
    const lines = formatSent(answer('already-sent', [{ userId: 'a', name: 'Ada Obi', status: 'already-sent', reason: 'in-progress' }]));
    expect(lines[0]).toContain('being sent right now');
    expect(lines[1]).toBe('  Ada Obi: being sent right now by another request or the timed message (not sent again); check again in a minute');
  });

  it('keeps "had it already" for messages truly delivered before, and says what was sent now or refused', () => {
    expect(formatSent(answer('already-sent', [{ userId: 'a', name: 'Ada Obi', status: 'already-sent' }]))).toEqual([
      'Agenda of session 2 of 4 (2026-03-10 10:00 UTC): already sent earlier; nothing sent again',
      '  Ada Obi: had it already (not sent again)',
    ]);
    expect(
      formatSent(
        answer('sent', [
          { userId: 'a', name: 'Ada Obi', status: 'sent' },
          { userId: 'b', name: 'Li Na Li', status: 'not-sent', reason: 'blocked', message: 'Li Na Li has blocked or removed Upward in Teams; nothing was sent' },
        ]),
      ),
    ).toEqual([
      'Agenda of session 2 of 4 (2026-03-10 10:00 UTC): sent',
      '  Ada Obi: sent now',
      '  Li Na Li: not sent: Li Na Li has blocked or removed Upward in Teams; nothing was sent',
    ]);
  });
});
