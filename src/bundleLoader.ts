// A bundle of dist/ that the activation bundle requires on first need (dist/specTools.js, dist/lazyCommands.js): a
// window that never needs it never compiles it, which keeps activation short (bench/activation.ts). `require` is
// synchronous, so get() hands over the bundle's object at once. What the loader registered at activation (command
// ids, listeners) and what the bundle created are disposed together.
import { join } from 'node:path';
import type * as vscode from 'vscode';

/** Where a bundle sits: next to dist/extension.js. */
export const bundlePath = (name: string): string => join(__dirname, `${name}.js`);

export class BundleLoader<T extends vscode.Disposable> implements vscode.Disposable {
  private loaded: T | undefined;
  /** The loader's own registrations, made at activation. */
  protected readonly disposables: vscode.Disposable[] = [];

  /** `load` requires the bundle and builds its object; it runs on the first get(). */
  constructor(private readonly load: () => T) {}

  get(): T {
    return (this.loaded ??= this.load());
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
    this.loaded?.dispose();
  }
}
