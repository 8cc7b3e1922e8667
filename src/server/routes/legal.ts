import { Router } from 'express';

const page = (title: string, paragraphs: string[]): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title} — Upward</title></head><body style="font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;line-height:1.5;padding:0 1rem"><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('')}</body></html>`;

const PRIVACY = page('Privacy', [
  'Upward reads from Microsoft Graph only what running a mentoring program needs: people\'s names, titles, departments and manager chain; mailbox time zone and working hours; and free/busy times. It never reads the subject or body of anyone\'s other meetings.',
  'Free-text feedback is seen only by its author and, where the author chose so, by their partner. Program admins see ratings and themes in aggregate, never for a group smaller than five people. Managers see participation counts of their own organisation only.',
  'Data is stored in your organisation\'s Upward database, every row tagged with your tenant, and is never shared with another organisation.',
]);

const TERMS = page('Terms of use', [
  'Upward is provided by your organisation to run its reverse-mentoring programs. Use it for that purpose and in line with your organisation\'s policies.',
  'Either partner may leave a pair at any time, without giving a reason to the other.',
]);

/** The privacy statement and terms the Teams manifest links to. */
export function legalRoutes(): Router {
  const router = Router();
  router.get('/privacy', (_req, res) => res.type('html').send(PRIVACY));
  router.get('/terms', (_req, res) => res.type('html').send(TERMS));
  return router;
}
