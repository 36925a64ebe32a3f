// The Service Instances tree: services → instances, or environments → instances, built from the shared cache's
// snapshot. Never silently empty: a loading row, an error row with retry and "Show Logs", or a placeholder. Ids
// are stable (`service/instance`, `service:NAME`), so a refresh keeps expansion and selection.
import * as vscode from 'vscode';
import type { ProtonSnapshot } from '../core/protonSnapshot';
import { availableUpdate, newerMajors } from '../core/templateVersions';
import type { ProtonCache } from '../proton/cache';
import type { ConnectionManager } from '../connection/connectionManager';
import { groupId, groupItem, instanceItem, messageItem, type GroupNode, type InstanceNode, type MessageNode, type TreeNode } from './instanceNodes';

export type Grouping = 'service' | 'environment';

export interface TreeFilter {
  /** Case-insensitive text matched against instance, service and environment names. */
  text: string;
  /** Deployment statuses to show (any of them); empty shows all. */
  statuses: string[];
}

export const isFilterActive = (f: TreeFilter): boolean => f.text.trim() !== '' || f.statuses.length > 0;

export function filterDescription(f: TreeFilter): string | undefined {
  const parts: string[] = [];
  if (f.text.trim()) parts.push(`"${f.text.trim()}"`);
  if (f.statuses.length) parts.push(f.statuses.join(', '));
  return parts.length ? `Filter: ${parts.join(' · ')}` : undefined;
}

/** Groups with more rows than this start collapsed; the tree remembers what the user expands. */
const EXPAND_UP_TO = 20;

export class InstancesTreeProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private groups = new Map<string, GroupNode>();
  private built: ProtonSnapshot | undefined;
  private dirty = true;
  filter: TreeFilter = { text: '', statuses: [] };

  constructor(
    private readonly cache: ProtonCache,
    private readonly manager: ConnectionManager,
    public grouping: Grouping,
    private readonly hasSpecFile: (instanceName: string) => boolean = () => false,
  ) {}

  /** Rebuilds from the cache and tells VS Code, which re-asks for the rows it shows (by id). */
  refresh(): void {
    this.dirty = true;
    this.changed.fire();
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    if (node.kind === 'instance') return instanceItem(node, this.grouping);
    if (node.kind === 'service' || node.kind === 'environment') return groupItem(node as GroupNode, this.groups.size <= EXPAND_UP_TO);
    return messageItem(node as MessageNode);
  }

  getChildren(node?: TreeNode): TreeNode[] {
    if (node) return node.kind === 'service' || node.kind === 'environment' ? node.instances : [];
    const conn = this.manager.state.connection;
    if (!conn) return []; // the welcome view explains and offers the emulator and the profile picker
    const snap = this.cache.snapshot;
    const { error, loading } = this.cache.status;
    const rows: TreeNode[] = [];
    if (error) {
      rows.push({ kind: 'error', label: `Loading service instances failed: ${error.message}` }, { kind: 'showLogs', label: 'Show Logs' });
    }
    if (!snap) {
      if (!error) {
        if (!loading) void this.cache.load().catch(() => undefined); // the error row shows the failure
        rows.push({ kind: 'loading', label: `Loading service instances from ${conn.label}…` });
      }
      return rows;
    }
    this.rebuild(snap);
    const groups = [...this.groups.values()];
    if (snap.instances.length === 0 && !loading) {
      rows.push({ kind: 'placeholder', label: `No service instances in ${conn.label}`, detail: 'ListServiceInstances returned none.' });
    } else if (groups.length === 0 && snap.instances.length > 0) {
      rows.push({ kind: 'placeholder', label: 'No service instances match the filter', detail: filterDescription(this.filter) });
    }
    if (loading && snap.instances.length > 0 && snap.templates.size === 0) {
      rows.push({ kind: 'loading', label: `Loading… ${snap.instances.length} instances so far` });
    }
    return [...rows, ...groups];
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.kind === 'instance' ? this.groups.get(node.parentId) : undefined;
  }

  /** The instance row for `service/instance`, for reveal(). */
  findInstance(serviceName: string, name: string): InstanceNode | undefined {
    if (this.cache.snapshot) this.rebuild(this.cache.snapshot);
    for (const g of this.groups.values()) {
      const hit = g.instances.find((n) => n.instance.serviceName === serviceName && n.instance.name === name);
      if (hit) return hit;
    }
    return undefined;
  }

  /** Every group row, for tests and the view's counts. */
  allGroups(): GroupNode[] {
    if (this.cache.snapshot) this.rebuild(this.cache.snapshot);
    return [...this.groups.values()];
  }

  private matches(n: InstanceNode): boolean {
    const { text, statuses } = this.filter;
    const i = n.instance;
    if (statuses.length && !statuses.includes(i.deploymentStatus)) return false;
    const t = text.trim().toLowerCase();
    return !t || [i.name, i.serviceName, i.environmentName].some((s) => s.toLowerCase().includes(t));
  }

  private rebuild(snap: ProtonSnapshot): void {
    if (!this.dirty && this.built === snap) return;
    const groups = new Map<string, GroupNode>();
    for (const i of snap.instances) {
      const t = snap.templates.get(i.templateName);
      const env = snap.environments.get(i.environmentName);
      const groupName = this.grouping === 'service' ? i.serviceName : i.environmentName;
      const parentId = groupId(this.grouping, groupName);
      const node: InstanceNode = {
        kind: 'instance',
        instance: i,
        // A deleted or deleting instance takes no update: no mark.
        update: i.deploymentStatus.startsWith('DELETE_') ? undefined : availableUpdate(i, t, env),
        // The mark shows the safe step (a minor); a newer major is still worth knowing about, in the tooltip.
        newerMajor: t && !i.deploymentStatus.startsWith('DELETE_') ? newerMajors(i, t, env)[0] : undefined,
        parentId,
        hasSpecFile: this.hasSpecFile(i.name),
        templateDisplayName: t?.displayName,
      };
      if (!this.matches(node)) continue;
      let g = groups.get(parentId);
      if (!g) groups.set(parentId, (g = { kind: this.grouping, name: groupName, instances: [], environment: this.grouping === 'environment' ? env : undefined }));
      g.instances.push(node);
    }
    const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);
    for (const g of groups.values()) g.instances.sort((a, b) => a.instance.name.localeCompare(b.instance.name));
    this.groups = new Map([...groups.entries()].sort(([, a], [, b]) => byName(a, b)));
    this.built = snap;
    this.dirty = false;
  }

  dispose(): void {
    this.changed.dispose();
  }
}
