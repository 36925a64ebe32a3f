// From the tree: which spec file updates a given instance. An open spec that targets it wins (its unsaved text
// is what the person sees), then the file proton-ops.yaml maps to it; otherwise the person picks one of the known
// spec files or browses for one.
import * as vscode from 'vscode';
import { looksLikeServiceSpec } from '../../core/specDocument';
import { specTargets, type OpsMapping } from '../../core/specTargets';
import type { ProtonSnapshot } from '../../core/protonSnapshot';
import { isYamlDocument } from '../../diagnostics/specFileIndex';
import { pick, type PickItem } from './quickPick';

export interface InstanceRef {
  serviceName: string;
  name: string;
}

export async function specForInstance(
  ref: InstanceRef,
  snapshot: ProtonSnapshot | undefined,
  ops: readonly OpsMapping[],
  knownSpecFiles: () => Promise<readonly vscode.Uri[]>,
): Promise<vscode.TextDocument | undefined> {
  const targets = (d: vscode.TextDocument) =>
    specTargets({ text: d.getText(), specPath: d.isUntitled ? undefined : d.uri.fsPath, opsMappings: ops, knownInstances: snapshot?.instances }).targets;
  const open = vscode.workspace.textDocuments.filter(
    (d) => isYamlDocument(d) && looksLikeServiceSpec(d.getText()) && targets(d).some((t) => t.serviceName === ref.serviceName && t.name === ref.name),
  );
  const active = vscode.window.activeTextEditor?.document;
  if (open.length) return open.find((d) => d === active) ?? open[0];
  const mapped = ops.find((m) => m.serviceName === ref.serviceName && m.name === ref.name);
  if (mapped) return vscode.workspace.openTextDocument(vscode.Uri.file(mapped.specPath));
  return askForSpec(ref, knownSpecFiles);
}

async function askForSpec(ref: InstanceRef, knownSpecFiles: () => Promise<readonly vscode.Uri[]>): Promise<vscode.TextDocument | undefined> {
  const files = await knownSpecFiles();
  const browse: PickItem<vscode.Uri | 'browse'> = { label: '$(folder-opened) Browse…', detail: 'Choose a spec file on disk', value: 'browse' };
  const items: PickItem<vscode.Uri | 'browse'>[] = [
    ...files.map((u) => ({ label: vscode.workspace.asRelativePath(u), value: u as vscode.Uri | 'browse' })),
    browse,
  ];
  const chosen = await pick({
    title: `Update ${ref.serviceName}/${ref.name}: which spec file`,
    placeholder: `No open or mapped spec file targets ${ref.serviceName}/${ref.name}; choose the spec to send`,
    items,
  });
  if (!chosen) return undefined;
  if (chosen !== 'browse') return vscode.workspace.openTextDocument(chosen);
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: 'Use This Spec',
    filters: { 'Service spec (YAML)': ['yaml', 'yml'] },
  });
  return picked?.[0] && vscode.workspace.openTextDocument(picked[0]);
}

/** Spec files of the workspace when no index is at hand: YAML files (bounded) that look like a ServiceSpec. */
export async function findSpecFiles(): Promise<vscode.Uri[]> {
  const uris = await vscode.workspace.findFiles('**/*.{yaml,yml}', '**/{node_modules,.git}/**', 500);
  const out: vscode.Uri[] = [];
  for (const u of uris) {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(u));
      if (looksLikeServiceSpec(text)) out.push(u);
    } catch {
      // unreadable: not offered
    }
  }
  return out.sort((a, b) => a.path.localeCompare(b.path));
}
