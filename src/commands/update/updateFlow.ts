// One update of one instance from one spec, step by step: busy check, deploymentType and version, the rules'
// verdict, the checker gate, the confirmation, the submit (once) and following the deployment.
import * as vscode from 'vscode';
import type { ProtonCacheApi, UpdateInput } from '../../proton/api';
import { resolveTarget, type TargetContext } from '../../core/deploymentTarget';
import { instanceKey, type InstanceSummary } from '../../core/protonSnapshot';
import { busyReason } from '../../core/updateChoices';
import { num, type TemplateVersionInfo } from '../../core/templateVersions';
import { passCheckGate } from './checkGate';
import { chooseDeployment, rememberDeploymentType } from './chooseDeployment';
import type { ChosenTarget } from './chooseTarget';
import { confirmUpdate } from './confirmUpdate';
import { followDeployment, type FollowResult } from './followDeployment';
import { refuse, type SpecSource } from './specSource';
import { submitUpdate } from './submitUpdate';
import { cachedSpecChecker } from './specChecker';
import { SHOW_LOGS } from '../../ui/errors';
import { protonLog } from '../../ui/log';

export type StepResult = 'refused' | 'cancelled' | 'declined' | 'failed' | FollowResult;

export interface TargetOutcome {
  serviceName: string;
  name: string;
  result: StepResult;
  /** What was sent, when something was. */
  input?: UpdateInput;
}

export interface FlowDeps {
  cache: ProtonCacheApi;
  state: vscode.Memento;
  /** Longest wait between two reads while following. */
  pollMaxMs?: number;
}

export async function updateOneTarget(deps: FlowDeps, spec: SpecSource, t: ChosenTarget, step: string): Promise<TargetOutcome> {
  const out = (result: StepResult, input?: UpdateInput): TargetOutcome => ({ serviceName: t.serviceName, name: t.name, result, input });
  const { cache } = deps;
  const snap = await cache.load();
  const inst = snap.instances.find((i) => i.serviceName === t.serviceName && i.name === t.name);
  if (!inst) {
    await refuse(`Proton has no service instance ${t.serviceName}/${t.name} (connection: ${cache.connection?.label ?? 'none'}).`);
    return out('refused');
  }
  const busy = busyReason(inst, snap.components?.get(instanceKey(t.serviceName, t.name)));
  if (busy) {
    void vscode.window.showWarningMessage(busy);
    return out('refused');
  }
  const ctx = await targetContext(cache, inst);
  const choice = await chooseDeployment(ctx, deps.state, t, step);
  if (!choice) return out('cancelled');
  const resolved = resolveTarget(choice, ctx);
  if (resolved.problem) {
    await refuse(`Proton would refuse this update of ${t.serviceName}/${t.name}: ${resolved.problem.message}`);
    return out('refused');
  }
  const landing = { major: resolved.target.major, minor: resolved.target.minor };
  const request = { serviceName: t.serviceName, name: t.name, ...choice, spec: spec.text };
  const gate = await passCheckGate(cachedSpecChecker(cache), {
    document: spec.document, text: spec.text, ...request, landing: `${landing.major}.${landing.minor}`,
  });
  if (!gate) return out('refused');
  const from = { major: inst.templateMajorVersion, minor: inst.templateMinorVersion };
  const plan = { serviceName: t.serviceName, name: t.name, deploymentType: choice.deploymentType, from, to: landing, source: spec.label, unsaved: spec.unsaved };
  if (!(await confirmUpdate(cache, plan, spec.document))) return out('declined');
  const sent = await submitUpdate(cache, request);
  if (!sent.ok) {
    void vscode.window.showErrorMessage(sent.message, SHOW_LOGS).then((c) => c === SHOW_LOGS && protonLog().show(true));
    return out('failed');
  }
  await rememberDeploymentType(deps.state, inst, choice.deploymentType);
  // Let the tree show the instance in flight at once.
  void cache.refreshInstance(t.serviceName, t.name).catch(() => undefined);
  if (choice.deploymentType === 'NONE') {
    void vscode.window.showInformationMessage(`Stored the spec of ${t.serviceName}/${t.name}; nothing deployed (NONE), it stays on v${from.major}.${from.minor}.`);
    return out('SUCCEEDED', sent.input);
  }
  const result = await followDeployment(cache, sent.instance, landing, { pollMaxMs: deps.pollMaxMs ?? 2000 });
  return out(result, sent.input);
}

/**
 * The rules' view of the instance: its template with the details (compatibility, schema) of the versions the
 * pickers may offer (PUBLISHED, current major and up), fetched once each through the cache.
 */
async function targetContext(cache: ProtonCacheApi, inst: InstanceSummary): Promise<TargetContext> {
  const snap = await cache.load();
  const summary = snap.templates.get(inst.templateName) ?? { name: inst.templateName, versions: [] };
  const wanted = summary.versions.filter((x) => x.status === 'PUBLISHED' && num(x.majorVersion) > num(inst.templateMajorVersion));
  const details = await Promise.all(
    wanted.map((x) => cache.fetchVersionDetail(summary.name, x.majorVersion, x.minorVersion).catch(() => undefined)),
  );
  const byKey = new Map<string, TemplateVersionInfo>();
  wanted.forEach((x, i) => details[i] && byKey.set(`${x.majorVersion}.${x.minorVersion}`, { ...x, ...details[i] }));
  const template = { ...summary, versions: summary.versions.map((x) => byKey.get(`${x.majorVersion}.${x.minorVersion}`) ?? x) };
  return { instance: inst, template, environment: snap.environments.get(inst.environmentName) };
}
