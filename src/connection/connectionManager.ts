// Owns the window's connection: resolves it from the (trust-filtered) settings, the environment, the shared AWS
// files and a local emulator started for this window; hands it to the cache; refreshes on setting changes, trust
// grants and edits of the credentials files; keeps the context keys the menus and the welcome view use.
import { basename, dirname } from 'node:path';
import * as vscode from 'vscode';
import type { ConnectionInfo } from '../proton/api';
import type { ProtonCache } from '../proton/cache';
import { connectionKey, hasCredentialSources, listProfiles, resolveConnection, sharedFilePaths } from '../proton/connection';
import { setContextKey } from '../ui/contextKeys';
import { protonLog } from '../ui/log';
import { readSettings, type EffectiveSettings } from './settings';

const DEFAULT_CHAIN_KEY = 'proton.defaultChainChosen';

export interface ConnectionState {
  connection: ConnectionInfo | undefined;
  settings: EffectiveSettings;
  /** No endpoint and no credentials anywhere: the welcome view offers the emulator and the profile picker. */
  noCredentials: boolean;
  /** The URL of the emulator this window started, when running. */
  localEmulator?: string;
}

export class ConnectionManager implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<ConnectionState>();
  readonly onDidChange = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];
  private localEmulator: string | undefined;
  private key: string | undefined;
  state: ConnectionState;

  constructor(
    readonly cache: ProtonCache,
    private readonly env: Record<string, string | undefined> = process.env,
    /** Workspace trust; injectable so tests can play Restricted Mode. */
    private readonly trusted: () => boolean = () => vscode.workspace.isTrusted,
    /** Remembers that the user chose the default chain explicitly (e.g. on EC2 with only an instance role). */
    private readonly memory?: vscode.Memento,
  ) {
    this.state = this.compute();
    this.disposables.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (['proton.endpoint', 'proton.profile', 'proton.region', 'proton.pollIntervalSeconds'].some((k) => e.affectsConfiguration(k))) {
          this.update();
        }
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.update()),
      ...this.watchSharedFiles(),
    );
  }

  /** Applies the current settings; `force` makes a new client (fresh credentials) even for the same connection. */
  update(force = false): void {
    this.apply(this.compute(), force);
  }

  /** Applies the state the constructor computed (activation reads the settings and the AWS files once). */
  start(): void {
    this.apply(this.state, false);
  }

  private apply(next: ConnectionState, force: boolean): void {
    const key = next.connection ? connectionKey(next.connection) : undefined;
    const connectionChanged = force || key !== this.key;
    this.state = next;
    if (connectionChanged) {
      this.key = key;
      protonLog().info(next.connection ? `Connection: ${next.connection.label}${next.connection.endpoint ? ` (${next.connection.endpoint})` : ''}` : 'No connection: no endpoint and no AWS credentials found');
      this.cache.setConnection(next.connection);
    }
    if (next.settings.ignoredWorkspaceKeys.length > 0) {
      protonLog().warn(`Restricted Mode: ignoring the workspace's ${next.settings.ignoredWorkspaceKeys.join(', ')}`);
    }
    void this.setContextKeys();
    this.changed.fire(next);
  }

  /** Connects this window to a local emulator (not written to settings); undefined returns to the settings. */
  setLocalEmulator(url: string | undefined): void {
    this.localEmulator = url;
    this.update();
  }

  /**
   * The user picked "Default credential chain": connect with it even when no credentials can be seen without a
   * request (instance or container roles).
   */
  async chooseDefaultChain(): Promise<void> {
    await this.memory?.update(DEFAULT_CHAIN_KEY, true);
    this.update();
  }

  private compute(): ConnectionState {
    const settings = readSettings(this.trusted());
    const profiles = listProfiles(this.env);
    const endpoint = this.localEmulator ?? settings.endpoint;
    const chosen = this.memory?.get<boolean>(DEFAULT_CHAIN_KEY) === true;
    const noCredentials = !endpoint && !settings.profile && !chosen && !hasCredentialSources(this.env, profiles);
    const connection = noCredentials ? undefined : resolveConnection({ ...settings, endpoint }, this.env, profiles);
    return { connection, settings, noCredentials, localEmulator: this.localEmulator };
  }

  private async setContextKeys(): Promise<void> {
    const { connection, noCredentials, settings, localEmulator } = this.state;
    const set = setContextKey;
    await Promise.all([
      set('proton.connected', !!connection),
      set('proton.noCredentials', noCredentials),
      set('proton.restricted', settings.ignoredWorkspaceKeys.length > 0),
      set('proton.awsEndpoint', !!connection && !connection.endpoint),
      set('proton.emulatorRunning', !!localEmulator),
    ]);
  }

  /** Edits of the shared config or credentials file (rotated keys, a new profile) reconnect with fresh credentials. */
  private watchSharedFiles(): vscode.Disposable[] {
    const paths = sharedFilePaths(this.env);
    // One watcher per folder (both files usually sit in ~/.aws): each costs a round trip at activation. It watches
    // the folder's files ('*', not recursive: sso/ and cli/ caches stay out) and keeps the two names itself: a
    // brace glob took up to a millisecond of the extension host to parse at activation (CPU profile).
    const byFolder = new Map<string, Set<string>>();
    for (const file of [paths.config, paths.credentials]) byFolder.set(dirname(file), (byFolder.get(dirname(file)) ?? new Set()).add(basename(file)));
    return [...byFolder].map(([folder, names]) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(folder), '*'));
      const onEdit = (uri: vscode.Uri) => {
        if (names.has(basename(uri.fsPath))) this.update(true);
      };
      watcher.onDidChange(onEdit);
      watcher.onDidCreate(onEdit);
      watcher.onDidDelete(onEdit);
      return watcher;
    });
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
