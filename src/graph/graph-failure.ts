import { GraphError } from '@microsoft/microsoft-graph-client';
import { UpwardError } from '../core/errors.ts';

/** The HTTP status of a failed Graph call, if it got that far. */
export function graphErrorStatus(error: unknown): number | undefined {
  return error instanceof GraphError ? error.statusCode : undefined;
}

/** A Graph failure as Upward's error, keeping Graph's own code in the message. */
export function toUpwardError(error: unknown, doing: string): UpwardError {
  if (error instanceof GraphError) {
    const status = error.statusCode;
    const kind = status === 429 || status >= 500 || status <= 0 ? 'unavailable' : 'upstream';
    return new UpwardError(kind, `Microsoft Graph refused ${doing}: ${error.code ?? status} ${error.message}`.trim());
  }
  return new UpwardError('unavailable', `Microsoft Graph could not be reached while ${doing}: ${String(error)}`);
}
