// Registers the "Service Instances" view: the tree, its title actions (Refresh, Filter, Clear Filter, grouping,
// Collapse All), the Restricted Mode message, the progress bar while loading and the in-flight poller.
import * as vscode from 'vscode';
import { DEPLOYMENT_STATUSES } from '../core/protonModel';
import type { ConnectionManager } from '../connection/connectionManager';
import type { ProtonCache } from '../proton/cache';
import { logError } from '../ui/errors';
import { setContextKey } from '../ui/contextKeys';
import { protonLog } from '../ui/log';
import { InFlightPoller } from './inFlightPoller';
import type { TreeNode } from './instanceNodes';
import { filterDescription, InstancesTreeProvider, isFilterActive, type Grouping, type TreeFilter } from './instancesTree';
import { OpenSpecFiles } from './openSpecFiles';

export const INSTANCES_VIEW_ID = 'proton.instances';
const GROUPING_KEY = 'proton.grouping';

export interface InstancesView extends vscode.Disposable {
  provider: InstancesTreeProvider;
  treeView: vscode.TreeView<TreeNode>;
  poller: InFlightPoller;
  specFiles: OpenSpecFiles;
  /** What the Filter command applies (tests call it to skip the QuickPick). */
  setFilter(filter: TreeFilter): void;
}

async function askFilter(current: TreeFilter): Promise<TreeFilter | undefined> {
  const qp = vscode.window.createQuickPick<vscode.QuickPickItem>();
  qp.title = 'Filter Service Instances';
  qp.placeholder = 'Type text to match instance, service or environment names; check statuses to show only those';
  qp.canSelectMany = true;
  qp.matchOnDescription = false;
  qp.items = DEPLOYMENT_STATUSES.map((s) => ({ label: s, alwaysShow: true }));
  qp.selectedItems = qp.items.filter((i) => current.statuses.includes(i.label));
  qp.value = current.text;
  return new Promise((resolve) => {
    let accepted = false;
    qp.onDidAccept(() => {
      accepted = true;
      resolve({ text: qp.value.trim(), statuses: qp.selectedItems.map((i) => i.label) });
      qp.hide();
    });
    qp.onDidHide(() => {
      if (!accepted) resolve(undefined);
      qp.dispose();
    });
    qp.show();
  });
}

/**
 * What the view does when the cache changes: redraw, show the view's progress bar while a load runs, log a new load
 * error once, and let the poller look at the in-flight instances.
 */
function cacheChangeHandler(cache: ProtonCache, provider: InstancesTreeProvider, poller: InFlightPoller): () => void {
  let progress: { done: () => void } | undefined;
  let loggedError: unknown;
  return () => {
    provider.refresh();
    if (cache.status.loading && !progress) {
      let done!: () => void;
      const p = new Promise<void>((r) => (done = r));
      progress = { done };
      void vscode.window.withProgress({ location: { viewId: INSTANCES_VIEW_ID } }, () => p);
    } else if (!cache.status.loading && progress) {
      progress.done();
      progress = undefined;
    }
    if (cache.status.error && cache.status.error !== loggedError) logError(cache.status.error, 'Loading service instances failed');
    loggedError = cache.status.error;
    poller.kick();
  };
}

export function registerInstancesView(
  context: vscode.ExtensionContext,
  cache: ProtonCache,
  manager: ConnectionManager,
): InstancesView {
  const specFiles = new OpenSpecFiles();
  const grouping = context.workspaceState.get<Grouping>(GROUPING_KEY) === 'environment' ? 'environment' : 'service';
  const provider = new InstancesTreeProvider(cache, manager, grouping, (name) => specFiles.has(name));
  const treeView = vscode.window.createTreeView(INSTANCES_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const poller = new InFlightPoller(
    cache,
    () => manager.state.settings.pollIntervalSeconds * 1000,
    () => treeView.visible && !!manager.state.connection,
    (err) => logError(err, 'Polling deployments in progress failed'),
  );

  // Each assignment is a message to the workbench: only changes are sent.
  const showMeta = () => {
    const description = filterDescription(provider.filter);
    if (treeView.description !== description) treeView.description = description;
    const ignored = manager.state.settings.ignoredWorkspaceKeys;
    // The description is hidden while the view is alone in its container, so a filter is also said above the rows.
    // A message hides the welcome content, which says Restricted Mode itself while nothing is connected.
    const lines = [
      ignored.length && manager.state.connection ? `Restricted Mode: this workspace's ${ignored.join(', ')} ${ignored.length === 1 ? 'is' : 'are'} ignored; your user settings apply.` : '',
      description ? `${description}; Clear Filter (in the title bar) shows every instance.` : '',
    ].filter(Boolean);
    const message = lines.length ? lines.join(' ') : undefined;
    // A new view's message reads '' rather than undefined.
    if ((treeView.message || undefined) !== message) treeView.message = message;
    void setContextKey('proton.filtered', isFilterActive(provider.filter));
    void setContextKey('proton.groupedByEnvironment', provider.grouping === 'environment');
  };
  const setGrouping = async (g: Grouping) => {
    provider.grouping = g;
    await context.workspaceState.update(GROUPING_KEY, g);
    showMeta();
    provider.refresh();
  };
  const setFilter = (f: TreeFilter) => {
    provider.filter = f;
    showMeta();
    provider.refresh();
  };

  const onCacheChange = cacheChangeHandler(cache, provider, poller);
  showMeta();

  const disposables = vscode.Disposable.from(
    provider,
    treeView,
    specFiles,
    { dispose: () => poller.stop() },
    cache.onDidChange(onCacheChange),
    manager.onDidChange(() => {
      showMeta();
      provider.refresh();
    }),
    specFiles.onDidChange(() => provider.refresh()),
    treeView.onDidChangeVisibility(() => poller.kick()),
    vscode.commands.registerCommand('proton.refresh', async () => {
      if (!manager.state.connection) return;
      await cache.load(true).catch(() => undefined); // shown as the error row
    }),
    vscode.commands.registerCommand('proton.filter', async () => {
      const f = await askFilter(provider.filter);
      if (f) setFilter(f);
    }),
    vscode.commands.registerCommand('proton.clearFilter', () => setFilter({ text: '', statuses: [] })),
    vscode.commands.registerCommand('proton.groupByEnvironment', () => setGrouping('environment')),
    vscode.commands.registerCommand('proton.groupByService', () => setGrouping('service')),
    vscode.commands.registerCommand('proton.toggleGrouping', () => setGrouping(provider.grouping === 'service' ? 'environment' : 'service')),
    vscode.commands.registerCommand('proton.showLogs', () => protonLog().show(true)),
  );
  return { provider, treeView, poller, specFiles, setFilter, dispose: () => disposables.dispose() };
}
