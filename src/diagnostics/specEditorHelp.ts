// Completion, hover and CodeLens in spec files, from core's specAssist and specLenses over the current check
// result (the schema of the version the update lands on, the cached Proton data).
import * as vscode from 'vscode';
import { UPDATE_COMMAND } from '../commands/update/updateCommandId';
import { specCompletions, specHover, type AssistItem } from '../core/specAssist';
import { specLenses } from '../core/specLenses';
import type { ProtonCacheApi } from '../proton/api';
import type { SpecChecks } from './specChecks';
import type { SpecFileIndex } from './specFileIndex';

/** The command the "Update…" lens runs, with (uri, {serviceName, name}); the update command registers it. */

const KIND: Record<AssistItem['kind'], vscode.CompletionItemKind> = {
  input: vscode.CompletionItemKind.Property,
  key: vscode.CompletionItemKind.Keyword,
  value: vscode.CompletionItemKind.EnumMember,
  directiveKey: vscode.CompletionItemKind.Keyword,
  directiveValue: vscode.CompletionItemKind.Value,
};

export class SpecEditorHelp implements vscode.CompletionItemProvider, vscode.HoverProvider, vscode.CodeLensProvider {
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly checks: SpecChecks,
    private readonly index: SpecFileIndex,
    private readonly cache: ProtonCacheApi | undefined,
  ) {
    this.subscription = checks.onDidChangeFacts(() => this.lensesChanged.fire());
  }

  provideCompletionItems(doc: vscode.TextDocument, pos: vscode.Position, _token: vscode.CancellationToken, ctx: vscode.CompletionContext): vscode.CompletionItem[] {
    // A space triggers only right after `key: ` or in a directive; elsewhere it costs nothing.
    const prefix = doc.lineAt(pos.line).text.slice(0, pos.character);
    if (ctx.triggerCharacter === ' ' && !/:\s$/.test(prefix) && !/^\s*#\s*proton-update\s*:/.test(prefix)) return [];
    if (!this.index.isSpec(doc)) return [];
    const { result } = this.checks.check(doc);
    const items = specCompletions(doc.getText(), doc.offsetAt(pos), result, this.cache?.connection ? this.cache.snapshot : undefined);
    return items.map((i, n) => {
      const item = new vscode.CompletionItem(i.label, KIND[i.kind]);
      item.insertText = i.insertText;
      item.range = new vscode.Range(doc.positionAt(i.span.start), doc.positionAt(i.span.end));
      item.detail = i.detail;
      if (i.documentation) item.documentation = new vscode.MarkdownString(i.documentation);
      item.preselect = i.preselect;
      item.sortText = `${i.preselect ? 0 : 1}${String(n).padStart(4, '0')}`;
      // After a key, offer its values straight away.
      if (i.kind === 'directiveKey' || i.kind === 'input') item.command = { command: 'editor.action.triggerSuggest', title: 'Suggest' };
      return item;
    });
  }

  provideHover(doc: vscode.TextDocument, pos: vscode.Position): vscode.Hover | undefined {
    if (!this.index.isSpec(doc)) return undefined;
    const { sd, result } = this.checks.check(doc);
    const h = specHover(sd.doc?.contents, doc.offsetAt(pos), result);
    if (!h) return undefined;
    return new vscode.Hover(new vscode.MarkdownString(h.markdown), new vscode.Range(doc.positionAt(h.span.start), doc.positionAt(h.span.end)));
  }

  provideCodeLenses(doc: vscode.TextDocument): vscode.CodeLens[] {
    if (!this.index.isSpec(doc)) return [];
    const { sd, result } = this.checks.check(doc);
    return specLenses(sd, result).map((l) => {
      const range = new vscode.Range(doc.positionAt(l.span.start), doc.positionAt(l.span.start));
      return new vscode.CodeLens(range, {
        title: l.title,
        tooltip: l.tooltip,
        command: l.update ? UPDATE_COMMAND : '',
        arguments: l.update ? [doc.uri, l.update] : undefined,
      });
    });
  }

  dispose(): void {
    this.subscription.dispose();
    this.lensesChanged.dispose();
  }
}
