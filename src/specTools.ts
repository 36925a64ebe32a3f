// The spec tooling, bundled as dist/specTools.js and required by src/specToolsLoader.ts when a window first needs
// it: the diagnostics, quick fixes, completion, hover and CodeLens of spec files, and the update command's flow.
// Wiring only, like extension.ts.
import * as vscode from 'vscode';
import { disposeUpdateCommand, runUpdateCommand, type UpdateRun } from './commands/update/updateCommand';
import { registerDiagnostics, type SpecServices } from './diagnostics/registerDiagnostics';
import type { SpecFileIndex } from './diagnostics/specFileIndex';
import type { ProtonCache } from './proton/cache';
import { useWindowLog } from './ui/log';

export interface SpecToolsDeps {
  cache: ProtonCache;
  state: vscode.Memento;
  specFiles: SpecFileIndex;
  /** The window's "Proton" log channel (this bundle has its own copy of src/ui/log). */
  log: () => vscode.LogOutputChannel;
}

export interface SpecTools extends vscode.Disposable {
  services: SpecServices;
  /** Runs "Proton: Update Service Instance…" with the command's arguments. */
  update(arg?: unknown, arg2?: unknown): Promise<UpdateRun>;
}

export function registerSpecTools(deps: SpecToolsDeps): SpecTools {
  useWindowLog(deps.log);
  const subscriptions: vscode.Disposable[] = [{ dispose: disposeUpdateCommand }];
  const services = registerDiagnostics(subscriptions, deps.cache, deps.specFiles);
  const specFiles = async () => {
    await deps.specFiles.ready();
    return deps.specFiles.all().map((p) => vscode.Uri.file(p));
  };
  const updateDeps = { cache: deps.cache, state: deps.state, specFiles };
  return {
    services,
    update: (arg, arg2) => runUpdateCommand(updateDeps, arg, arg2),
    dispose: () => subscriptions.forEach((d) => d.dispose()),
  };
}
