// Loads dist/specTools.js (the checker, the YAML editor help and the update flow) when a window first needs it: a
// YAML document is open or opens, or the update command runs. A window that only shows the tree never loads it,
// which keeps activation short (bench/activation.ts). `require` is synchronous, so callers get the tools at once.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { UPDATE_COMMAND } from './commands/update/updateCommandId';
import { isYamlDocument } from './diagnostics/specFileIndex';
import type * as SpecToolsBundle from './specTools';
import type { SpecTools, SpecToolsDeps } from './specTools';

/** Where the bundle sits: next to dist/extension.js. */
export const SPEC_TOOLS_BUNDLE = join(__dirname, 'specTools.js');

export class SpecToolsLoader implements vscode.Disposable {
  private tools: SpecTools | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly deps: SpecToolsDeps) {
    this.disposables.push(vscode.commands.registerCommand(UPDATE_COMMAND, (arg?: unknown, arg2?: unknown) => this.get().update(arg, arg2)));
    if (vscode.workspace.textDocuments.some(isYamlDocument)) this.get();
    else {
      const opened = vscode.workspace.onDidOpenTextDocument((d) => {
        if (!isYamlDocument(d)) return;
        opened.dispose();
        this.get(); // its diagnostics check every open document, this one included
      });
      this.disposables.push(opened);
    }
  }

  /** The spec tools, loaded and registered on the first call. */
  get(): SpecTools {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately deferred, see above
    this.tools ??= (require(SPEC_TOOLS_BUNDLE) as typeof SpecToolsBundle).registerSpecTools(this.deps);
    return this.tools;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.tools?.dispose();
  }
}
