// Which spec files open in the editor name which instances (`instances[].name`), so the tree can offer "Compare Spec
// with Deployed" on those instances. Documents are re-read on open, close and (debounced) edit; only those shown in a
// tab count, because VS Code keeps a document loaded for a while after its last editor closed.
import * as vscode from 'vscode';
import { parse } from '../core/yamlLibrary';
import { isServiceSpec, specInstanceNames } from '../core/serviceSpec';

export class OpenSpecFiles implements vscode.Disposable {
  private readonly byDoc = new Map<string, { uri: vscode.Uri; names: string[] }>();
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The documents with a tab (text or the modified side of a diff), as URI strings; kept on tab changes. */
  private tabbed = tabbedUris();

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
      vscode.window.tabGroups.onDidChangeTabs(() => {
        const before = this.urisFor();
        this.tabbed = tabbedUris();
        if (before.join('\n') !== this.urisFor().join('\n')) this.changed.fire();
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

  /** The spec files open in a tab that name the instance (any instance when none is given). */
  urisFor(instanceName?: string): vscode.Uri[] {
    return [...this.byDoc.entries()]
      .filter(([key, d]) => this.tabbed.has(key) && (instanceName === undefined || d.names.includes(instanceName)))
      .map(([, d]) => d.uri);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}

function tabbedUris(): Set<string> {
  const out = new Set<string>();
  for (const group of vscode.window.tabGroups.all) {
    for (const tab of group.tabs) {
      if (tab.input instanceof vscode.TabInputText) out.add(tab.input.uri.toString());
      else if (tab.input instanceof vscode.TabInputTextDiff) out.add(tab.input.modified.toString());
    }
  }
  return out;
}
