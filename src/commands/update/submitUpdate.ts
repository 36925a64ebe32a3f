// Submit once: one clientToken per confirmed submit, the same request sent again only for a dropped connection,
// throttling or a 5xx (after the SDK's own retries), so Proton deploys it at most once.
import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import type { ProtonCacheApi, ServiceInstanceDetail, UpdateInput } from '../../proton/api';
import { sendWithRetries, SubmitAttemptsError } from '../../core/submitRetry';
import { isRetryableFailure, updateFailureMessage, type RequestFailure } from '../../core/updateErrors';
import { describeConnection } from '../../core/updateConfirmation';
import { protonLog } from '../../ui/log';

/** Waits between our own attempts; the SDK has already retried each attempt with back-off. */
export const SUBMIT_RETRY_DELAYS_MS = [1000, 2000, 4000];

/** The request as a ProtonRequestError reports it (by shape: the gateway is a separate bundle). */
export function asFailure(err: unknown): RequestFailure {
  const e = err as { errorName?: unknown; message?: unknown } | undefined;
  return { errorName: typeof e?.errorName === 'string' ? e.errorName : 'Unknown', message: String(e?.message ?? err) };
}

export type SubmitResult = { ok: true; instance: ServiceInstanceDetail; input: UpdateInput } | { ok: false; failure: RequestFailure; message: string };

export async function submitUpdate(
  cache: ProtonCacheApi,
  request: Omit<UpdateInput, 'clientToken'>,
  delaysMs: readonly number[] = SUBMIT_RETRY_DELAYS_MS,
): Promise<SubmitResult> {
  const input: UpdateInput = { ...request, clientToken: randomUUID() };
  const who = `${input.serviceName}/${input.name}`;
  const log = protonLog();
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: `Submitting the update of ${who}…` },
    async (progress) => {
      try {
        const gw = await cache.gateway();
        log.info(`UpdateServiceInstance ${who} ${input.deploymentType} client token ${input.clientToken}`);
        const { value } = await sendWithRetries(() => gw.updateServiceInstance(input), {
          delaysMs,
          isRetryable: (err) => isRetryableFailure(asFailure(err)),
          onRetry: (attempt, err) => {
            log.warn(`UpdateServiceInstance ${who}: ${asFailure(err).errorName}; sending attempt ${attempt} with the same client token`);
            progress.report({ message: `retrying (attempt ${attempt}, same client token)` });
          },
        });
        return { ok: true, instance: value, input };
      } catch (err) {
        const attempts = err instanceof SubmitAttemptsError ? err.attempts : 1;
        const failure = asFailure(err instanceof SubmitAttemptsError ? err.cause : err);
        const connection = cache.connection && describeConnection(cache.connection);
        const message = updateFailureMessage(failure, { serviceName: input.serviceName, name: input.name, connection, attempts });
        log.error(`${message} [UpdateServiceInstance ${failure.errorName}]`);
        return { ok: false, failure, message };
      }
    },
  );
}
