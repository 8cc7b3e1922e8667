/**
 * `nextSession`: inserts the agenda card of the person's next session. The card goes into a
 * conversation others may read, so it is built without the reader's private action items; its
 * refresh gives each member of the pair their own full view.
 */
import type { MessagingExtensionResponse } from '@microsoft/teams.api';
import { agendaCard } from '../cards/agenda-card.ts';
import { nextSessionCard } from '../cards/next-session-card.ts';
import type { EpochMs } from '../../core/time.ts';
import type { Caller } from './invoke-context.ts';
import type { NextSessionPort } from './ports.ts';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export async function nextSession(caller: Caller, port: NextSessionPort, now: EpochMs): Promise<MessagingExtensionResponse> {
  const answer = await port.forPerson(caller.tenant, caller.person, now);
  if (answer.kind !== 'agenda') {
    const card = nextSessionCard(answer);
    const title = answer.kind === 'paused' ? 'On a break' : 'No session coming up';
    return {
      composeExtension: {
        type: 'result',
        attachmentLayout: 'list',
        attachments: [{ contentType: ADAPTIVE, content: card, preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title } } }],
      },
    };
  }
  const { view } = answer;
  const shared = { ...view, agenda: { ...view.agenda, openActions: [] } };
  const card = agendaCard(shared);
  const partners = view.readers.partners.map((p) => p.name).join(', ');
  return {
    composeExtension: {
      type: 'result',
      attachmentLayout: 'list',
      attachments: [
        {
          contentType: ADAPTIVE,
          content: card,
          preview: {
            contentType: 'application/vnd.microsoft.card.thumbnail',
            content: {
              title: `Session ${view.agenda.sessionIndex} of ${view.agenda.sessionCount} with ${partners}`,
              subtitle: new Date(view.start).toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
              text: view.agenda.topic ?? 'Agenda',
            },
          },
        },
      ],
    },
  };
}
