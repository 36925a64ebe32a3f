// Loads dist/specTools.js (the checker, the YAML editor help and the update flow) when a window first needs it: a
// YAML document is open or opens, or the update command runs. A window that only shows the tree never loads it.
import * as vscode from 'vscode';
import { BundleLoader, bundlePath } from './bundleLoader';
import { UPDATE_COMMAND } from './commands/update/updateCommandId';
import { isYamlDocument } from './diagnostics/specFileIndex';
import type * as SpecToolsBundle from './specTools';
import type { SpecTools, SpecToolsDeps } from './specTools';

const SPEC_TOOLS_BUNDLE = bundlePath('specTools');

export class SpecToolsLoader extends BundleLoader<SpecTools> {
  constructor(deps: SpecToolsDeps) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately deferred, see bundleLoader.ts
    super(() => (require(SPEC_TOOLS_BUNDLE) as typeof SpecToolsBundle).registerSpecTools(deps));
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
}
