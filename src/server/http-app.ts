import express, { Router, type Express } from 'express';
import type { Logger } from 'pino';
import type { TokenValidator } from '../auth/token-validator.ts';
import type { DirectoryReader } from '../graph/directory.ts';
import { authenticate } from './authenticate.ts';
import { errorResponder, sendError } from './error-response.ts';
import { requestLog } from './request-log.ts';
import { healthRoutes } from './routes/health.ts';
import { legalRoutes } from './routes/legal.ts';
import { meRoutes } from './routes/me.ts';
import { feedbackRoutes, type FeedbackHistorySource } from './routes/feedback-routes.ts';
import { actionDoneRoutes, type ActionDoneStore } from './routes/action-done.ts';
import { participationRoutes, type ParticipationSource } from './routes/participation.ts';
import { programExportRoutes } from './routes/program-export.ts';
import { programHealthRoutes } from './routes/program-health.ts';
import type { ProgramHealthSource } from './routes/program-health-source.ts';
import { programRoutes } from './routes/programs.ts';
import { schedulingRoutes } from './routes/scheduling.ts';
import { schedulingOwnership } from './routes/scheduling-ownership.ts';
import { pairBacklogRoutes, type PairBacklogSource } from './routes/pair-backlog.ts';
import { sessionAlternativesRoutes } from './routes/session-alternatives.ts';
import { sessionMessageSendRoutes, type SessionMessageSender } from './routes/session-message-send.ts';
import type { SessionAlternativesSource } from './routes/session-alternatives-source.ts';
import type { SchedulingService } from '../scheduling/scheduling-service.ts';
import type { ProgramServices } from '../programs/program-services.ts';
import { tabConfigRoutes, type TabConfig } from './routes/tab-config.ts';
import { securityHeaders } from './security-headers.ts';
import { staticTab } from './static-tab.ts';

export interface HttpAppDeps {
  readonly log: Logger;
  readonly validator: TokenValidator;
  readonly tabConfig: TabConfig;
  readonly tabDirectory: string;
  readonly ping: () => Promise<void>;
  readonly directoryFor: (tenantId: string) => DirectoryReader;
  /** Registers routes that bring their own authentication (the bot's /api/messages). */
  readonly mountSelfAuthenticated: (app: Express) => Promise<void>;
  /** Programs, enrolment and matching (`routes/programs.ts`); left out, those routes are absent. */
  readonly programs?: ProgramServices;
  /** Booking pairs' recurring meetings (`routes/scheduling.ts`); left out, those routes are absent. */
  readonly scheduling?: SchedulingService;
  /** A manager's participation counts (`routes/participation.ts`); left out, that route is absent. */
  readonly participation?: ParticipationSource;
  /** Program health and the admin's CSV export (`routes/program-health.ts`, `routes/program-export.ts`); left out, those routes are absent. */
  readonly programHealth?: ProgramHealthSource;
  /** The caller's own session feedback (`routes/feedback-routes.ts`); left out, that route is absent. */
  readonly feedback?: FeedbackHistorySource;
  /** The author's own "action done" flags (`routes/action-done.ts`); left out, those routes are absent. */
  readonly actionDone?: ActionDoneStore;
  /** Free times a pair's session could move to (`routes/session-alternatives.ts`); left out, that route is absent. */
  readonly sessionAlternatives?: SessionAlternativesSource;
  /** A pair's shared agenda backlog (`routes/pair-backlog.ts`); left out, that route is absent. */
  readonly pairBacklog?: PairBacklogSource;
  /** A program admin's "send this session's message now" (`routes/session-message-send.ts`); needs `programs` too. */
  readonly sessionMessages?: SessionMessageSender;
}

/**
 * Upward's HTTP surface: health, the bot endpoint, the tab's JSON API (every route behind a
 * validated token) and the built tab.
 */
export async function createHttpApp(deps: HttpAppDeps): Promise<Express> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', 'loopback');
  app.use(requestLog(deps.log));
  app.use(securityHeaders(deps.tabConfig.loginBaseUrl));
  app.use(healthRoutes({ ping: deps.ping }));
  app.use(legalRoutes());
  // The bot's endpoint validates Bot Framework tokens itself, so it is mounted before /api's guard.
  await deps.mountSelfAuthenticated(app);

  const api = Router();
  api.use(tabConfigRoutes(deps.tabConfig));
  // Authenticate before reading a body: a stranger's payload is never parsed.
  api.use(authenticate(deps.validator));
  api.use(express.json({ limit: '256kb' }));
  api.use(meRoutes({ directoryFor: deps.directoryFor }));
  if (deps.feedback) api.use(feedbackRoutes(deps.feedback));
  if (deps.actionDone) api.use(actionDoneRoutes(deps.actionDone));
  if (deps.programs) api.use(programRoutes(deps.programs));
  if (deps.scheduling) {
    // Runs and bookings belong to programs: only a program's own admins reach them (see the guard).
    if (deps.programs) api.use(schedulingOwnership(deps.scheduling, deps.programs.access));
    api.use(schedulingRoutes(deps.scheduling));
  }
  if (deps.sessionAlternatives) api.use(sessionAlternativesRoutes(deps.sessionAlternatives));
  if (deps.sessionMessages && deps.programs) api.use(sessionMessageSendRoutes(deps.sessionMessages, deps.programs.access));
  if (deps.pairBacklog) api.use(pairBacklogRoutes(deps.pairBacklog));
  if (deps.participation) api.use(participationRoutes(deps.participation));
  if (deps.programHealth) api.use(programHealthRoutes(deps.programHealth));
  if (deps.programHealth && deps.programs) api.use(programExportRoutes(deps.programs, deps.programHealth));
  api.use((req, res) => sendError(res, 404, 'not_found', `no API route ${req.method} /api${req.path}`));
  app.use('/api', api);

  app.use(staticTab(deps.tabDirectory));
  app.use((req, res) => sendError(res, 404, 'not_found', `nothing at ${req.path}`));
  app.use(errorResponder(deps.log));
  return app;
}
