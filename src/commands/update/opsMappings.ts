// The proton-ops.yaml mappings of the workspace (target rule 2), read when an update starts: one findFiles and
// one read per ops file, open documents read as shown. Paths are absolute, like the spec's fsPath they are matched to.
import * as vscode from 'vscode';
import { dirname } from 'node:path';
import { parseProtonOps, type OpsMapping } from '../../core/specTargets';

export async function workspaceOpsMappings(): Promise<OpsMapping[]> {
  const files = await vscode.workspace.findFiles('**/proton-ops.{yaml,yml}', '**/node_modules/**', 20);
  const out: OpsMapping[] = [];
  for (const uri of files) {
    try {
      const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      const text = open ? open.getText() : new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
      out.push(...parseProtonOps(text, dirname(uri.fsPath)));
    } catch {
      // An unreadable ops file maps nothing; the diagnostics report broken ones.
    }
  }
  return out;
}
