// Which instance(s) the spec updates (design §4, rules in core/specTargets): directives, then proton-ops.yaml, then
// a unique instance name; otherwise the person picks one of the account's instances (the spec's names first).
// Several targets: pick one, or all of them one after another.
import * as vscode from 'vscode';
import { parseDirectives } from '../../core/directives';
import type { DeploymentType } from '../../core/protonModel';
import type { InstanceSummary, ProtonSnapshot } from '../../core/protonSnapshot';
import { specInstanceNames } from '../../core/serviceSpec';
import { specTargets, type OpsMapping, type TargetSource } from '../../core/specTargets';
import { pick, type PickItem } from './quickPick';
import { refuse, type SpecSource } from './specSource';

export interface ChosenTarget {
  serviceName: string;
  name: string;
  /** What the directive asks for, preselected in the pickers. */
  deploymentType?: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
}

export interface ChosenTargets {
  targets: ChosenTarget[];
  /** How they were found; 'none' means the person picked (the file may then record it). */
  source: TargetSource;
}

const describe = (i: InstanceSummary): string =>
  `${i.environmentName} · v${i.templateMajorVersion}.${i.templateMinorVersion} · ${i.deploymentStatus}`;

/** The targets to update, in order; undefined when the person dismissed a picker or the directives are broken. */
export async function chooseTargets(spec: SpecSource, snapshot: ProtonSnapshot, ops: readonly OpsMapping[]): Promise<ChosenTargets | undefined> {
  const { directives, problems } = parseDirectives(spec.text);
  const found = specTargets({
    text: spec.text,
    directives,
    parsed: spec.parsed,
    specPath: spec.document.isUntitled ? undefined : spec.document.uri.fsPath,
    opsMappings: ops,
    knownInstances: snapshot.instances,
  });
  if (found.source === 'directive' && found.targets.length === 0) {
    await refuse(`${spec.label}: its proton-update directive is not valid, so the target is unknown: ${problems[0]?.message ?? 'it names no service and instance.'}`);
    return undefined;
  }
  const targets: ChosenTarget[] = found.targets.map(({ directive: _d, ...t }) => t);
  if (found.source === 'none') {
    const one = await pickInstance(spec, snapshot);
    return one && { targets: [one], source: 'none' };
  }
  if (targets.length === 1) return { targets, source: found.source };
  const chosen = await pickAmong(spec, targets, snapshot);
  return chosen && { targets: chosen, source: found.source };
}

async function pickAmong(spec: SpecSource, targets: ChosenTarget[], snapshot: ProtonSnapshot): Promise<ChosenTarget[] | undefined> {
  const find = (t: ChosenTarget) => snapshot.instances.find((i) => i.serviceName === t.serviceName && i.name === t.name);
  const items: PickItem<ChosenTarget[]>[] = targets.map((t) => {
    const inst = find(t);
    return {
      label: `${t.serviceName}/${t.name}`,
      description: t.deploymentType,
      detail: inst ? describe(inst) : 'not found in this Proton account',
      value: [t],
    };
  });
  items.push({ label: `All ${targets.length}, one after another`, detail: targets.map((t) => t.name).join(', '), value: targets });
  return pick({ title: `Update from ${spec.label}: which instance`, placeholder: `${spec.label} names ${targets.length} service instances`, items });
}

async function pickInstance(spec: SpecSource, snapshot: ProtonSnapshot): Promise<ChosenTarget | undefined> {
  const names = new Set(specInstanceNames(spec.parsed));
  const toItem = (i: InstanceSummary): PickItem<ChosenTarget> => ({
    label: `${i.serviceName}/${i.name}`,
    detail: describe(i),
    value: { serviceName: i.serviceName, name: i.name },
  });
  const inSpec = snapshot.instances.filter((i) => names.has(i.name));
  const others = snapshot.instances.filter((i) => !names.has(i.name));
  const sep = (label: string): PickItem<ChosenTarget> => ({ label, kind: vscode.QuickPickItemKind.Separator, value: { serviceName: '', name: '' } });
  const items = [
    ...(inSpec.length ? [sep('named in this spec'), ...inSpec.map(toItem)] : []),
    ...(others.length ? [sep('other instances'), ...others.map(toItem)] : []),
  ];
  if (items.length === 0) {
    void vscode.window.showWarningMessage('This Proton account has no service instances to update.');
    return undefined;
  }
  return pick({
    title: `Update from ${spec.label}: which instance`,
    placeholder: `No directive or proton-ops.yaml names the target of ${spec.label}; choose the service instance`,
    items,
  });
}
