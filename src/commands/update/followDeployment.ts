// Follows a submitted deployment to its end: a progress notification polls GetServiceInstance through the cache
// (so the tree row spins, then shows the new version); its Cancel asks whether to cancel the deployment in Proton
// or only stop watching; the end is reported with the outcome, and for failures Proton's status message and
// "Show Deployment History".
import * as vscode from 'vscode';
import type { ProtonCacheApi, ServiceInstanceDetail } from '../../proton/api';
import { deploymentOutcome, outcomeMessage, pollDelay, type Outcome } from '../../core/deploymentOutcome';
import type { VersionRef } from '../../core/templateVersions';
import { v } from '../../core/updateChoices';
import { protonLog } from '../../ui/log';
import { asFailure } from './submitUpdate';

export type FollowResult = Outcome | 'stopped watching';

/** Consecutive failed reads after which following gives up (the tree keeps polling on its own). */
const MAX_READ_FAILURES = 8;

export interface FollowOptions {
  /** Longest wait between two reads. */
  pollMaxMs: number;
}

export async function followDeployment(
  cache: ProtonCacheApi,
  started: ServiceInstanceDetail,
  target: VersionRef,
  opts: FollowOptions,
): Promise<FollowResult> {
  const who = { serviceName: started.serviceName, name: started.name };
  const id = `${who.serviceName}/${who.name}`;
  let title = `Deploying ${id} to ${v(target)}`;
  let last: ServiceInstanceDetail = started;
  for (;;) {
    const r = await poll(cache, title, last, opts);
    last = r.last;
    if (r.outcome) {
      report(r.outcome, who, last, target);
      return r.outcome;
    }
    // The person pressed Cancel on the notification.
    const cancelIt = 'Cancel the Deployment in Proton';
    const stop = 'Stop Watching';
    const answer = await vscode.window.showWarningMessage(
      `Cancel the deployment of ${id} in Proton, or only stop watching it here?`,
      { modal: true, detail: 'Stopping watching leaves the deployment running; the tree keeps showing its status.' },
      cancelIt,
      stop,
    );
    if (answer !== cancelIt) {
      if (answer === stop) return 'stopped watching';
      continue; // dismissed: keep watching
    }
    try {
      const gw = await cache.gateway();
      last = await gw.cancelServiceInstanceDeployment(who.serviceName, who.name);
      title = `Cancelling the deployment of ${id}`;
    } catch (err) {
      const f = asFailure(err);
      protonLog().error(`CancelServiceInstanceDeployment ${id}: ${f.message}`);
      void vscode.window.showErrorMessage(`Could not cancel the deployment of ${id}: ${f.message}`);
    }
  }
}

async function poll(
  cache: ProtonCacheApi,
  title: string,
  first: ServiceInstanceDetail,
  opts: FollowOptions,
): Promise<{ outcome?: Outcome; last: ServiceInstanceDetail }> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    let last = first;
    let failures = 0;
    for (let i = 0; ; i++) {
      progress.report({ message: last.deploymentStatus });
      if (await sleepOrCancel(pollDelay(i, opts.pollMaxMs), token, settledInCache(cache, first))) return { last };
      try {
        last = await cache.refreshInstance(first.serviceName, first.name);
        failures = 0;
      } catch (err) {
        // Throttling and dropped reads are expected while following: read again later.
        protonLog().warn(`Following ${first.serviceName}/${first.name}: ${asFailure(err).message}`);
        if (++failures >= MAX_READ_FAILURES) throw err;
        continue;
      }
      if (token.isCancellationRequested) return { last };
      const outcome = deploymentOutcome(last);
      if (outcome) return { outcome, last };
    }
  });
}

/** An event that fires when the cache (the tree's polling) shows the instance settled: read it then, not later. */
function settledInCache(cache: ProtonCacheApi, inst: ServiceInstanceDetail): (wake: () => void) => { dispose(): void } {
  return (wake) =>
    cache.onDidChange(() => {
      const now = cache.snapshot?.instances.find((i) => i.serviceName === inst.serviceName && i.name === inst.name);
      if (now && deploymentOutcome(now)) wake();
    });
}

/** Waits `ms`, or less when `early` wakes it; true when cancelled. */
function sleepOrCancel(ms: number, token: vscode.CancellationToken, early: (wake: () => void) => { dispose(): void }): Promise<boolean> {
  if (token.isCancellationRequested) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (cancelled: boolean) => {
      clearTimeout(timer);
      sub.dispose();
      wakeSub.dispose();
      resolve(cancelled);
    };
    const sub = token.onCancellationRequested(() => done(true));
    const wakeSub = early(() => done(false));
    const timer = setTimeout(() => done(false), ms);
  });
}

function report(outcome: Outcome, who: { serviceName: string; name: string }, inst: ServiceInstanceDetail, target: VersionRef): void {
  const message = outcomeMessage(outcome, who, inst, target);
  protonLog().info(message);
  if (outcome === 'SUCCEEDED') {
    void vscode.window.showInformationMessage(message);
    return;
  }
  if (outcome === 'CANCELLED') {
    void vscode.window.showWarningMessage(message);
    return;
  }
  const history = 'Show Deployment History';
  void vscode.window.showErrorMessage(message, history).then((choice) => {
    if (choice === history) void vscode.commands.executeCommand('proton.showDeploymentHistory', inst);
  });
}
