import { userId } from '../../../src/core/ids.ts';
import { pairId, sessionId } from '../../../src/core/sessions/session.ts';
import { epochMs } from '../../../src/core/time.ts';
import type { CardPerson, CardReaders } from '../../../src/teams/cards/card-parts.ts';

/** People whose typed names carry markdown and HTML, so every test also checks escaping. */
export const priya: CardPerson = { userId: userId('u-priya'), name: 'Priya', teamsUserId: '29:priya' };
export const martin: CardPerson = { userId: userId('u-martin'), name: 'Martin *Boss* <b>Lee</b>', teamsUserId: '29:martin' };
/** How Martin's name must appear in TextBlock text. */
export const martinEscaped = 'Martin \\*Boss\\* \\<b\\>Lee\\</b\\>';

export const priyaReads: CardReaders = { reader: priya, partners: [martin] };
export const martinReads: CardReaders = { reader: martin, partners: [priya] };

export const PAIR = pairId('pair-1');
export const SESSION = sessionId('session-3');
export const START = epochMs(Date.UTC(2026, 2, 3, 10, 0));
export const END = epochMs(Date.UTC(2026, 2, 3, 10, 45));
