// The Service Instances tree in the real extension host, against the emulator: exact rows for a seed, grouping,
// filter, stable ids, the request budget for large accounts, the error row and its retry, the placeholder,
// polling that stops when deployments settle, the context menu's read-only commands, and throttling.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ProtonExtensionApi } from '../../../src/extension';
import type { InstanceNode, TreeNode } from '../../../src/views/instanceNodes';
import { bigSeed, connect, extensionApi, seedFile, setUserSettings, startTestEmulator, THROTTLE_FIRST_REQUEST, treeRows, waitFor, type TestEmulator } from '../helpers/proton';

const unfiltered = (calls: { operation: string; input: Record<string, unknown> }[], op: string) =>
  calls.filter((c) => c.operation === op && !c.input.filters).length;

/** Points the window at `url` and waits for the tree's first complete load. */
const loaded = (api: ProtonExtensionApi) => waitFor(api, () => api.cache.status.loadedAt && api.cache.snapshot, 'a complete load', 60_000);

describe('Service Instances tree', function () {
  this.timeout(120_000);
  let api: ProtonExtensionApi;
  let restore: () => Promise<void>;
  let dir: string;

  before(async () => {
    api = await extensionApi();
    restore = await setUserSettings({ endpoint: undefined, profile: undefined, region: undefined, pollIntervalSeconds: 2 });
    dir = mkdtempSync(join(tmpdir(), 'proton-tree-'));
    await vscode.commands.executeCommand('proton.instances.focus'); // polling runs while the view is visible
  });

  after(async () => {
    await restore();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('with the tree seed', () => {
    let emulator: TestEmulator;
    before(async () => {
      emulator = await startTestEmulator(['--seed', seedFile('tree.yaml'), '--deploy-ms', '1500']);
      await connect(api, emulator.url);
      await loaded(api);
    });
    after(() => emulator.stop());

    it('shows exactly the services, instances, statuses, versions and update marks of the seed', () => {
      const rows = treeRows(api);
      const spin = 'sync~spin';
      assert.deepEqual(rows, [
        {
          label: 'api', description: '2 instances · 1 in flight', icon: 'package', contextValue: 'protonService', id: 'service:api',
          children: [
            { label: 'api-dev', description: 'dev · v2.0 · In progress', icon: spin, contextValue: 'protonInstance.status.IN_PROGRESS.update.none.busy', id: 'api/api-dev' },
            { label: 'api-prod', description: 'prod · v2.0 · Cancelled', icon: 'circle-slash', contextValue: 'protonInstance.status.CANCELLED.update.none', id: 'api/api-prod' },
          ],
        },
        {
          label: 'shop', description: '3 instances · 1 failed', icon: 'package', contextValue: 'protonService', id: 'service:shop',
          children: [
            { label: 'shop-dev', description: 'dev · v1.0 · ↑ v1.1', icon: 'pass', contextValue: 'protonInstance.status.SUCCEEDED.update.minor', id: 'shop/shop-dev' },
            { label: 'shop-old', description: 'old · v1.1', icon: 'pass', contextValue: 'protonInstance.status.SUCCEEDED.update.none', id: 'shop/shop-old' },
            { label: 'shop-prod', description: 'prod · v1.1 · Failed · ↑ v2.0', icon: 'error', contextValue: 'protonInstance.status.FAILED.update.major', id: 'shop/shop-prod' },
          ],
        },
      ]);
    });

    it('names a compatible newer major in the tooltip of an instance whose mark shows a newer minor', () => {
      const p = api.view.provider;
      const shop = (p.getChildren() as TreeNode[]).find((n) => p.getTreeItem(n).id === 'service:shop') as TreeNode;
      const tooltip = (id: string) => {
        const node = (p.getChildren(shop) as TreeNode[]).find((n) => p.getTreeItem(n).id === id) as TreeNode;
        const t = p.getTreeItem(node).tooltip;
        return t instanceof vscode.MarkdownString ? t.value : String(t);
      };
      assert.match(tooltip('shop/shop-dev'), /\*\*Update available:\*\* v1\.1 .*\n?.*\*\*Newer major:\*\* v2\.0/s);
      // shop-old's environment template (base:1) is not compatible with 2.0: no major named.
      assert.doesNotMatch(tooltip('shop/shop-old'), /Newer major/);
    });

    it('costs one ListServiceInstances page and one template pass, with no request per instance', async () => {
      const calls = await emulator.calls();
      assert.equal(unfiltered(calls, 'ListServiceInstances'), 1);
      assert.equal(unfiltered(calls, 'ListServiceTemplates'), 1);
      assert.equal(unfiltered(calls, 'ListEnvironments'), 1);
      // The majors, then the minors of majors 1 and 2; one GetServiceTemplateVersion for the candidate major 2.0.
      assert.equal(unfiltered(calls, 'ListServiceTemplateVersions'), 3);
      assert.deepEqual(calls.filter((c) => c.operation === 'GetServiceTemplateVersion').map((c) => c.input), [{ templateName: 'web', majorVersion: '2', minorVersion: '0' }]);
      assert.equal(unfiltered(calls, 'GetServiceInstance'), 0);
    });

    it('groups by environment and back, remembering the choice in the workspace', async () => {
      await vscode.commands.executeCommand('proton.groupByEnvironment');
      const rows = treeRows(api);
      assert.deepEqual(rows.map((r) => [r.label, r.description]), [['dev', '2 instances · 1 in flight'], ['old', '1 instance'], ['prod', '2 instances · 1 failed']]);
      assert.deepEqual(rows[0].children!.map((c) => [c.label, c.description]), [['api-dev', 'api · v2.0 · In progress'], ['shop-dev', 'shop · v1.0 · ↑ v1.1']]);
      await vscode.commands.executeCommand('proton.groupByService');
      assert.deepEqual(treeRows(api).map((r) => r.label), ['api', 'shop']);
    });

    it('filters by name text and status, says so in the view description and above the rows, and clears', async () => {
      api.view.setFilter({ text: 'prod', statuses: [] });
      assert.deepEqual(treeRows(api).map((r) => [r.label, r.children!.map((c) => c.label)]), [['api', ['api-prod']], ['shop', ['shop-prod']]]);
      assert.equal(api.view.treeView.description, 'Filter: "prod"');
      // Also above the rows: a view alone in its container does not show its description.
      assert.equal(api.view.treeView.message, 'Filter: "prod"; Clear Filter (in the title bar) shows every instance.');
      api.view.setFilter({ text: '', statuses: ['FAILED', 'IN_PROGRESS'] });
      assert.deepEqual(treeRows(api).map((r) => r.children!.map((c) => c.label)), [['api-dev'], ['shop-prod']]);
      assert.equal(api.view.treeView.description, 'Filter: FAILED, IN_PROGRESS');
      api.view.setFilter({ text: 'nothing-like-this', statuses: [] });
      assert.deepEqual(treeRows(api).map((r) => r.label), ['No service instances match the filter']);
      await vscode.commands.executeCommand('proton.clearFilter');
      assert.equal(api.view.treeView.description, undefined);
      assert.ok(!api.view.treeView.message, 'no filter message once cleared');
      assert.equal(treeRows(api).flatMap((r) => r.children ?? []).length, 5);
    });

    it('keeps every id across a refresh, so expansion and selection stay', async () => {
      const ids = () => treeRows(api).flatMap((r) => [r.id, ...(r.children ?? []).map((c) => c.id)]);
      const before = ids();
      const at = api.cache.status.loadedAt;
      await vscode.commands.executeCommand('proton.refresh');
      assert.notEqual(api.cache.status.loadedAt, at, 'reloaded');
      assert.deepEqual(ids(), before);
      const node = api.view.provider.findInstance('shop', 'shop-prod')!;
      assert.equal(api.view.provider.getParent(node), api.view.provider.allGroups().find((g) => g.name === 'shop'));
    });

    it('opens the deployed spec read-only and copies the ARN', async () => {
      const node = api.view.provider.findInstance('shop', 'shop-dev') as InstanceNode;
      await vscode.commands.executeCommand('proton.openDeployedSpec', node);
      const doc = vscode.window.activeTextEditor?.document;
      assert.equal(doc?.uri.scheme, 'proton-spec');
      assert.equal(doc?.languageId, 'yaml');
      assert.match(doc!.getText(), /greeting: hello from shop-dev/);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.commands.executeCommand('proton.copyArn', node);
      assert.equal(await vscode.env.clipboard.readText(), node.instance.arn);
    });

    it('offers Compare Spec with Deployed for an instance named by an open spec file, and opens the diff', async () => {
      const doc = await vscode.workspace.openTextDocument({
        language: 'yaml',
        content: 'proton: ServiceSpec\ninstances:\n  - name: shop-dev\n    environment: dev\n    spec:\n      greeting: changed\n',
      });
      await vscode.window.showTextDocument(doc);
      const spec = () => treeRows(api).find((r) => r.label === 'shop')!.children!.find((c) => c.label === 'shop-dev')!.contextValue;
      await new Promise<void>((resolve) => {
        if (spec()?.endsWith('.spec')) return resolve();
        const sub = api.view.specFiles.onDidChange(() => spec()?.endsWith('.spec') && (sub.dispose(), resolve()));
      });
      assert.equal(spec(), 'protonInstance.status.SUCCEEDED.update.minor.spec');
      await vscode.commands.executeCommand('proton.compareWithDeployed', api.view.provider.findInstance('shop', 'shop-dev'));
      const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
      assert.ok(input instanceof vscode.TabInputTextDiff, 'a diff editor is active');
      assert.equal(input.original.scheme, 'proton-spec');
      assert.equal(input.modified.toString(), doc.uri.toString());
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });

    it('offers Compare only while the spec file has a tab: a closed editor\'s document, still loaded, does not count', async () => {
      const file = join(dir, 'compare-closed.yaml');
      writeFileSync(file, 'proton: ServiceSpec\ninstances:\n  - name: shop-dev\n    environment: dev\n    spec:\n      greeting: file\n');
      const doc = await vscode.workspace.openTextDocument(file);
      const spec = () => treeRows(api).find((r) => r.label === 'shop')!.children!.find((c) => c.label === 'shop-dev')!.contextValue ?? '';
      const until = (want: boolean) =>
        new Promise<void>((resolve) => {
          if (spec().endsWith('.spec') === want) return resolve();
          const sub = api.view.specFiles.onDidChange(() => spec().endsWith('.spec') === want && (sub.dispose(), resolve()));
        });
      await vscode.window.showTextDocument(doc);
      await until(true);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await until(false);
      assert.ok(vscode.workspace.textDocuments.some((d) => d.uri.fsPath === file), 'VS Code still holds the document');
      assert.deepEqual(api.view.specFiles.urisFor('shop-dev'), []);
    });

    it('polls only while deployments are in flight and stops when they settle', async () => {
      const getsBefore = (await emulator.calls()).filter((c) => c.operation === 'GetServiceInstance').length;
      const gw = await api.cache.gateway();
      await gw.cancelServiceInstanceDeployment('api', 'api-dev');
      await gw.updateServiceInstance({ serviceName: 'shop', name: 'shop-dev', deploymentType: 'CURRENT_VERSION', clientToken: 'poll-test-1' });
      await Promise.all([api.cache.refreshInstance('api', 'api-dev'), api.cache.refreshInstance('shop', 'shop-dev')]);
      const status = (s: string, n: string) => api.cache.snapshot?.instances.find((i) => i.serviceName === s && i.name === n)?.deploymentStatus;
      assert.equal(status('shop', 'shop-dev'), 'IN_PROGRESS');
      await waitFor(api, () => status('api', 'api-dev') === 'CANCELLED' && status('shop', 'shop-dev') === 'SUCCEEDED', 'both deployments to settle', 30_000);
      const row = treeRows(api).find((r) => r.label === 'shop')!.children!.find((c) => c.label === 'shop-dev')!;
      assert.equal(row.icon, 'pass');
      assert.ok(api.view.poller.ticks > 0, 'the poller ran');
      await api.view.poller.idle();
      assert.equal(api.view.poller.scheduled, false, 'the poller stopped');
      const polls = (await emulator.calls()).filter((c) => c.operation === 'ListServiceInstances' && c.input.filters).length;
      // Absence over time can only be shown by waiting: two poll intervals without a new polling request.
      await new Promise((r) => setTimeout(r, 4_500));
      assert.equal((await emulator.calls()).filter((c) => c.operation === 'ListServiceInstances' && c.input.filters).length, polls);
      const gets = (await emulator.calls()).filter((c) => c.operation === 'GetServiceInstance').length - getsBefore;
      assert.ok(gets <= 4, `GetServiceInstance only for instances that settled (and the two refreshes): ${gets}`);

      // The deployment is in the history, with its initial and target spec as read-only documents.
      const [latest] = await gw.listDeployments('shop', 'shop-dev');
      assert.equal(latest.deploymentStatus, 'SUCCEEDED');
      const open = async (side: string) =>
        (await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'proton-spec', path: `/shop/shop-dev/${latest.id}.${side}.yaml` }))).getText();
      assert.match(await open('initial'), /hello from shop-dev/);
      assert.match(await open('target'), /proton: ServiceSpec/);
    });
  });

  it('shows an error row with retry and Show Logs when Proton cannot be reached, and loads on retry', async () => {
    const first = await startTestEmulator(['--seed', seedFile('tree.yaml')]);
    const port = first.process.port;
    await first.stop();
    await connect(api, first.url);
    await waitFor(api, () => api.cache.status.error, 'the failure');
    const [error, logs] = treeRows(api);
    assert.match(error.label, /^Loading service instances failed: Could not reach the Proton endpoint .*ECONNREFUSED/);
    assert.equal(error.description, 'click to retry');
    assert.equal(api.view.provider.getTreeItem(api.view.provider.getChildren()[0]).command?.command, 'proton.refresh');
    assert.equal(logs.label, 'Show Logs');
    const again = await startTestEmulator(['--seed', seedFile('tree.yaml'), '--port', String(port)]);
    try {
      await vscode.commands.executeCommand('proton.refresh'); // the row's command
      assert.equal(api.cache.status.error, undefined);
      assert.deepEqual(treeRows(api).map((r) => r.label), ['api', 'shop']);
    } finally {
      await again.stop();
    }
  });

  it('shows a placeholder row for an account without service instances', async () => {
    const emulator = await startTestEmulator(['--seed', seedFile('empty.yaml')]);
    try {
      await connect(api, emulator.url);
      await loaded(api);
      assert.deepEqual(treeRows(api).map((r) => [r.label, r.icon]), [['No service instances in Proton emulator · us-east-1 (default)', 'info']]);
    } finally {
      await emulator.stop();
    }
  });

  it('lists 260 instances of one service and 1,000 more across 50 services once each, in ceil(N/100) pages shown as they arrive', async () => {
    const seed = join(dir, 'big.yaml');
    writeFileSync(seed, bigSeed(1, 260, 'big') + bigSeed(50, 20).split('services:\n')[1]);
    const emulator = await startTestEmulator(['--seed', seed]);
    try {
      const partial: number[] = [];
      const sub = api.cache.onDidChange(() => {
        const n = api.cache.snapshot?.instances.length ?? 0;
        if (api.cache.status.loading && n > 0) partial.push(n);
      });
      await connect(api, emulator.url);
      const snap = await loaded(api);
      sub.dispose();
      assert.equal(snap.instances.length, 1260);
      assert.equal(new Set(snap.instances.map((i) => `${i.serviceName}/${i.name}`)).size, 1260, 'each instance once');
      const calls = await emulator.calls();
      assert.equal(unfiltered(calls, 'ListServiceInstances'), Math.ceil(1260 / 100));
      assert.ok(calls.filter((c) => c.operation === 'ListServiceInstances').every((c) => c.input.maxResults === 100));
      assert.equal(unfiltered(calls, 'ListServiceTemplateVersions'), 2, 'one template in use, one major');
      assert.equal(calls.filter((c) => c.operation === 'GetServiceInstance').length, 0);
      assert.ok(partial.length >= 5 && partial[0] < 1260, `pages shown as they arrived: ${partial.join(', ')}`);
      const rows = treeRows(api);
      assert.equal(rows.length, 51);
      assert.equal(rows[0].label, 'big0000');
      assert.equal(rows[0].description, '260 instances');
      assert.equal(rows[0].children!.length, 260);
    } finally {
      await emulator.stop();
    }
  });

  it('loads completely through throttling and server errors (--throttle-rate 0.3 --error-rate 0.05)', async () => {
    const seed = join(dir, 'gauntlet.yaml');
    writeFileSync(seed, bigSeed(10, 30));
    const emulator = await startTestEmulator(['--seed', seed, '--throttle-rate', '0.3', '--error-rate', '0.05', ...THROTTLE_FIRST_REQUEST]);
    try {
      await connect(api, emulator.url);
      const snap = await loaded(api);
      assert.equal(snap.instances.length, 300);
      assert.equal(api.cache.status.error, undefined);
      const calls = await emulator.calls();
      assert.ok(calls.some((c) => c.status === 429), 'the emulator did throttle');
      assert.equal(treeRows(api).length, 10);
    } finally {
      await emulator.stop();
    }
  });
});
