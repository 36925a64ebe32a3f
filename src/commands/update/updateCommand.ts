// "Proton: Update Service Instance…" (proton.updateServiceInstance), from the palette (the active editor), the
// editor title and context menus, the explorer (spec files), the tree's instance menu and the CodeLens
// (`(uri, {serviceName, name})`). Finds the spec and its targets, then runs the update flow for each.
import * as vscode from 'vscode';
import { batchSummary } from '../../core/deploymentOutcome';
import { specTargets } from '../../core/specTargets';
import type { ProtonSnapshot } from '../../core/protonSnapshot';
import type { OpsMapping } from '../../core/specTargets';
import { showError } from '../../ui/errors';
import { disposeUpdateCheckDiagnostics } from './checkGate';
import { chooseTargets, type ChosenTarget, type ChosenTargets } from './chooseTarget';
import { workspaceOpsMappings } from './opsMappings';
import { offerToRecordTarget } from './recordTarget';
import { findSpecFiles, specForInstance, type InstanceRef } from './specForInstance';
import { readSpec, type SpecSource } from './specSource';
import { updateOneTarget, type FlowDeps, type TargetOutcome } from './updateFlow';

export interface UpdateCommandDeps extends FlowDeps {
  /** The known spec files (the spec-file index), for "which spec file" from the tree; found by a search otherwise. */
  specFiles?: () => Promise<readonly vscode.Uri[]>;
}

/** What a run did, per target (the command's return value, for tests and other commands). */
export interface UpdateRun {
  outcomes: TargetOutcome[];
}

/** The command's handler (registered by src/specToolsLoader.ts, which loads this bundle on first use). */
export async function runUpdateCommand(deps: UpdateCommandDeps, arg?: unknown, arg2?: unknown): Promise<UpdateRun> {
  try {
    return await runUpdate(deps, arg, arg2);
  } catch (err) {
    void showError(err, 'Updating the service instance failed');
    return { outcomes: [] };
  }
}

/** What the update command holds between runs (the update check's diagnostics collection). */
export const disposeUpdateCommand = disposeUpdateCheckDiagnostics;

/** A tree node, a CodeLens argument or a plain {serviceName, name}: the instance it names. */
export function instanceRefOf(arg: unknown): InstanceRef | undefined {
  if (typeof arg !== 'object' || arg === null || arg instanceof vscode.Uri) return undefined;
  const o = arg as Record<string, unknown>;
  for (const c of [o, o.instance, o.summary] as Record<string, unknown>[]) {
    if (c && typeof c.serviceName === 'string' && typeof c.name === 'string') return { serviceName: c.serviceName, name: c.name };
  }
  return undefined;
}

async function runUpdate(deps: UpdateCommandDeps, arg: unknown, arg2: unknown): Promise<UpdateRun> {
  const ops = await workspaceOpsMappings();
  const fromTree = instanceRefOf(arg);
  let document: vscode.TextDocument | undefined;
  if (arg instanceof vscode.Uri) document = await vscode.workspace.openTextDocument(arg);
  else if (fromTree) {
    const known = () => deps.specFiles?.() ?? findSpecFiles();
    document = await specForInstance(fromTree, deps.cache.snapshot, ops, known);
    if (!document) return { outcomes: [] };
  } else document = vscode.window.activeTextEditor?.document;
  if (!document) {
    void vscode.window.showInformationMessage('Open a service spec (YAML with "proton: ServiceSpec") to update a service instance from it.');
    return { outcomes: [] };
  }
  const spec = await readSpec(document);
  if (!spec) return { outcomes: [] };
  const snapshot = await deps.cache.load();
  // The CodeLens and the tree name the target; the file's rules apply otherwise.
  const named = fromTree ?? instanceRefOf(arg2);
  let chosen: ChosenTargets | undefined;
  if (named) chosen = { targets: [namedTarget(named, fileTargets(spec, snapshot, ops))], source: 'directive' };
  else chosen = await chooseTargets(spec, snapshot, ops);
  if (!chosen) return { outcomes: [] };
  const outcomes: TargetOutcome[] = [];
  for (const [i, t] of chosen.targets.entries()) {
    const step = chosen.targets.length > 1 ? `(${i + 1}/${chosen.targets.length}) ` : '';
    const o = await updateOneTarget(deps, spec, t, step);
    outcomes.push(o);
    if (o.result !== 'SUCCEEDED') break; // one after another: stop at the first that did not succeed
  }
  const summary = batchSummary(chosen.targets, outcomes);
  if (summary) void (summary.allSucceeded ? vscode.window.showInformationMessage(summary.text) : vscode.window.showWarningMessage(summary.text));
  if (chosen.source === 'none' && outcomes[0]?.result === 'SUCCEEDED') {
    await offerToRecordTarget(deps.state, spec.document, chosen.targets[0]);
  }
  return { outcomes };
}

/** The file's own targets, without asking (the directive's type and versions for a target named elsewhere). */
function fileTargets(spec: SpecSource, snapshot: ProtonSnapshot, ops: readonly OpsMapping[]): ChosenTarget[] {
  return specTargets({
    text: spec.text,
    parsed: spec.parsed,
    specPath: spec.document.isUntitled ? undefined : spec.document.uri.fsPath,
    opsMappings: ops,
    knownInstances: snapshot.instances,
  }).targets.map(({ directive: _d, ...t }) => t);
}

function namedTarget(named: InstanceRef, inFile: ChosenTarget[]): ChosenTarget {
  return inFile.find((t) => t.serviceName === named.serviceName && t.name === named.name) ?? { ...named };
}
