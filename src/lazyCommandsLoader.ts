// Registers the commands of dist/lazyCommands.js (the instance menu, the connection pickers, the local emulator) at
// activation, and requires that bundle when one of them first runs: a window that only shows the tree never
// compiles their code.
import * as vscode from 'vscode';
import { BundleLoader, bundlePath } from './bundleLoader';
import { LAZY_COMMAND_IDS } from './commands/lazyCommandIds';
import type * as LazyCommandsBundle from './lazyCommands';
import type { LazyCommands, LazyCommandsDeps } from './lazyCommands';

const LAZY_COMMANDS_BUNDLE = bundlePath('lazyCommands');

export class LazyCommandsLoader extends BundleLoader<LazyCommands> {
  constructor(deps: LazyCommandsDeps) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately deferred, see bundleLoader.ts
    super(() => (require(LAZY_COMMANDS_BUNDLE) as typeof LazyCommandsBundle).createLazyCommands(deps));
    for (const id of LAZY_COMMAND_IDS) this.disposables.push(vscode.commands.registerCommand(id, (...args: unknown[]) => this.get().run(id, args)));
  }
}
