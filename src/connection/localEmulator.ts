// "Proton: Start Local Emulator": runs the bundled dist/emulator.js with the demo seed shipped in the .vsix on a
// free loopback port, as a child of the extension host (its own Node: process.execPath with ELECTRON_RUN_AS_NODE,
// so desktop VS Code works too), and connects this window to it without touching the settings. Stop, and
// deactivation, end it. Part of dist/lazyCommands.js: loaded when one of its commands first runs.
import * as vscode from 'vscode';
import type { EMULATOR_COMMAND_IDS, Handlers } from '../commands/lazyCommandIds';
import { startEmulatorProcess, type EmulatorProcess } from '../proton/emulatorProcess';
import { showError } from '../ui/errors';
import { protonLog } from '../ui/log';
import type { ConnectionManager } from './connectionManager';

export class LocalEmulator implements vscode.Disposable {
  private proc: EmulatorProcess | undefined;
  private starting: Promise<EmulatorProcess> | undefined;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly manager: ConnectionManager,
  ) {}

  get url(): string | undefined {
    return this.proc?.url;
  }

  get pid(): number | undefined {
    return this.proc?.child.pid;
  }

  /** Settles when the last started emulator has exited (immediately when none runs). */
  get stopped(): Promise<void> {
    return this.lastExit;
  }

  private lastExit: Promise<void> = Promise.resolve();

  async start(): Promise<EmulatorProcess> {
    if (this.proc) {
      this.manager.setLocalEmulator(this.proc.url);
      return this.proc;
    }
    this.starting ??= this.spawn().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async spawn(): Promise<EmulatorProcess> {
    const file = (p: string) => vscode.Uri.joinPath(this.extensionUri, p).fsPath;
    const log = protonLog();
    const proc = await startEmulatorProcess({
      script: file('dist/emulator.js'),
      args: ['--host', '127.0.0.1', '--port', '0', '--seed', file('demo/seed.yaml')],
      execPath: process.execPath,
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      onLine: (line, stream) => (stream === 'stderr' ? log.warn(`emulator: ${line}`) : log.debug(`emulator: ${line}`)),
    });
    this.proc = proc;
    this.lastExit = proc.exited.then(() => undefined);
    log.info(`Local Proton emulator started (pid ${proc.child.pid}) on ${proc.url}`);
    void proc.exited.then(({ code, signal }) => {
      if (this.proc !== proc) return;
      this.proc = undefined;
      log.warn(`The local Proton emulator exited (code ${code}, signal ${signal})`);
      this.manager.setLocalEmulator(undefined);
    });
    this.manager.setLocalEmulator(proc.url);
    return proc;
  }

  async stop(): Promise<boolean> {
    const proc = this.proc;
    if (!proc) return false;
    this.proc = undefined;
    await proc.stop();
    protonLog().info('Local Proton emulator stopped');
    this.manager.setLocalEmulator(undefined);
    return true;
  }

  dispose(): void {
    // Deactivation: end the child; its exit needs no waiting.
    void this.proc?.stop();
    this.proc = undefined;
  }
}

export function emulatorCommandHandlers(emulator: LocalEmulator): Handlers<typeof EMULATOR_COMMAND_IDS> {
  return {
    'proton.startEmulator': async () => {
      try {
        await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: 'Starting the local Proton emulator…' },
          () => emulator.start(),
        );
        await vscode.commands.executeCommand('proton.instances.focus');
      } catch (err) {
        void showError(err, 'Starting the local Proton emulator failed');
      }
    },
    'proton.stopEmulator': async () => {
      if (!(await emulator.stop())) void vscode.window.showInformationMessage('The local Proton emulator is not running in this window.');
    },
  };
}
