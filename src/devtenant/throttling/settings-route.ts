import type { Response, Router } from 'express';
import { z } from 'zod';
import { fieldErrors } from './field-errors.ts';

/**
 * `GET path` answers the current settings; `PUT path` replaces them through `set`, which validates
 * with zod: a bad body is a 400 naming each field and changes nothing. Shared by the development
 * tenant's control APIs (traffic, connector).
 */
export function settingsRoute(router: Router, path: string, get: () => unknown, set: (input: unknown) => unknown): void {
  router.get(path, (_req, res) => {
    res.json(get());
  });
  router.put(path, (req, res) => {
    try {
      res.json(set(req.body ?? {}));
    } catch (error) {
      if (error instanceof z.ZodError) return badControlRequest(res, error);
      throw error;
    }
  });
}

/** The control APIs' 400: one message naming every field, and the fields one by one. */
export function badControlRequest(res: Response, error: z.ZodError): void {
  const fields = fieldErrors(error);
  res.status(400).json({
    error: {
      code: 'BadRequest',
      message: fields.map((f) => `${f.field}: ${f.message}`).join('; '),
      details: fields.map((f) => ({ field: f.field, message: f.message })),
    },
  });
}
