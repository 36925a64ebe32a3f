// Wiring only: build the object graph and register it. Logic lives in core/, proton/ and the adapters.
import * as vscode from 'vscode';
import { registerInstancesView } from './views/instancesView';

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(registerInstancesView());
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
