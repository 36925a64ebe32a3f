// Wiring only: build the object graph and register it. Logic lives in core/, proton/ and the adapters.
import * as vscode from 'vscode';
import { registerInstancesView } from './views/instancesView';
import { ProtonCache } from './proton/cache';
import { createGatewayLazily } from './connection/protonClientLoader';
import { ConnectionManager } from './connection/connectionManager';
import { logTo } from './ui/log';
import { registerUpdateCommand } from './commands/update/updateCommand';

export function activate(context: vscode.ExtensionContext): void {
  const cache = new ProtonCache(createGatewayLazily, logTo);
  const connections = new ConnectionManager(cache);
  connections.update();
  context.subscriptions.push(registerInstancesView());
  context.subscriptions.push(connections);
  context.subscriptions.push(registerUpdateCommand({ cache, state: context.workspaceState }));
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
