// The commands a window needs only once someone runs them, bundled as dist/lazyCommands.js and required by
// src/lazyCommandsLoader.ts on the first run: the instance menu, the connection pickers and menu, and the local
// emulator. Wiring only, like extension.ts.
import type * as vscode from 'vscode';
import { instanceCommandHandlers } from './commands/instanceCommands';
import type { LAZY_COMMAND_IDS } from './commands/lazyCommandIds';
import type { SpecDocuments } from './commands/specDocuments';
import { connectionCommandHandlers } from './connection/connectionPickers';
import type { ConnectionManager } from './connection/connectionManager';
import { emulatorCommandHandlers, LocalEmulator } from './connection/localEmulator';
import type { ProtonCache } from './proton/cache';
import { useWindowLog } from './ui/log';
import type { OpenSpecFiles } from './views/openSpecFiles';

export interface LazyCommandsDeps {
  cache: ProtonCache;
  connection: ConnectionManager;
  /** The window's proton-spec documents (their provider is registered at activation). */
  docs: SpecDocuments;
  openSpecs: OpenSpecFiles;
  extensionUri: vscode.Uri;
  /** The window's "Proton" log channel (this bundle has its own copy of src/ui/log). */
  log: () => vscode.LogOutputChannel;
}

export interface LazyCommands extends vscode.Disposable {
  emulator: LocalEmulator;
  run(id: (typeof LAZY_COMMAND_IDS)[number], args: unknown[]): unknown;
}

export function createLazyCommands(deps: LazyCommandsDeps): LazyCommands {
  useWindowLog(deps.log);
  const emulator = new LocalEmulator(deps.extensionUri, deps.connection);
  const handlers = {
    ...instanceCommandHandlers(deps.cache, deps.openSpecs, deps.docs),
    ...connectionCommandHandlers(deps.connection),
    ...emulatorCommandHandlers(emulator),
  };
  return {
    emulator,
    run: (id, args) => (handlers[id] as (...a: unknown[]) => unknown)(...args),
    // Deactivation ends the emulator's child process.
    dispose: () => emulator.dispose(),
  };
}
