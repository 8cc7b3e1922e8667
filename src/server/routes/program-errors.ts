import type { ErrorRequestHandler } from 'express';
import { PairingRuleError } from '../../core/matching/pair-rules.ts';
import { IllegalTransitionError } from '../../core/programs/transitions.ts';

/**
 * Adds the structured detail of the program errors to the usual error body: an illegal state
 * change names `from`, `to` and the `legal` next states; a review edit that breaks a matching
 * rule names the `rule`. Everything else goes on to the shared error responder.
 */
export const programErrorDetails: ErrorRequestHandler = (error, _req, res, next) => {
  if (res.headersSent) return next(error);
  if (error instanceof IllegalTransitionError) {
    res.status(409).json({ error: { code: error.code, message: error.message, from: error.from, to: error.to, legal: error.legal } });
    return;
  }
  if (error instanceof PairingRuleError) {
    res.status(409).json({ error: { code: error.code, message: error.message, rule: error.rule } });
    return;
  }
  next(error);
};
