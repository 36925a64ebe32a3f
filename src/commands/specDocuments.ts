// Read-only YAML documents for deployed specs and deployments' initial/target specs, under the `proton-spec`
// scheme. Content comes from the shared cache (GetServiceInstance, cached until the instance changes) and from
// GetDeployment (cached per deployment: a deployment's specs never change).
import * as vscode from 'vscode';
import type { DeploymentDetail } from '../proton/api';
import type { ProtonCache } from '../proton/cache';

export const SPEC_SCHEME = 'proton-spec';

const enc = encodeURIComponent;

// Paths name the instance in the file name, so the editor tab says whose spec it is: `/SERVICE/INSTANCE.deployed.yaml`,
// `/SERVICE/INSTANCE/DEPLOYMENT-ID.initial.yaml` (or `.target.yaml`).
export const deployedSpecUri = (serviceName: string, instanceName: string): vscode.Uri =>
  vscode.Uri.from({ scheme: SPEC_SCHEME, path: `/${enc(serviceName)}/${enc(instanceName)}.deployed.yaml` });

export const deploymentSpecUri = (serviceName: string, instanceName: string, id: string, side: 'initial' | 'target'): vscode.Uri =>
  vscode.Uri.from({ scheme: SPEC_SCHEME, path: `/${enc(serviceName)}/${enc(instanceName)}/${enc(id)}.${side}.yaml` });

export class SpecDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private readonly deployments = new Map<string, Promise<DeploymentDetail>>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly cache: ProtonCache) {
    this.disposables = [
      this.changed,
      vscode.workspace.registerTextDocumentContentProvider(SPEC_SCHEME, this),
      // Open deployed specs follow the instance: VS Code re-asks, the cache answers from memory unless it changed.
      cache.onDidChange(() => {
        for (const d of vscode.workspace.textDocuments) {
          if (d.uri.scheme === SPEC_SCHEME && d.uri.path.endsWith('.deployed.yaml')) this.changed.fire(d.uri);
        }
      }),
    ];
  }

  /** A deployment's detail, fetched once. */
  deployment(id: string, serviceName: string, instanceName: string): Promise<DeploymentDetail> {
    let p = this.deployments.get(id);
    if (!p) {
      p = this.cache.gateway().then((gw) => gw.getDeployment(id, serviceName, instanceName));
      p.catch(() => this.deployments.delete(id));
      this.deployments.set(id, p);
    }
    return p;
  }

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const parts = uri.path.split('/').filter(Boolean).map(decodeURIComponent);
    const deployed = parts.length === 2 && /^(.+)\.deployed\.yaml$/.exec(parts[1]);
    if (deployed) {
      const spec = await this.cache.fetchDeployedSpec(parts[0], deployed[1]);
      return spec ?? `# ${parts[0]}/${deployed[1]} has no deployed spec.\n`;
    }
    const side = parts.length === 3 && /^(.+)\.(initial|target)\.yaml$/.exec(parts[2]);
    if (side) {
      const d = await this.deployment(side[1], parts[0], parts[1]);
      const spec = side[2] === 'initial' ? d.initialSpec : d.targetSpec;
      return spec ?? `# Deployment ${d.id} has no ${side[2]} spec.\n`;
    }
    throw new Error(`Unknown Proton spec document: ${uri.toString()}`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
