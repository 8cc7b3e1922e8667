import type { ProgramExport, ProgramHealthResponse } from '../../contracts/program-health.ts';
import type { Caller } from './caller.ts';

const at = (id: string): string => `/programs/${encodeURIComponent(id)}`;

/** Program health and the CSV export (program admins only; the server answers 403 otherwise). */
export const healthApi = {
  health: async (call: Caller, id: string, signal?: AbortSignal) => (await call<ProgramHealthResponse>('GET', `${at(id)}/health`, undefined, signal)).health,
  /** The CSV text and its file name; the caller's JSON `Accept` header makes the server wrap it. */
  exportCsv: async (call: Caller, id: string) => call<ProgramExport>('GET', `${at(id)}/export.csv`),
};
