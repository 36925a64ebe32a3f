// The instance context menu: Open Deployed Spec, Compare Spec with Deployed, Cancel Deployment, Show Outputs,
// Show Deployment History, Copy ARN, Open in AWS Console. Each takes the tree's instance row (or asks for an
// instance when run otherwise) and reports failures through the one error path.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import type { InstanceSummary } from '../core/protonSnapshot';
import type { ProtonCache } from '../proton/cache';
import { showError } from '../ui/errors';
import type { InstanceNode } from '../views/instanceNodes';
import type { OpenSpecFiles } from '../views/openSpecFiles';
import type { Handlers, INSTANCE_COMMAND_IDS } from './lazyCommandIds';
import { deployedSpecUri, deploymentSpecUri, type SpecDocuments } from './specDocuments';

type Arg = InstanceNode | InstanceSummary | undefined;

async function resolveInstance(cache: ProtonCache, arg: Arg): Promise<InstanceSummary | undefined> {
  if (arg && 'kind' in arg && arg.kind === 'instance') return arg.instance;
  if (arg && 'serviceName' in arg && 'name' in arg) return arg as InstanceSummary;
  const snap = cache.snapshot ?? (await cache.load().catch(() => undefined));
  if (!snap) return undefined;
  const pick = await vscode.window.showQuickPick(
    snap.instances.map((i) => ({ label: i.name, description: `${i.serviceName} · ${i.environmentName} · ${i.deploymentStatus}`, i })),
    { title: 'Proton: choose a service instance', matchOnDescription: true },
  );
  return pick?.i;
}

const name = (i: InstanceSummary) => `${i.serviceName}/${i.name}`;

function command(cache: ProtonCache, what: (i: InstanceSummary) => string, run: (i: InstanceSummary) => Promise<unknown>) {
  return async (arg: Arg): Promise<void> => {
    const inst = await resolveInstance(cache, arg);
    if (!inst) return;
    try {
      await run(inst);
    } catch (err) {
      void showError(err, what(inst));
    }
  };
}

async function cancelDeployment(cache: ProtonCache, i: InstanceSummary): Promise<void> {
  if (i.deploymentStatus !== 'IN_PROGRESS') {
    void vscode.window.showInformationMessage(`Only a deployment in progress can be cancelled; ${name(i)} is ${i.deploymentStatus}.`);
    return;
  }
  const where = cache.connection?.label ?? '';
  const ok = await vscode.window.showWarningMessage(
    `Cancel the deployment of ${name(i)}?`,
    { modal: true, detail: `Proton stops the deployment in progress and returns the instance to its previous version and spec (${where}).` },
    'Cancel Deployment',
  );
  if (ok !== 'Cancel Deployment') return;
  const gw = await cache.gateway();
  await gw.cancelServiceInstanceDeployment(i.serviceName, i.name);
  await cache.refreshInstance(i.serviceName, i.name);
}

async function showOutputs(cache: ProtonCache, i: InstanceSummary): Promise<void> {
  const outputs = await (await cache.gateway()).listServiceInstanceOutputs(i.serviceName, i.name);
  if (outputs.length === 0) {
    void vscode.window.showInformationMessage(`${name(i)} has no outputs.`);
    return;
  }
  const pick = await vscode.window.showQuickPick(
    outputs.map((o) => ({ label: o.key, description: o.valueString })),
    { title: `Outputs of ${name(i)} (select one to copy its value)`, matchOnDescription: true },
  );
  if (pick) {
    await vscode.env.clipboard.writeText(pick.description ?? '');
    vscode.window.setStatusBarMessage(`Copied the value of ${pick.label}`, 3000);
  }
}

async function showHistory(cache: ProtonCache, docs: SpecDocuments, i: InstanceSummary): Promise<void> {
  const deployments = await (await cache.gateway()).listDeployments(i.serviceName, i.name);
  if (deployments.length === 0) {
    void vscode.window.showInformationMessage(`${name(i)} has no deployments.`);
    return;
  }
  const pick = await vscode.window.showQuickPick(
    deployments.map((d) => ({
      label: `${d.deploymentStatus} · ${d.id}`,
      description: d.createdAt ? d.createdAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : undefined,
      detail: d.completedAt ? `completed ${d.completedAt.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}` : 'not completed',
      d,
    })),
    { title: `Deployments of ${name(i)} (newest first): pick one to compare its initial and target spec` },
  );
  if (!pick) return;
  const detail = await docs.deployment(pick.d.id, i.serviceName, i.name);
  const v = (x?: { major: string; minor: string }) => (x ? ` v${x.major}.${x.minor}` : '');
  await vscode.commands.executeCommand(
    'vscode.diff',
    deploymentSpecUri(i.serviceName, i.name, pick.d.id, 'initial'),
    deploymentSpecUri(i.serviceName, i.name, pick.d.id, 'target'),
    `${name(i)}: deployment ${pick.d.id.slice(0, 8)} (initial${v(detail.initialVersion)} ↔ target${v(detail.targetVersion)})`,
  );
}

async function compareWithDeployed(cache: ProtonCache, specFiles: OpenSpecFiles, i: InstanceSummary): Promise<void> {
  let uris = specFiles.urisFor(i.name);
  if (uris.length === 0) {
    const chosen = await vscode.window.showOpenDialog({ title: `Spec file for ${name(i)}`, filters: { 'Service spec': ['yaml', 'yml'] }, canSelectMany: false });
    if (!chosen) return;
    uris = chosen;
  }
  const uri = uris.length === 1 ? uris[0] : (await vscode.window.showQuickPick(uris.map((u) => ({ label: basename(u.fsPath), description: vscode.workspace.asRelativePath(u), u }))))?.u;
  if (!uri) return;
  await cache.fetchDeployedSpec(i.serviceName, i.name);
  await vscode.commands.executeCommand('vscode.diff', deployedSpecUri(i.serviceName, i.name), uri, `${i.name}: deployed ↔ ${basename(uri.fsPath)}`);
}

/** The AWS console page of an instance (AWS endpoints only; the menu hides it for others). */
export function consoleUrl(region: string, i: InstanceSummary): string {
  const e = encodeURIComponent;
  return `https://${region}.console.aws.amazon.com/proton/home?region=${region}#/services/detail/${e(i.serviceName)}/instances/${e(i.name)}`;
}

/** The instance menu's commands; `docs` is the window's proton-spec provider (registered at activation). */
export function instanceCommandHandlers(cache: ProtonCache, specFiles: OpenSpecFiles, docs: SpecDocuments): Handlers<typeof INSTANCE_COMMAND_IDS> {
  return {
    'proton.openDeployedSpec': command(cache, (i) => `Opening the deployed spec of ${name(i)} failed`, async (i) => {
      await cache.fetchDeployedSpec(i.serviceName, i.name);
      const doc = await vscode.workspace.openTextDocument(deployedSpecUri(i.serviceName, i.name));
      await vscode.window.showTextDocument(doc, { preview: true });
    }),
    'proton.compareWithDeployed': command(cache, (i) => `Comparing with the deployed spec of ${name(i)} failed`, (i) => compareWithDeployed(cache, specFiles, i)),
    'proton.cancelDeployment': command(cache, (i) => `Cancelling the deployment of ${name(i)} failed`, (i) => cancelDeployment(cache, i)),
    'proton.showOutputs': command(cache, (i) => `Listing the outputs of ${name(i)} failed`, (i) => showOutputs(cache, i)),
    'proton.showDeploymentHistory': command(cache, (i) => `Listing the deployments of ${name(i)} failed`, (i) => showHistory(cache, docs, i)),
    'proton.copyArn': command(cache, (i) => `Copying the ARN of ${name(i)} failed`, async (i) => {
      await vscode.env.clipboard.writeText(i.arn);
      vscode.window.setStatusBarMessage(`Copied ${i.arn}`, 3000);
    }),
    'proton.openInConsole': command(cache, (i) => `Opening ${name(i)} in the AWS console failed`, async (i) => {
      const conn = cache.connection;
      if (!conn || conn.endpoint) {
        void vscode.window.showInformationMessage('The AWS console shows only instances on AWS, not on a custom endpoint or the emulator.');
        return;
      }
      await vscode.env.openExternal(vscode.Uri.parse(consoleUrl(conn.region, i)));
    }),
  };
}
