import { Router, type Request } from 'express';
import type { ProgramExport } from '../../contracts/program-health.ts';
import { epochMs, ianaZone } from '../../core/time.ts';
import { currentZoneName } from '../../core/time/zone-names.ts';
import type { ProgramServices } from '../../programs/program-services.ts';
import { pairingAdminView, sharedEnrolmentView } from '../../programs/views.ts';
import { csvText, type CsvValue } from './csv.ts';
import { actorOf, param } from './program-actor.ts';
import { adminTenantOf } from './program-health.ts';
import type { ProgramHealthSource } from './program-health-source.ts';

const list = (values: readonly string[]): string => values.join('; ');

/**
 * Everything the program admin may see of one program as CSV, in three sections (enrolments,
 * pairs, bookings), each with its own header row. People appear only through the shared views the
 * admin's own screens use (`sharedEnrolmentView`, `pairingAdminView`), so exclusions
 * (`doNotPairWith`), leaving reasons and feedback text can never reach the file.
 */
export async function programExportCsv(services: ProgramServices, source: ProgramHealthSource, req: Request, now: number): Promise<ProgramExport> {
  const tenantId = await adminTenantOf(req, source);
  const actor = actorOf(req);
  const programId = param(req, 'id');
  // The use cases check again that the caller administers the program (404 otherwise).
  const program = await services.programs.get(actor, programId);
  const [enrolments, { pairings, people }, bookings] = await Promise.all([
    services.enrolments.list(actor, programId),
    services.pairings.list(actor, programId),
    source.bookingResults(tenantId, programId),
  ]);
  const rows: CsvValue[][] = [
    ['Enrolments'],
    ['user_id', 'display_name', 'role', 'department', 'job_title', 'time_zone', 'can_teach', 'wants_to_learn', 'goals', 'languages', 'status', 'paused_until', 'left_at', 'enrolled_at'],
  ];
  for (const e of enrolments.map((x) => sharedEnrolmentView(x, epochMs(now)))) {
    rows.push([e.userId, e.displayName, e.role, e.department, e.jobTitle, e.timeZone, list(e.canTeach), list(e.wantsToLearn), list(e.goals), list(e.languages), e.status, e.pausedUntil, e.leftAt, e.enrolledAt]);
  }
  rows.push([], ['Pairs'], ['pair_id', 'cycle', 'mentor_id', 'mentor', 'mentee_id', 'mentee', 'co_mentor_id', 'co_mentor', 'score', 'reasons', 'published_at', 'ended_at', 'end_reason']);
  for (const p of pairings.map((x) => pairingAdminView(x, people))) {
    rows.push([p.id, p.cycle, p.mentor.userId, p.mentor.displayName, p.mentee.userId, p.mentee.displayName, p.coMentor?.userId, p.coMentor?.displayName, p.score, list(p.reasons), p.publishedAt, p.endedAt, p.endReason]);
  }
  rows.push([], ['Bookings'], ['pair_id', 'cycle', 'state', 'result_code', 'result', 'weekday', 'local_time', 'time_zone', 'first_date', 'last_date', 'planned_sessions', 'cancelled_sessions']);
  for (const b of bookings) {
    // Under its current name: a plan stored before Upward renamed zones says "Asia/Calcutta".
    const zone = b.zone === null ? null : currentZoneName(ianaZone(b.zone));
    rows.push([b.pairId, b.cycle, b.state, b.reasonCode, b.reason, b.weekday, b.localTime, zone, b.firstDate, b.lastDate, b.plannedSessions, b.cancelledSessions]);
  }
  const slug = program.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'program';
  return { fileName: `${slug}-${new Date(now).toISOString().slice(0, 10)}.csv`, csv: csvText(rows) };
}

/**
 * `GET /programs/:id/export.csv` (the program's own admins; 403 without the role, 404 for another admin's program). Served as `text/csv` for a link or
 * a script; a caller that asks for JSON (the tab, whose API client reads JSON) gets
 * `{ fileName, csv }` with the same text and saves it itself.
 */
export function programExportRoutes(services: ProgramServices, source: ProgramHealthSource, now: () => number = Date.now): Router {
  const router = Router();
  router.get('/programs/:id/export.csv', async (req, res) => {
    const { fileName, csv } = await programExportCsv(services, source, req, now());
    res.set('Cache-Control', 'no-store');
    if (req.accepts(['text/csv', 'application/json']) === 'application/json') {
      res.json({ fileName, csv } satisfies ProgramExport);
      return;
    }
    res.type('text/csv; charset=utf-8').attachment(fileName).send(csv);
  });
  return router;
}
