// The deployment lifecycle of service instances: IN_PROGRESS → SUCCEEDED/FAILED after --deploy-ms, and
// cancellation IN_PROGRESS → CANCELLING (a quarter of --deploy-ms) → CANCELLED with versions and spec as before.
// Deadlines live in the state (instance.pending), so a restart with --state resumes them.
import { randomUUID } from 'node:crypto';
import type { Store } from './store';
import { findInstance, instanceArn, nowSeconds } from './lookups';
import type { DeploymentRecord, InstanceRecord, InstanceState } from './state';

const key = (i: { serviceName: string; name: string }) => `${i.serviceName}\u0000${i.name}`;

export const CANCEL_MESSAGE = 'User initiated cancellation.';
export const FAIL_MESSAGE =
  'Deployment failed: this instance is set to fail its next deployment (failNextDeployment in the emulator seed).';

function currentState(i: InstanceRecord): InstanceState {
  return {
    spec: i.spec,
    templateName: i.templateName,
    templateMajorVersion: i.templateMajorVersion,
    templateMinorVersion: i.templateMinorVersion,
  };
}

export function findDeployment(store: Store, id: string | undefined): DeploymentRecord | undefined {
  return id === undefined ? undefined : store.state.deployments.find((d) => d.id === id);
}

/** Starts a deployment to `target` (versions and spec); the instance shows IN_PROGRESS until it completes. */
export function startDeployment(
  store: Store,
  inst: InstanceRecord,
  target: { major: string; minor: string; spec: string },
  clientToken: string | undefined,
): DeploymentRecord {
  const now = nowSeconds();
  const d: DeploymentRecord = {
    id: randomUUID(),
    seq: store.state.nextSeq++,
    serviceName: inst.serviceName,
    serviceInstanceName: inst.name,
    environmentName: inst.environmentName,
    targetArn: instanceArn(store.state, inst),
    targetResourceCreatedAt: inst.createdAt,
    deploymentStatus: 'IN_PROGRESS',
    createdAt: now,
    lastModifiedAt: now,
    initialState: currentState(inst),
    targetState: {
      spec: target.spec,
      templateName: inst.templateName,
      templateMajorVersion: target.major,
      templateMinorVersion: target.minor,
    },
  };
  if (inst.lastAttemptedDeploymentId) d.lastAttemptedDeploymentId = inst.lastAttemptedDeploymentId;
  if (inst.lastSucceededDeploymentId) d.lastSucceededDeploymentId = inst.lastSucceededDeploymentId;
  store.state.deployments.push(d);

  inst.deploymentStatus = 'IN_PROGRESS';
  delete inst.deploymentStatusMessage;
  inst.lastAttemptedDeploymentId = d.id;
  inst.lastDeploymentAttemptedAt = now;
  if (clientToken !== undefined) inst.lastClientRequestToken = clientToken;
  inst.pending = { kind: 'deploy', deploymentId: d.id, dueAt: Date.now() + store.deployMs };
  schedule(store, inst);
  return d;
}

/** Cancels an IN_PROGRESS deployment (the caller checked the status). */
export function startCancel(store: Store, inst: InstanceRecord): void {
  store.clearTimer(key(inst));
  const deploymentId = inst.pending?.kind === 'deploy' ? inst.pending.deploymentId : undefined;
  inst.deploymentStatus = 'CANCELLING';
  delete inst.deploymentStatusMessage;
  inst.pending = { kind: 'cancel', dueAt: Date.now() + Math.floor(store.deployMs / 4) };
  if (deploymentId) inst.pending.deploymentId = deploymentId;
  const d = findDeployment(store, deploymentId);
  if (d) {
    d.deploymentStatus = 'CANCELLING';
    d.lastModifiedAt = nowSeconds();
  }
  schedule(store, inst);
}

function schedule(store: Store, inst: InstanceRecord): void {
  const p = inst.pending;
  if (!p) return;
  const k = key(inst);
  store.setTimer(k, p.dueAt - Date.now(), () => {
    const cur = findInstance(store.state, inst.serviceName, inst.name);
    // The state may have been reset or replaced since the timer was set.
    if (!cur || cur.pending?.kind !== p.kind || cur.pending.deploymentId !== p.deploymentId || cur.pending.dueAt !== p.dueAt) return;
    complete(store, cur);
    store.save();
  });
}

function complete(store: Store, inst: InstanceRecord): void {
  const p = inst.pending;
  if (!p) return;
  delete inst.pending;
  const now = nowSeconds();
  const d = findDeployment(store, p.deploymentId);
  if (p.kind === 'cancel') {
    // Versions and spec were never changed while the deployment ran: they are "as before".
    inst.deploymentStatus = 'CANCELLED';
    inst.deploymentStatusMessage = CANCEL_MESSAGE;
    if (d) {
      d.deploymentStatus = 'CANCELLED';
      d.deploymentStatusMessage = CANCEL_MESSAGE;
      d.lastModifiedAt = now;
      d.completedAt = now;
    }
    return;
  }
  if (!d) return;
  if (inst.failNextDeployment) {
    inst.failNextDeployment = false;
    inst.deploymentStatus = 'FAILED';
    inst.deploymentStatusMessage = FAIL_MESSAGE;
    d.deploymentStatus = 'FAILED';
    d.deploymentStatusMessage = FAIL_MESSAGE;
  } else {
    inst.deploymentStatus = 'SUCCEEDED';
    delete inst.deploymentStatusMessage;
    inst.templateMajorVersion = d.targetState.templateMajorVersion;
    inst.templateMinorVersion = d.targetState.templateMinorVersion;
    inst.spec = d.targetState.spec;
    inst.lastSucceededDeploymentId = d.id;
    inst.lastDeploymentSucceededAt = now;
    d.deploymentStatus = 'SUCCEEDED';
    d.outputs = inst.outputs.map((o) => ({ ...o }));
  }
  d.lastModifiedAt = now;
  d.completedAt = now;
}

/** After loading a state file: finish what is overdue, schedule the rest. */
export function resumePending(store: Store): void {
  for (const inst of store.state.instances) if (inst.pending) schedule(store, inst);
}

/** The deployments of one instance, newest first. */
export function deploymentsNewestFirst(list: DeploymentRecord[]): DeploymentRecord[] {
  return [...list].sort((a, b) => b.createdAt - a.createdAt || b.seq - a.seq);
}
