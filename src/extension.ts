// Wiring only: build the object graph and register it. Logic lives in core/, proton/ and the adapters. Two more
// bundles load on first need: the spec tooling (diagnostics, editor help, the update flow; specToolsLoader) and the
// commands nobody has run yet (instance menu, connection pickers, local emulator; lazyCommandsLoader).
import type * as vscode from 'vscode';
import { SpecDocuments } from './commands/specDocuments';
import { ConnectionManager } from './connection/connectionManager';
import type { LocalEmulator } from './connection/localEmulator';
import { createGatewayLazily } from './connection/protonClientLoader';
import { registerConnectionStatus } from './connection/statusBar';
import type { SpecServices } from './diagnostics/registerDiagnostics';
import { SpecFileIndex } from './diagnostics/specFileIndex';
import { LazyCommandsLoader } from './lazyCommandsLoader';
import { ProtonCache } from './proton/cache';
import { SpecToolsLoader } from './specToolsLoader';
import { disposeLog, logTo, protonLog } from './ui/log';
import { registerInstancesView, type InstancesView } from './views/instancesView';

/** What activate() returns: the integration tests reach the live objects through it. */
export interface ProtonExtensionApi {
  cache: ProtonCache;
  connection: ConnectionManager;
  /** Reading it loads the lazily loaded commands if they are not loaded yet. */
  readonly emulator: LocalEmulator;
  view: InstancesView;
  /** Reading it loads the spec tools if they are not loaded yet. */
  readonly specs: SpecServices;
}

export function activate(context: vscode.ExtensionContext): ProtonExtensionApi {
  const cache = new ProtonCache(createGatewayLazily, logTo);
  const connection = new ConnectionManager(cache, process.env, undefined, context.globalState);
  // Connect the cache before anything listens: the view, the status bar and the commands below are built from the
  // resolved state, so the start's change events reach no one and nothing is drawn twice.
  connection.start();
  const view = registerInstancesView(context, cache, connection);
  const docs = new SpecDocuments(cache);
  const specFiles = new SpecFileIndex();
  const specTools = new SpecToolsLoader({ cache, state: context.workspaceState, specFiles, log: protonLog });
  const commands = new LazyCommandsLoader({ cache, connection, docs, openSpecs: view.specFiles, extensionUri: context.extensionUri, log: protonLog });
  context.subscriptions.push(connection, registerConnectionStatus(connection), view, docs, commands, specFiles, specTools, { dispose: disposeLog });
  return {
    cache,
    connection,
    view,
    get emulator() {
      return commands.get().emulator;
    },
    get specs() {
      return specTools.get().services;
    },
  };
}

export function deactivate(): void {
  // Everything, the local emulator's child process included, is disposed through context.subscriptions.
}
