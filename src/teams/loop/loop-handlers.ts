/**
 * The bot's mentoring loop as two entry points the bot routes to: Universal Actions of Upward's
 * cards (`cardAction`) and chat commands (`command`). Pure of the Teams SDK: tests call them
 * directly; `src/teams/bot.ts` adapts activities to them.
 */
import type { AdaptiveCard } from '@microsoft/teams.cards';
import { sessionTopic } from '../../core/sessions/agenda.ts';
import { parseCommand } from '../../core/sessions/commands.ts';
import { ianaZone, type IanaZone } from '../../core/time.ts';
import type { TenantId, UserId } from '../../core/ids.ts';
import { CARD_VERBS } from '../cards/card-verbs.ts';
import { helpCard } from '../cards/help-card.ts';
import { introductionCard } from '../cards/introduction-card.ts';
import { nextSessionCard } from '../cards/next-session-card.ts';
import { notUnderstoodText } from '../cards/not-understood.ts';
import { AGENDA_VERBS, handleAgendaAction } from './agenda-actions.ts';
import { readersOf } from './card-people.ts';
import { CHECK_IN_VERBS, handleCheckInAction } from './check-in-actions.ts';
import { handleRescheduleAction, RESCHEDULE_VERBS } from './reschedule-actions.ts';
import { FEEDBACK_VERBS, handleFeedbackAction, type CardActor } from './feedback-actions.ts';
import { leaveCard } from '../cards/leave-card.ts';
import { pauseCard } from '../cards/pause-card.ts';
import { cardResponse, messageResponse, type LoopInvokeResponse } from './invoke-response.ts';
import { leaveConfirm, leaveStep, MEMBERSHIP_VERBS, pauseConfirm, pauseStep, type MemberContext } from './membership-actions.ts';
import type { LoopPorts } from './ports.ts';

/** A reply in the chat: a card or markdown text. */
export type ChatReply = AdaptiveCard | string;

export interface LoopHandlers {
  /** The answer to an Action.Execute, or `undefined` when the verb is not the loop's. */
  cardAction(actor: CardActor, verb: string, data: Record<string, unknown>): Promise<LoopInvokeResponse | undefined>;
  /** The reply to a chat message. */
  command(actor: { tenantId: TenantId; userId: UserId }, text: string): Promise<ChatReply>;
}

export interface LoopOptions {
  readonly ports: LoopPorts;
  /** Link to the personal tab. */
  readonly tabUrl: string;
  /** The person's time zone, for "tomorrow" and "3 March"; UTC when unknown. */
  readonly zoneOf?: (tenantId: TenantId, userId: UserId) => Promise<IanaZone | undefined>;
}

export function createLoopHandlers(options: LoopOptions): LoopHandlers {
  const { ports, tabUrl } = options;

  const next = async (tenantId: TenantId, userId: UserId): Promise<AdaptiveCard> => {
    const found = await ports.sessions.nextFor(tenantId, userId, ports.now());
    if (found === undefined) return nextSessionCard({ kind: 'none', reason: 'not-booked', tabUrl });
    const { session } = found;
    return nextSessionCard({
      kind: 'scheduled',
      partners: readersOf(found.people, userId).partners,
      sessionId: session.id,
      pairId: session.pairId,
      index: session.index,
      count: found.count,
      start: session.start,
      end: session.end,
      joinUrl: null,
      topic: sessionTopic(found.track ?? null, session.index),
    });
  };

  const zoneOf = async (tenantId: TenantId, userId: UserId): Promise<IanaZone> =>
    (await options.zoneOf?.(tenantId, userId).catch(() => undefined)) ?? ianaZone('UTC');
  const member = async (tenantId: TenantId, userId: UserId): Promise<MemberContext | undefined> =>
    ports.membership === undefined ? undefined : { ports, membership: ports.membership, tenantId, userId, zone: await zoneOf(tenantId, userId) };
  const reply = (answer: AdaptiveCard | string): LoopInvokeResponse => (typeof answer === 'string' ? messageResponse(answer) : cardResponse(answer));
  const viaTab = (what: 'pause' | 'leave'): string =>
    `To ${what === 'leave' ? 'leave the program' : 'take a break'}, open [My mentoring](${tabUrl}): it asks you to confirm there.`;

  const membershipAction = async (ctx: MemberContext, verb: string, data: Record<string, unknown>): Promise<AdaptiveCard | string> => {
    switch (verb) {
      case CARD_VERBS.commandPause:
        return pauseStep(ctx, undefined);
      case CARD_VERBS.commandLeave:
        return leaveStep(ctx);
      case CARD_VERBS.pauseConfirm:
        return pauseConfirm(ctx, data);
      case CARD_VERBS.pauseCancel:
        return pauseCard({ kind: 'cancelled' });
      case CARD_VERBS.leaveConfirm:
        return leaveConfirm(ctx, data);
      default:
        return leaveCard({ kind: 'cancelled' });
    }
  };

  return {
    async cardAction(actor, verb, data) {
      if (FEEDBACK_VERBS.has(verb)) return handleFeedbackAction(ports, actor, verb, data);
      if (AGENDA_VERBS.has(verb)) return handleAgendaAction(ports, actor, verb, data);
      if (CHECK_IN_VERBS.has(verb)) return handleCheckInAction(ports, actor, verb, data);
      if (RESCHEDULE_VERBS.has(verb)) return handleRescheduleAction(ports, tabUrl, actor, verb, data);
      if (verb === CARD_VERBS.introductionRefresh && ports.introductions !== undefined) {
        // The reader's own side of the pair, from who they are; someone outside it gets a notice.
        const pairId = typeof data['pairId'] === 'string' ? data['pairId'] : '';
        const view = await ports.introductions.viewFor(actor.tenantId, pairId, actor.userId);
        return view === undefined ? messageResponse('This introduction is for the people of another pair.') : cardResponse(introductionCard(view));
      }
      if (verb === CARD_VERBS.commandHelp) return cardResponse(helpCard({ tabUrl }));
      if (verb === CARD_VERBS.commandNext) return cardResponse(await next(actor.tenantId, actor.userId));
      if (MEMBERSHIP_VERBS.has(verb)) {
        const ctx = await member(actor.tenantId, actor.userId);
        if (ctx === undefined) return messageResponse(viaTab(verb.toLowerCase().includes('leave') ? 'leave' : 'pause'));
        return reply(await membershipAction(ctx, verb, data));
      }
      return undefined;
    },

    async command(actor, text) {
      const zone = await zoneOf(actor.tenantId, actor.userId);
      const parsed = parseCommand(text, ports.now(), zone);
      const ctx = await member(actor.tenantId, actor.userId);
      switch (parsed.kind) {
        case 'help':
          return helpCard({ tabUrl });
        case 'next':
          return next(actor.tenantId, actor.userId);
        case 'invalid':
          return ctx === undefined ? parsed.message : pauseStep(ctx, undefined, { message: parsed.message });
        case 'pause':
          return ctx === undefined ? viaTab('pause') : pauseStep(ctx, parsed.until);
        case 'pause-ask':
          return ctx === undefined ? viaTab('pause') : pauseStep(ctx, undefined);
        case 'leave':
          return ctx === undefined ? viaTab('leave') : leaveStep(ctx);
        case 'not-understood':
          return notUnderstoodText(parsed.text);
      }
    },
  };
}
