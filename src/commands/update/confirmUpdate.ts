// The confirmation before a submit (setting proton.confirmBeforeDeploy, default on): a modal naming the connection,
// service, instance, type and version change, with "Show Diff" (the deployed spec, read-only, against the text
// that will be sent, the left side from the proton-spec: documents of the instance commands) as the second
// button; after the diff it asks again.
import * as vscode from 'vscode';
import type { ProtonCacheApi } from '../../proton/api';
import { confirmationText, type UpdatePlan } from '../../core/updateConfirmation';
import { deployedSpecUri } from '../specDocuments';

/** True when the person confirmed (or confirmation is turned off). */
export async function confirmUpdate(cache: ProtonCacheApi, plan: UpdatePlan, document: vscode.TextDocument): Promise<boolean> {
  if (!vscode.workspace.getConfiguration('proton').get<boolean>('confirmBeforeDeploy', true)) return true;
  const connection = cache.connection ?? { region: 'unknown region', isEmulator: false };
  const { message, detail } = confirmationText(plan, connection);
  const go = plan.deploymentType === 'NONE' ? 'Update Spec' : 'Deploy';
  const diff = 'Show Diff';
  for (;;) {
    const answer = await vscode.window.showWarningMessage(message, { modal: true, detail }, go, diff);
    if (answer !== diff) return answer === go;
    await cache.fetchDeployedSpec(plan.serviceName, plan.name).catch(() => undefined);
    await vscode.commands.executeCommand(
      'vscode.diff',
      deployedSpecUri(plan.serviceName, plan.name),
      document.uri,
      `${plan.serviceName}/${plan.name}: deployed ↔ ${plan.source}`,
      { preview: true },
    );
  }
}
