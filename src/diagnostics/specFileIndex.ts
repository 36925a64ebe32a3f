// Which files are spec files: open YAML documents that look like one, plus the workspace's YAML files found by a
// bounded search. Kept in the context key `proton.specFiles` (fsPaths) for menus (`resourcePath in
// proton.specFiles`); the update command and the explorer menu reuse it.
import * as vscode from 'vscode';
import { looksLikeServiceSpec } from '../core/specDocument';

/** At most this many YAML files are read by the workspace search, each at most MAX_BYTES. */
const MAX_FILES = 2000;
const MAX_BYTES = 1_000_000;
// One `**` pattern per extension: VS Code's glob matches that form by extension instead of building a RegExp.
export const YAML_GLOB = '{**/*.yaml,**/*.yml}';
const EXCLUDE = '**/{node_modules,.git,dist,out}/**';
const EDIT_PAUSE_MS = 300;
/**
 * The workspace scan (a file search, then up to MAX_FILES reads) and its watcher start this long after activation:
 * the explorer menu they serve can wait a second, and the search would compete with the window's startup (the
 * tree's first load, other extensions' activation). Whoever needs the full list sooner calls ready().
 */
const SCAN_DELAY_MS = 1000;

export const isYamlDocument = (doc: vscode.TextDocument): boolean =>
  doc.languageId === 'yaml' || /\.ya?ml$/i.test(doc.uri.path);

export class SpecFileIndex implements vscode.Disposable {
  private readonly files = new Set<string>();
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the set of spec files changes. */
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private scheduled: NodeJS.Timeout | undefined;
  /** Edited documents are looked at again once typing pauses, not on every keystroke (getText copies the text). */
  private readonly edited = new Map<string, NodeJS.Timeout>();
  /**
   * The verdict per open document and version: completion, hover and CodeLens ask on every request, and getText
   * copies the whole text (in any YAML file, not only specs).
   */
  private readonly verdicts = new WeakMap<vscode.TextDocument, { version: number; isSpec: boolean }>();
  private scanned: Promise<void> | undefined;
  private readonly scanTimer: NodeJS.Timeout;
  private disposed = false;

  constructor() {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.noteDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.noteEdited(e.document)),
    );
    for (const d of vscode.workspace.textDocuments) this.noteDocument(d);
    this.scanTimer = setTimeout(() => void this.ready(), SCAN_DELAY_MS);
  }

  /** Starts the workspace scan if it has not started; settles once it is done (all() is then complete). */
  ready(): Promise<void> {
    clearTimeout(this.scanTimer);
    if (!this.scanned && !this.disposed) {
      const watcher = vscode.workspace.createFileSystemWatcher(YAML_GLOB);
      this.disposables.push(
        watcher,
        watcher.onDidCreate((uri) => void this.readFile(uri)),
        watcher.onDidChange((uri) => void this.readFile(uri)),
        watcher.onDidDelete((uri) => this.set(uri.fsPath, false)),
      );
      this.scanned = this.scan();
    }
    return this.scanned ?? Promise.resolve();
  }

  /** True when the file (fsPath) is known to be a spec. */
  has(fsPath: string): boolean {
    return this.files.has(fsPath);
  }

  all(): string[] {
    return [...this.files].sort();
  }

  /** A document is a spec when its text looks like one (open documents win over what is on disk). */
  noteDocument(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme !== 'file' || !isYamlDocument(doc)) return false;
    const isSpec = this.looksLikeSpec(doc);
    this.set(doc.uri.fsPath, isSpec);
    return isSpec;
  }

  /** Whether an open document is a spec: files through the index (which notes them), untitled ones by their text. */
  isSpec(doc: vscode.TextDocument): boolean {
    if (doc.uri.scheme === 'file') return this.noteDocument(doc);
    return doc.uri.scheme === 'untitled' && this.looksLikeSpec(doc);
  }

  private looksLikeSpec(doc: vscode.TextDocument): boolean {
    const known = this.verdicts.get(doc);
    if (known?.version === doc.version) return known.isSpec;
    const isSpec = looksLikeServiceSpec(doc.getText());
    this.verdicts.set(doc, { version: doc.version, isSpec });
    return isSpec;
  }

  private noteEdited(doc: vscode.TextDocument): void {
    if (doc.uri.scheme !== 'file' || !isYamlDocument(doc)) return;
    const key = doc.uri.toString();
    clearTimeout(this.edited.get(key));
    this.edited.set(
      key,
      setTimeout(() => {
        this.edited.delete(key);
        if (!doc.isClosed) this.noteDocument(doc);
      }, EDIT_PAUSE_MS),
    );
  }

  private async scan(): Promise<void> {
    const uris = await vscode.workspace.findFiles(YAML_GLOB, EXCLUDE, MAX_FILES);
    await Promise.all(uris.map((u) => this.readFile(u)));
  }

  private async readFile(uri: vscode.Uri): Promise<void> {
    if (vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString())) return;
    try {
      const stat = await vscode.workspace.fs.stat(uri);
      if (stat.size > MAX_BYTES) return this.set(uri.fsPath, false);
      const bytes = await vscode.workspace.fs.readFile(uri);
      this.set(uri.fsPath, looksLikeServiceSpec(new TextDecoder().decode(bytes)));
    } catch {
      this.set(uri.fsPath, false);
    }
  }

  private set(fsPath: string, isSpec: boolean): void {
    if (this.files.has(fsPath) === isSpec) return;
    if (isSpec) this.files.add(fsPath);
    else this.files.delete(fsPath);
    // Many files change at once during a scan: publish once.
    if (!this.scheduled) {
      this.scheduled = setTimeout(() => {
        this.scheduled = undefined;
        void vscode.commands.executeCommand('setContext', 'proton.specFiles', this.all());
        this.changed.fire();
      }, 50);
    }
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.scanTimer);
    if (this.scheduled) clearTimeout(this.scheduled);
    for (const t of this.edited.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }
}
