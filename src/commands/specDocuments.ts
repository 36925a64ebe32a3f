// Read-only YAML documents for deployed specs and deployments' initial/target specs, under the `proton-spec`
// scheme. Content comes from the shared cache (GetServiceInstance, cached until the instance changes) and from
// GetDeployment (cached per deployment: a deployment's specs never change).
import * as vscode from 'vscode';
import type { DeploymentDetail } from '../proton/api';
import type { ProtonCache } from '../proton/cache';

export const SPEC_SCHEME = 'proton-spec';

const enc = encodeURIComponent;

export const deployedSpecUri = (serviceName: string, instanceName: string): vscode.Uri =>
  vscode.Uri.from({ scheme: SPEC_SCHEME, path: `/${enc(serviceName)}/${enc(instanceName)}/deployed.yaml` });

export const deploymentSpecUri = (serviceName: string, instanceName: string, id: string, side: 'initial' | 'target'): vscode.Uri =>
  vscode.Uri.from({ scheme: SPEC_SCHEME, path: `/${enc(serviceName)}/${enc(instanceName)}/deployments/${enc(id)}/${side}.yaml` });

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
          if (d.uri.scheme === SPEC_SCHEME && d.uri.path.endsWith('/deployed.yaml')) this.changed.fire(d.uri);
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
    const [service, instance] = parts;
    if (parts[2] === 'deployed.yaml') {
      const spec = await this.cache.fetchDeployedSpec(service, instance);
      return spec ?? `# ${service}/${instance} has no deployed spec.\n`;
    }
    if (parts[2] === 'deployments' && parts.length === 5) {
      const d = await this.deployment(parts[3], service, instance);
      const side = parts[4] === 'initial.yaml' ? d.initialSpec : d.targetSpec;
      return side ?? `# Deployment ${d.id} has no ${parts[4].replace('.yaml', '')} spec.\n`;
    }
    throw new Error(`Unknown Proton spec document: ${uri.toString()}`);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
