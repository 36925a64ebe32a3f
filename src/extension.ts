// Wiring only: build the object graph and register it. Logic lives in core/, proton/ and the adapters. The spec
// tooling (diagnostics, editor help, the update flow) is a second bundle that specToolsLoader loads on first need.
import * as vscode from 'vscode';
import { registerInstanceCommands } from './commands/instanceCommands';
import { ConnectionManager } from './connection/connectionManager';
import { registerConnectionUi } from './connection/connectionPickers';
import { LocalEmulator, registerLocalEmulatorCommands } from './connection/localEmulator';
import { createGatewayLazily } from './connection/protonClientLoader';
import type { SpecServices } from './diagnostics/registerDiagnostics';
import { SpecFileIndex } from './diagnostics/specFileIndex';
import { ProtonCache } from './proton/cache';
import { SpecToolsLoader } from './specToolsLoader';
import { disposeLog, logTo, protonLog } from './ui/log';
import { registerInstancesView, type InstancesView } from './views/instancesView';

/** What activate() returns: the integration tests reach the live objects through it. */
export interface ProtonExtensionApi {
  cache: ProtonCache;
  connection: ConnectionManager;
  emulator: LocalEmulator;
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
  const emulator = new LocalEmulator(context.extensionUri, connection);
  const view = registerInstancesView(context, cache, connection);
  const specFiles = new SpecFileIndex();
  const specTools = new SpecToolsLoader({ cache, state: context.workspaceState, specFiles, log: protonLog });
  context.subscriptions.push(
    connection,
    registerConnectionUi(connection),
    registerLocalEmulatorCommands(emulator),
    view,
    registerInstanceCommands(cache, view.specFiles),
    specFiles,
    specTools,
    { dispose: disposeLog },
  );
  return {
    cache,
    connection,
    emulator,
    view,
    get specs() {
      return specTools.get().services;
    },
  };
}

export function deactivate(): void {
  // Everything, the local emulator's child process included, is disposed through context.subscriptions.
}
