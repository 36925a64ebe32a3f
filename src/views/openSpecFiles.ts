// Which open YAML documents are ServiceSpecs and which instances they name (`instances[].name`), so the tree can
// offer "Compare Spec with Deployed" on those instances. Re-read on open, close and (debounced) edit.
import * as vscode from 'vscode';
import { parse } from '../core/yamlLibrary';
import { isServiceSpec, specInstanceNames } from '../core/serviceSpec';

export class OpenSpecFiles implements vscode.Disposable {
  private readonly byDoc = new Map<string, { uri: vscode.Uri; names: string[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    for (const d of vscode.workspace.textDocuments) this.read(d);
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.read(d) && this.changed.fire()),
      vscode.workspace.onDidCloseTextDocument((d) => this.byDoc.delete(d.uri.toString()) && this.changed.fire()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.languageId !== 'yaml') return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.read(e.document) && this.changed.fire(), 500);
      }),
    );
  }

  /** Reads one document; true when what it names changed. */
  private read(doc: vscode.TextDocument): boolean {
    if (doc.languageId !== 'yaml' || doc.uri.scheme === 'proton-spec') return false;
    const key = doc.uri.toString();
    const before = this.byDoc.get(key)?.names.join('\n');
    let names: string[] = [];
    const text = doc.getText();
    if (/^proton\s*:\s*["']?ServiceSpec/m.test(text)) {
      try {
        const js: unknown = parse(text);
        if (isServiceSpec(js)) names = specInstanceNames(js);
      } catch {
        // A file that does not parse names nothing; the diagnostics report its syntax.
      }
    }
    if (names.length) this.byDoc.set(key, { uri: doc.uri, names });
    else this.byDoc.delete(key);
    return before !== (names.length ? names.join('\n') : undefined);
  }

  has(instanceName: string): boolean {
    return this.urisFor(instanceName).length > 0;
  }

  urisFor(instanceName: string): vscode.Uri[] {
    return [...this.byDoc.values()].filter((d) => d.names.includes(instanceName)).map((d) => d.uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
