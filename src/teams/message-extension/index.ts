/**
 * Upward's message extension on Teams SDK v2: search (`findMentors`, `nextSession`) and actions
 * (`addToAgenda`, `logSession`). Every handler answers inside `deadlineMs`, turns errors into a
 * sentence for the person (never a failed invoke), and stores nothing on bad input.
 */
import type { App } from '@microsoft/teams.apps';
import type { MessagingExtensionAction, MessagingExtensionActionResponse, MessagingExtensionQuery, MessagingExtensionResponse } from '@microsoft/teams.api';
import { submitAddToAgenda, openAddToAgenda } from './add-to-agenda.ts';
import { ME_COMMANDS } from './commands.ts';
import { DEFAULT_DEADLINE_MS, withinDeadline } from './deadline.ts';
import { findMentors } from './find-mentors.ts';
import { callerOf, type InvokeCaller } from './invoke-context.ts';
import { openLogSession, submitLogSession } from './log-session.ts';
import { nextSession } from './next-session.ts';
import type { MessageExtensionDeps } from './ports.ts';
import { dialogMessage, searchMessage, sentenceFor } from './responses.ts';

export { ME_COMMANDS, MAX_RESULTS, QUERY_PARAMETER } from './commands.ts';
export type * from './ports.ts';
export { teachSearch, TEACH_INDEX_TTL_MS, type EnrolledProfilesPort, type TeachSearch } from './teach-search.ts';
export { buildTeachIndex, type TeachIndex, type TeachMatch, type TeachQuery } from './teach-index.ts';

/** An invoke activity as the handlers read it. */
export type QueryActivity = InvokeCaller & { readonly value: MessagingExtensionQuery };
export type ActionActivity = InvokeCaller & { readonly value: MessagingExtensionAction };

/** The handlers, callable without an App (tests, other hosts). */
export interface MessageExtensionHandlers {
  query(activity: QueryActivity): Promise<MessagingExtensionResponse>;
  open(activity: ActionActivity): Promise<MessagingExtensionActionResponse>;
  submit(activity: ActionActivity): Promise<MessagingExtensionActionResponse>;
}

export function messageExtensionHandlers(deps: MessageExtensionDeps): MessageExtensionHandlers {
  const log = deps.log.child({ component: 'message-extension' });
  const ms = deps.deadlineMs ?? DEFAULT_DEADLINE_MS;
  const guarded = async <T>(command: string | undefined, work: () => Promise<T>, onError: (sentence: string) => T): Promise<T> => {
    const started = performance.now();
    try {
      return await withinDeadline(work(), ms);
    } catch (error) {
      log.warn({ err: error, command }, 'message extension command failed');
      return onError(sentenceFor(error));
    } finally {
      log.debug({ command, ms: Math.round(performance.now() - started) }, 'message extension command answered');
    }
  };

  return {
    query(activity) {
      const command = activity.value.commandId;
      return guarded(
        command,
        async () => {
          const caller = callerOf(activity, deps.defaultTenantId);
          if (command === ME_COMMANDS.findMentors) return findMentors(activity.value, caller, deps.search);
          if (command === ME_COMMANDS.nextSession) return nextSession(caller, deps.nextSession, deps.now());
          return searchMessage(`Upward has no search called "${command ?? ''}".`);
        },
        searchMessage,
      );
    },
    open(activity) {
      const command = activity.value.commandId;
      return guarded(
        command,
        async () => {
          const caller = callerOf(activity, deps.defaultTenantId);
          if (command === ME_COMMANDS.addToAgenda) return openAddToAgenda(activity.value, caller, deps.pairs);
          if (command === ME_COMMANDS.logSession) return openLogSession(caller, deps.pairs, deps.now());
          return dialogMessage(`Upward has no action called "${command ?? ''}".`);
        },
        dialogMessage,
      );
    },
    submit(activity) {
      const command = activity.value.commandId;
      return guarded(
        command,
        async () => {
          const caller = callerOf(activity, deps.defaultTenantId);
          if (command === ME_COMMANDS.addToAgenda) return submitAddToAgenda(activity.value, caller, deps, deps.now());
          if (command === ME_COMMANDS.logSession) return submitLogSession(activity.value, caller, deps, deps.now());
          return dialogMessage(`Upward has no action called "${command ?? ''}".`);
        },
        dialogMessage,
      );
    },
  };
}

/**
 * Registers the message extension's routes on `app` (call before `app.initialize()`/`start()`).
 * The lead wires it in `src/teams/bot.ts` with one line: `registerMessageExtension(app, deps)`.
 */
export function registerMessageExtension(app: App, deps: MessageExtensionDeps): void {
  const handlers = messageExtensionHandlers(deps);
  app.on('message.ext.query', ({ activity }) => handlers.query(activity));
  app.on('message.ext.open', ({ activity }) => handlers.open(activity));
  app.on('message.ext.submit', ({ activity }) => handlers.submit(activity));
}
