// Registers the commands of dist/lazyCommands.js (the instance menu, the connection pickers, the local emulator) at
// activation, and requires that bundle when one of them first runs: a window that only shows the tree never
// compiles their code, which keeps activation short (bench/activation.ts). `require` is synchronous.
import { join } from 'node:path';
import * as vscode from 'vscode';
import { LAZY_COMMAND_IDS } from './commands/lazyCommandIds';
import type * as LazyCommandsBundle from './lazyCommands';
import type { LazyCommands, LazyCommandsDeps } from './lazyCommands';

/** Where the bundle sits: next to dist/extension.js. */
export const LAZY_COMMANDS_BUNDLE = join(__dirname, 'lazyCommands.js');

export class LazyCommandsLoader implements vscode.Disposable {
  private commands: LazyCommands | undefined;
  private readonly registrations: vscode.Disposable[];

  constructor(private readonly deps: LazyCommandsDeps) {
    this.registrations = LAZY_COMMAND_IDS.map((id) => vscode.commands.registerCommand(id, (...args: unknown[]) => this.get().run(id, args)));
  }

  /** The commands, loaded on the first call. */
  get(): LazyCommands {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately deferred, see above
    this.commands ??= (require(LAZY_COMMANDS_BUNDLE) as typeof LazyCommandsBundle).createLazyCommands(this.deps);
    return this.commands;
  }

  dispose(): void {
    for (const d of this.registrations) d.dispose();
    this.commands?.dispose();
  }
}
