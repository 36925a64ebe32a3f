// Quick fixes for the "Proton" diagnostics, keyed by problem code: the edits come from core's fixesFor, computed on
// the check result of the document version the diagnostics were made from.
import * as vscode from 'vscode';
import { fixesFor } from '../core/specFixes';
import type { SpecChecks } from './specChecks';

export class SpecQuickFixes implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly checks: SpecChecks) {}

  provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const only = context.only;
    if (only && !only.contains(vscode.CodeActionKind.QuickFix) && !vscode.CodeActionKind.QuickFix.contains(only)) return [];
    const ours = context.diagnostics.filter((d) => d.source === 'Proton');
    if (!ours.length) return [];
    const checked = this.checks.check(doc);
    const actions: vscode.CodeAction[] = [];
    for (const diag of ours) {
      const code = typeof diag.code === 'object' ? String(diag.code.value) : String(diag.code);
      const problem = checked.result.problems.find(
        (p) => p.code === code && p.range.start.line === diag.range.start.line && p.range.start.character === diag.range.start.character &&
          p.range.end.line === diag.range.end.line && p.range.end.character === diag.range.end.character,
      );
      if (!problem) continue;
      for (const fix of fixesFor(checked.sd, problem)) {
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.diagnostics = [diag];
        action.isPreferred = fix.preferred === true;
        const edit = new vscode.WorkspaceEdit();
        for (const e of fix.edits) edit.replace(doc.uri, new vscode.Range(doc.positionAt(e.span.start), doc.positionAt(e.span.end)), e.newText);
        action.edit = edit;
        actions.push(action);
      }
    }
    return actions;
  }
}
