// Wiring only: build the object graph and register it. Logic lives in core/, proton/ and the adapters.
import * as vscode from 'vscode';
import { registerInstanceCommands } from './commands/instanceCommands';
import { registerUpdateCommand } from './commands/update/updateCommand';
import { ConnectionManager } from './connection/connectionManager';
import { registerConnectionUi } from './connection/connectionPickers';
import { LocalEmulator, registerLocalEmulatorCommands } from './connection/localEmulator';
import { createGatewayLazily } from './connection/protonClientLoader';
import { registerDiagnostics, type SpecServices } from './diagnostics/registerDiagnostics';
import { ProtonCache } from './proton/cache';
import { disposeLog, logTo } from './ui/log';
import { registerInstancesView, type InstancesView } from './views/instancesView';

/** What activate() returns: the integration tests reach the live objects through it. */
export interface ProtonExtensionApi {
  cache: ProtonCache;
  connection: ConnectionManager;
  emulator: LocalEmulator;
  view: InstancesView;
  specs: SpecServices;
}

export function activate(context: vscode.ExtensionContext): ProtonExtensionApi {
  const cache = new ProtonCache(createGatewayLazily, logTo);
  const connection = new ConnectionManager(cache, process.env, undefined, context.globalState);
  const emulator = new LocalEmulator(context.extensionUri, connection);
  const view = registerInstancesView(context, cache, connection);
  const specs = registerDiagnostics(context, cache);
  context.subscriptions.push(
    connection,
    registerConnectionUi(connection),
    registerLocalEmulatorCommands(emulator),
    view,
    registerInstanceCommands(cache, view.specFiles),
    registerUpdateCommand({ cache, state: context.workspaceState, specFiles: () => specs.specFiles.all().map((p) => vscode.Uri.file(p)) }),
    { dispose: disposeLog },
  );
  connection.start();
  return { cache, connection, emulator, view, specs };
}

export function deactivate(): void {
  // Everything, the local emulator's child process included, is disposed through context.subscriptions.
}
