// The connection in the real extension host: no SDK at activation, Restricted Mode, the embedded emulator, and a
// profile or endpoint change emptying and reloading the tree.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import * as vscode from 'vscode';
import { ConnectionManager } from '../../../src/connection/connectionManager';
import { effectiveSettings, readSettings } from '../../../src/connection/settings';
import { ProtonCache } from '../../../src/proton/cache';
import { FakeWindow } from '../helpers/fakeWindow';
import { extensionApi, seedFile, setUserSettings, startTestEmulator, treeRows, waitFor, type TestEmulator } from '../helpers/proton';

const sdkModules = () => Object.keys(require.cache).filter((k) => /protonClient\.js$|[\\/]@aws-sdk[\\/]client-proton[\\/]/.test(k));

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Connection', function () {
  this.timeout(60_000);

  it('activation loads no SDK code, and with no credentials the view shows its welcome', async () => {
    const api = await extensionApi();
    assert.equal(api.connection.state.noCredentials, true, 'this machine has no AWS credentials');
    assert.deepEqual(treeRows(api), [], 'an empty tree is what makes VS Code show the welcome view');
    assert.deepEqual(sdkModules(), [], 'the SDK bundle was loaded without a connection');
  });

  it('activation loads neither the spec tools, the other commands nor yaml; the first YAML document loads the spec tools', async () => {
    await extensionApi();
    const bundles = () => Object.keys(require.cache).filter((k) => /[\\/]dist[\\/](specTools|lazyCommands|yaml)\.js$/.test(k)).map((k) => basename(k)).sort();
    assert.deepEqual(vscode.workspace.textDocuments.filter((d) => d.languageId === 'yaml').map((d) => d.uri.toString()), [], 'no YAML document is open yet');
    assert.deepEqual(bundles(), []);
    // The extension's listener was registered at activation, before this one: by the time this fires, it has run.
    const opened = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidOpenTextDocument((d) => d.languageId === 'yaml' && (sub.dispose(), resolve()));
    });
    await vscode.workspace.openTextDocument({ language: 'yaml', content: 'name: not a service spec\n' });
    await opened;
    assert.deepEqual(bundles(), ['specTools.js'], 'a YAML document that is no spec is never parsed');
    // The first run of one of the other commands loads their bundle; this one says no emulator runs.
    await vscode.commands.executeCommand('proton.stopEmulator');
    assert.deepEqual(bundles(), ['lazyCommands.js', 'specTools.js']);
  });

  it('Restricted Mode ignores the workspace endpoint, profile and region; trusted, they apply', async () => {
    const config = () => vscode.workspace.getConfiguration('proton');
    await config().update('endpoint', 'http://203.0.113.7:4566', vscode.ConfigurationTarget.Workspace);
    const restoreUser = await setUserSettings({ region: 'eu-west-1' });
    try {
      const inspect = <T>(key: string) => config().inspect<T>(key);
      const untrusted = effectiveSettings(inspect, false);
      assert.equal(untrusted.endpoint, '');
      assert.equal(untrusted.region, 'eu-west-1');
      assert.deepEqual(untrusted.ignoredWorkspaceKeys, ['proton.endpoint']);
      assert.equal(effectiveSettings(inspect, true).endpoint, 'http://203.0.113.7:4566');

      // What VS Code really does in Restricted Mode: inspect() leaves the restricted workspace values out. That the
      // workspace sets one is then read from its .vscode/settings.json, so the view can say it is ignored.
      const hidden = <T>(key: string) => {
        const i = inspect<T>(key);
        return i && { ...i, workspaceValue: undefined, workspaceFolderValue: undefined };
      };
      const restricted = readSettings(false, hidden);
      assert.deepEqual(restricted.ignoredWorkspaceKeys, ['proton.endpoint'], 'found in the settings file');
      assert.equal(restricted.endpoint, '', 'and never used');

      // The connection built in Restricted Mode never goes to the workspace's endpoint.
      const cache = new ProtonCache(() => Promise.reject(new Error('no requests in this test')));
      const manager = new ConnectionManager(cache, {}, () => false);
      manager.update();
      assert.equal(manager.state.connection, undefined, 'no endpoint and no credentials: not connected');
      assert.deepEqual(manager.state.settings.ignoredWorkspaceKeys, ['proton.endpoint']);
      manager.dispose();
    } finally {
      await config().update('endpoint', undefined, vscode.ConfigurationTarget.Workspace);
      await restoreUser();
    }
  });

  it('"Start Local Emulator" connects this window to a child emulator with the demo account; "Stop" ends it', async () => {
    const api = await extensionApi();
    await vscode.commands.executeCommand('proton.startEmulator');
    const url = api.connection.state.localEmulator;
    assert.match(url ?? '', /^http:\/\/127\.0\.0\.1:\d+$/);
    const pid = api.emulator.pid!;
    assert.ok(alive(pid), 'the emulator child runs');
    assert.equal(api.connection.state.connection?.label, 'Proton emulator · us-east-1 (default)');
    assert.equal(vscode.workspace.getConfiguration('proton').inspect('endpoint')?.globalValue, undefined, 'not written to settings');
    treeRows(api); // the view asks for its rows: the first load starts
    const snap = await waitFor(api, () => api.cache.status.loadedAt && api.cache.snapshot, 'the demo account');
    assert.equal(snap.instances.length, 40);
    const services = treeRows(api).map((r) => r.label);
    assert.ok(services.includes('checkout-api') && services.includes('storefront-web'), services.join(', '));

    await vscode.commands.executeCommand('proton.stopEmulator');
    await api.emulator.stopped;
    assert.equal(alive(pid), false, 'the emulator child has ended');
    assert.equal(api.connection.state.connection, undefined);
    assert.deepEqual(treeRows(api), []);
  });

  it('the status bar menu → "Select Region…" writes proton.region, and the connection takes it', async () => {
    const api = await extensionApi();
    const restore = await setUserSettings({ region: undefined });
    const ui = new FakeWindow((p) => (p.title === 'Proton: Select Region' ? 'eu-west-1' : p.items.includes('Select Region…') ? 'Select Region…' : undefined)).install();
    try {
      const changed = new Promise<void>((resolve) => {
        const sub = api.connection.onDidChange((s) => s.settings.region === 'eu-west-1' && (sub.dispose(), resolve()));
      });
      // What clicking the status bar item runs.
      await vscode.commands.executeCommand('proton.showConnectionMenu');
      await changed;
      const [menu, regions] = ui.picks();
      assert.equal(menu.title, 'Proton: not connected');
      assert.deepEqual(menu.items, ['Select AWS Profile…', 'Select Region…', 'Start Local Emulator', 'Refresh Service Instances', 'Open Proton Settings', 'Show Logs']);
      assert.equal(regions.items[0], "The profile's region", 'no region set: the profile\'s region is current, first');
      assert.ok(regions.items.includes('eu-west-1') && regions.items.includes('us-east-1'), regions.items.join(', '));
      assert.equal(vscode.workspace.getConfiguration('proton').inspect('region')?.globalValue, 'eu-west-1');
      // Asked again, the current region is the first (focused) row: Enter keeps it rather than clearing it.
      await vscode.commands.executeCommand('proton.selectRegion');
      const again = ui.picks()[2];
      assert.equal(again.items[0], 'eu-west-1');
      assert.equal(vscode.workspace.getConfiguration('proton').inspect('region')?.globalValue, 'eu-west-1');
    } finally {
      ui.restore();
      await restore();
    }
  });

  describe('a profile or endpoint change', () => {
    let emulator: TestEmulator;
    let other: TestEmulator;
    let dir: string;
    let restore: () => Promise<void>;
    const savedConfigFile = process.env.AWS_CONFIG_FILE;

    before(async () => {
      [emulator, other] = await Promise.all([startTestEmulator(['--seed', seedFile('tree.yaml')]), startTestEmulator(['--seed', seedFile('minimal.yaml')])]);
      dir = mkdtempSync(join(tmpdir(), 'proton-aws-'));
      writeFileSync(join(dir, 'config'), '[default]\nregion = us-west-2\n\n[profile alpha]\nregion = eu-west-1\n');
      process.env.AWS_CONFIG_FILE = join(dir, 'config');
      restore = await setUserSettings({ endpoint: emulator.url, profile: undefined, region: undefined });
    });

    after(async () => {
      await restore();
      if (savedConfigFile === undefined) delete process.env.AWS_CONFIG_FILE;
      else process.env.AWS_CONFIG_FILE = savedConfigFile;
      await Promise.all([emulator.stop(), other.stop()]);
      rmSync(dir, { recursive: true, force: true });
    });

    it('empties the tree and reloads it from the new connection', async () => {
      const api = await extensionApi();
      api.connection.update();
      treeRows(api);
      await waitFor(api, () => api.cache.status.loadedAt, 'the first load');
      assert.equal(api.connection.state.connection?.region, 'us-west-2', "the default profile's region");
      assert.deepEqual(treeRows(api).map((r) => r.label), ['api', 'shop']);
      assert.ok(api.view.provider.getChildren().length > 0);

      await vscode.workspace.getConfiguration('proton').update('profile', 'alpha', vscode.ConfigurationTarget.Global);
      await waitFor(api, () => api.connection.state.connection?.profile === 'alpha', 'the profile change');
      assert.equal(api.connection.state.connection?.region, 'eu-west-1', "the chosen profile's region");
      assert.equal(api.cache.snapshot, undefined, 'nothing of the old connection is kept');
      assert.deepEqual(treeRows(api).map((r) => r.label), ['Loading service instances from Proton emulator · eu-west-1…']);
      await waitFor(api, () => api.cache.status.loadedAt, 'the reload');
      assert.equal(await emulator.count('ListServiceInstances'), 2);

      await vscode.workspace.getConfiguration('proton').update('endpoint', other.url, vscode.ConfigurationTarget.Global);
      await waitFor(api, () => api.connection.state.connection?.endpoint === other.url, 'the endpoint change');
      treeRows(api);
      await waitFor(api, () => api.cache.status.loadedAt, 'the load from the other endpoint');
      assert.deepEqual(treeRows(api).map((r) => r.label), ['api-svc']);
    });
  });
});
