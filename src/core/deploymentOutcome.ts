// Following a deployment: when the instance's status says the deployment we started has ended, and the message a
// person reads for the outcome. Pure: the caller polls Proton and passes what it read.
import { isBusy } from './protonModel';
import type { VersionRef } from './templateVersions';
import { v } from './updateChoices';

export type Outcome = 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export interface FollowedInstance {
  deploymentStatus: string;
  deploymentStatusMessage?: string;
  lastAttemptedDeploymentId?: string;
  templateMajorVersion: string;
  templateMinorVersion: string;
}

/** The outcome the instance shows once it is no longer busy, or undefined while the deployment runs. */
export function deploymentOutcome(inst: FollowedInstance): Outcome | undefined {
  if (isBusy(inst.deploymentStatus)) return undefined;
  switch (inst.deploymentStatus) {
    case 'SUCCEEDED':
    case 'FAILED':
    case 'CANCELLED':
      return inst.deploymentStatus;
    default:
      // DELETE_* and others: the deployment did not succeed; report it as failed with the status named.
      return 'FAILED';
  }
}

/** The final message: what happened to which instance, on which version; Proton's status message last. */
export function outcomeMessage(outcome: Outcome, who: { serviceName: string; name: string }, inst: FollowedInstance, target?: VersionRef): string {
  const id = `${who.serviceName}/${who.name}`;
  const now = v({ major: inst.templateMajorVersion, minor: inst.templateMinorVersion });
  switch (outcome) {
    case 'SUCCEEDED':
      return `Deployed ${id}: it runs ${now}.`;
    case 'CANCELLED':
      return `The deployment of ${id} was cancelled; it stays on ${now}.`;
    case 'FAILED': {
      const aim = target ? ` to ${v(target)}` : '';
      const status = inst.deploymentStatus === 'FAILED' ? '' : ` (${inst.deploymentStatus})`;
      return `The deployment of ${id}${aim} failed${status}: ${inst.deploymentStatusMessage ?? 'Proton gave no status message.'}`;
    }
  }
}

/** Polling back-off while following: quick at first (short deployments), then every `maxMs`. */
export function pollDelay(attempt: number, maxMs: number): number {
  return Math.min(maxMs, 500 * 2 ** Math.min(attempt, 6));
}

const RESULT_WORDS: Record<string, string> = {
  SUCCEEDED: 'succeeded',
  FAILED: 'failed',
  CANCELLED: 'was cancelled',
  refused: 'was refused',
  cancelled: 'was left at a prompt',
  declined: 'was declined at the confirmation',
  failed: 'could not be submitted',
  'stopped watching': 'is still deploying (no longer watched)',
};

/**
 * The closing line of "All N, one after another": how many succeeded, where it stopped and why, and which were not
 * started. Undefined for a single target (its own message says it all).
 */
export function batchSummary(
  targets: readonly { serviceName: string; name: string }[],
  outcomes: readonly { serviceName: string; name: string; result: string }[],
): { text: string; allSucceeded: boolean } | undefined {
  if (targets.length < 2) return undefined;
  const who = (t: { serviceName: string; name: string }) => `${t.serviceName}/${t.name}`;
  const ok = outcomes.filter((o) => o.result === 'SUCCEEDED');
  if (ok.length === targets.length) return { text: `All ${targets.length} instances updated: ${targets.map(who).join(', ')}.`, allSucceeded: true };
  const last = outcomes[outcomes.length - 1];
  const rest = targets.slice(outcomes.length).map(who);
  const parts = [`${ok.length} of ${targets.length} instances updated${ok.length ? ` (${ok.map(who).join(', ')})` : ''}`];
  if (last) parts.push(`${who(last)} ${RESULT_WORDS[last.result] ?? last.result}`);
  if (rest.length) parts.push(`${last ? 'so ' : ''}${rest.join(', ')} ${rest.length === 1 ? 'was' : 'were'} not started`);
  return { text: `${parts.join('; ')}.`, allSucceeded: false };
}
