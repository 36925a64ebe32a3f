// The workspace's proton-ops.yaml / proton-ops.yml files (target rule 2): their mappings with spec paths made
// absolute from each ops file's folder, re-read when one is created, edited or deleted.
import * as vscode from 'vscode';
import { normalizePath, parseProtonOps, type OpsMapping } from '../core/specTargets';

const OPS_GLOB = '**/proton-ops.{yaml,yml}';

/** A file's path in the form the ops mappings use (forward slashes, absolute). */
export const specPathOf = (uri: vscode.Uri): string => normalizePath(uri.fsPath);

export class OpsFiles implements vscode.Disposable {
  private readonly byFile = new Map<string, OpsMapping[]>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  /** Resolves when the first search is done (checks wait for it so a first check does not miss its target). */
  readonly ready: Promise<void>;

  constructor() {
    const watcher = vscode.workspace.createFileSystemWatcher(OPS_GLOB);
    const reread = (uri: vscode.Uri) => void this.read(uri).then(() => this.changed.fire());
    this.disposables.push(
      watcher,
      watcher.onDidCreate(reread),
      watcher.onDidChange(reread),
      watcher.onDidDelete((uri) => {
        this.byFile.delete(uri.fsPath);
        this.changed.fire();
      }),
    );
    this.ready = Promise.resolve(vscode.workspace.findFiles(OPS_GLOB, '**/node_modules/**', 50))
      .then((uris) => Promise.all(uris.map((u) => this.read(u))))
      .then(() => this.changed.fire(), () => undefined);
  }

  get mappings(): OpsMapping[] {
    return [...this.byFile.values()].flat();
  }

  private async read(uri: vscode.Uri): Promise<void> {
    try {
      const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      const dir = specPathOf(uri).replace(/\/[^/]*$/, '');
      this.byFile.set(uri.fsPath, parseProtonOps(text, dir));
    } catch {
      this.byFile.delete(uri.fsPath);
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
