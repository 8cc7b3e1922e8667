import type { RequestHandler } from 'express';

/**
 * Teams, Outlook and Microsoft 365 show the tab in an iframe; these are the hosts allowed to frame
 * it. Everything else about the page is locked to its own origin.
 */
const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.office.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
  'https://*.cloud.microsoft',
];

export function securityHeaders(loginBaseUrl: string): RequestHandler {
  const csp = [
    "default-src 'self'",
    `connect-src 'self' ${loginBaseUrl}`,
    "img-src 'self' data:",
    "style-src 'self' 'unsafe-inline'",
    "script-src 'self'",
    `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  ].join('; ');
  return (_req, res, next) => {
    res.setHeader('content-security-policy', csp);
    res.setHeader('x-content-type-options', 'nosniff');
    res.setHeader('referrer-policy', 'no-referrer');
    next();
  };
}
