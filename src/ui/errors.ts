// The one error path: "WHAT failed: reason" (the variable part last) in a notification with a "Show Logs" button
// into the "Proton" log, where the same line is written with the operation and request id. Cancellation is silent.
import * as vscode from 'vscode';
import { isProtonRequestError } from '../proton/api';
import { protonLog } from './log';

export const SHOW_LOGS = 'Show Logs';

export function isCancellation(err: unknown): boolean {
  if (err instanceof vscode.CancellationError) return true;
  if (isProtonRequestError(err)) return err.errorName === 'Cancelled';
  return (err as { name?: string } | undefined)?.name === 'AbortError';
}

/** The reason as people read it: Proton's mapped message, or the error's own. */
export function errorText(err: unknown): string {
  if (err instanceof Error) return err.message;
  return String(err);
}

/** Writes the failure to the log (with operation and request id when known). Returns the one-line message. */
export function logError(err: unknown, what: string): string {
  const message = `${what}: ${errorText(err)}`;
  const extra = isProtonRequestError(err)
    ? ` [${err.operation}${err.httpStatus ? ` HTTP ${err.httpStatus}` : ''}${err.requestId ? ` request ${err.requestId}` : ''}]`
    : '';
  protonLog().error(message + extra);
  return message;
}

/**
 * Shows `what` failed, e.g. showError(err, 'Loading service instances failed'). Silent for cancellation.
 * Resolves when the notification is dismissed (callers need not await it).
 */
export async function showError(err: unknown, what: string): Promise<void> {
  if (isCancellation(err)) {
    protonLog().debug(`${what}: cancelled`);
    return;
  }
  const message = logError(err, what);
  const choice = await vscode.window.showErrorMessage(message, SHOW_LOGS);
  if (choice === SHOW_LOGS) protonLog().show(true);
}
