// The "Proton" diagnostics of spec files: open and changed documents are checked (debounced while typing), results
// of older document versions are dropped, diagnostics go when the document closes, and everything is checked again
// when the cached Proton data or the connection changes. `proton.diagnostics.run`: onType | onSave | off.
import * as vscode from 'vscode';
import type { CheckedProblem } from '../core/checker';
import { problemHelpUri } from '../core/problemHelp';
import { isYamlDocument, type SpecFileIndex } from './specFileIndex';
import type { SpecChecks } from './specChecks';

export const DEBOUNCE_MS = 300;
/** While typing, wait at least this many times the document's last check: a slow (huge) spec is checked less often. */
const SLOW_CHECK_FACTOR = 3;
type RunMode = 'onType' | 'onSave' | 'off';

const SEVERITY: Record<CheckedProblem['severity'], vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

export const toRange = (p: Pick<CheckedProblem, 'range'>): vscode.Range =>
  new vscode.Range(p.range.start.line, p.range.start.character, p.range.end.line, p.range.end.character);

export function toDiagnostic(p: CheckedProblem): vscode.Diagnostic {
  const d = new vscode.Diagnostic(toRange(p), p.message, SEVERITY[p.severity]);
  d.source = 'Proton';
  d.code = { value: p.code, target: vscode.Uri.parse(problemHelpUri(p.code)) };
  return d;
}

const runMode = (): RunMode => vscode.workspace.getConfiguration('proton').get<RunMode>('diagnostics.run', 'onType');

export class SpecDiagnostics implements vscode.Disposable {
  /** Created with the first problems to show: a window without spec files never pays for it at activation. */
  private created: vscode.DiagnosticCollection | undefined;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** How long the last check of each document took, in ms. */
  private readonly lastCheckMs = new Map<string, number>();
  private readonly published = new vscode.EventEmitter<{ uri: vscode.Uri; version: number }>();
  /** Fires after the diagnostics of a document version are set (tests wait on it instead of sleeping). */
  readonly onDidPublish = this.published.event;
  private readonly disposables: vscode.Disposable[] = [this.published, { dispose: () => this.created?.dispose() }];
  private recheckTimer: NodeJS.Timeout | undefined;

  get collection(): vscode.DiagnosticCollection {
    return (this.created ??= vscode.languages.createDiagnosticCollection('Proton'));
  }

  constructor(
    private readonly checks: SpecChecks,
    private readonly index: SpecFileIndex,
  ) {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length && runMode() === 'onType') this.schedule(e.document, this.typingDelay(e.document));
      }),
      vscode.workspace.onDidSaveTextDocument((d) => runMode() === 'onSave' && this.schedule(d, 0)),
      vscode.workspace.onDidCloseTextDocument((d) => this.close(d)),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('proton.diagnostics.run') && this.recheckAll()),
      checks.onDidChangeFacts(() => this.recheckSoon()),
      // A document shown again may lack Proton data that was not fetched while it was hidden.
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.schedule(e.document, 0))),
    );
    this.recheckAll();
  }

  /** Checks a document after `delay` ms; a newer change resets the timer, so only the last version is checked. */
  schedule(doc: vscode.TextDocument, delay: number): void {
    if (!isYamlDocument(doc) || runMode() === 'off') return;
    const key = doc.uri.toString();
    clearTimeout(this.timers.get(key));
    const version = doc.version;
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // A version that changed meanwhile has its own timer; a closed document has none.
      if (doc.isClosed || doc.version !== version) return;
      this.publish(doc);
    }, delay));
  }

  /** The debounce while typing: longer for documents whose check takes long, so typing is not held up by them. */
  private typingDelay(doc: vscode.TextDocument): number {
    return Math.max(DEBOUNCE_MS, SLOW_CHECK_FACTOR * (this.lastCheckMs.get(doc.uri.toString()) ?? 0));
  }

  private publish(doc: vscode.TextDocument): void {
    if (!this.index.isSpec(doc)) {
      this.created?.delete(doc.uri);
      return;
    }
    const started = performance.now();
    const { result, version } = this.checks.check(doc);
    this.lastCheckMs.set(doc.uri.toString(), performance.now() - started);
    if (doc.version !== version) return;
    this.collection.set(doc.uri, result.problems.map(toDiagnostic));
    this.published.fire({ uri: doc.uri, version });
  }

  private close(doc: vscode.TextDocument): void {
    clearTimeout(this.timers.get(doc.uri.toString()));
    this.timers.delete(doc.uri.toString());
    this.lastCheckMs.delete(doc.uri.toString());
    this.created?.delete(doc.uri);
    this.checks.forget(doc);
  }

  /** Cache updates come in bursts (pages of a load, several details): check once after them. */
  private recheckSoon(): void {
    if (this.recheckTimer) return;
    this.recheckTimer = setTimeout(() => {
      this.recheckTimer = undefined;
      this.recheckAll();
    }, 50);
  }

  private recheckAll(): void {
    if (runMode() === 'off') {
      this.created?.clear();
      return;
    }
    for (const doc of vscode.workspace.textDocuments) {
      if (!doc.isClosed && isYamlDocument(doc)) this.publish(doc);
    }
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    if (this.recheckTimer) clearTimeout(this.recheckTimer);
    for (const d of this.disposables) d.dispose();
  }
}
