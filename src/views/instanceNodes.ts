// The rows of the Service Instances tree as plain data plus their TreeItems: status icons, descriptions, Markdown
// tooltips and contextValues.
//
// contextValue scheme (menus match it with `viewItem =~ /.../`):
//   protonInstance.status.<DeploymentStatus>.update.<none|minor|major>[.busy][.spec]
//     .busy  the status is IN_PROGRESS, CANCELLING or DELETE_IN_PROGRESS (an update would be refused)
//     .spec  a spec file open in the editor names this instance (Compare Spec with Deployed)
//   protonService, protonEnvironment, protonError, protonPlaceholder, protonLoading
import * as vscode from 'vscode';
import { isBusy } from '../core/protonModel';
import type { InstanceSummary } from '../core/protonSnapshot';
import type { AvailableUpdate, EnvironmentInfo, TemplateVersionInfo } from '../core/templateVersions';

export interface InstanceNode {
  kind: 'instance';
  instance: InstanceSummary;
  update?: AvailableUpdate;
  /** The highest newer major compatible with the environment (its recommended minor), when there is one. */
  newerMajor?: TemplateVersionInfo;
  /** The group row it sits under: `service:NAME` or `environment:NAME`. */
  parentId: string;
  hasSpecFile: boolean;
  templateDisplayName?: string;
}

export interface GroupNode {
  kind: 'service' | 'environment';
  name: string;
  instances: InstanceNode[];
  environment?: EnvironmentInfo;
}

export interface MessageNode {
  kind: 'error' | 'placeholder' | 'loading' | 'showLogs';
  label: string;
  detail?: string;
}

export type TreeNode = InstanceNode | GroupNode | MessageNode;

export const groupId = (kind: 'service' | 'environment', name: string): string => `${kind}:${name}`;
export const instanceId = (i: InstanceSummary): string => `${i.serviceName}/${i.name}`;

const STATUS_LABEL: Record<string, string> = {
  IN_PROGRESS: 'In progress',
  FAILED: 'Failed',
  SUCCEEDED: 'Succeeded',
  DELETE_IN_PROGRESS: 'Deleting',
  DELETE_FAILED: 'Delete failed',
  DELETE_COMPLETE: 'Deleted',
  CANCELLING: 'Cancelling',
  CANCELLED: 'Cancelled',
};

export const statusLabel = (status: string): string => STATUS_LABEL[status] ?? status;

export function statusIcon(status: string): vscode.ThemeIcon {
  const c = (id: string) => new vscode.ThemeColor(id);
  switch (status) {
    case 'IN_PROGRESS':
      return new vscode.ThemeIcon('sync~spin', c('charts.blue'));
    case 'CANCELLING':
      return new vscode.ThemeIcon('sync~spin', c('charts.yellow'));
    case 'DELETE_IN_PROGRESS':
      return new vscode.ThemeIcon('loading~spin', c('charts.orange'));
    case 'FAILED':
    case 'DELETE_FAILED':
      return new vscode.ThemeIcon('error', c('testing.iconFailed'));
    case 'SUCCEEDED':
      return new vscode.ThemeIcon('pass', c('testing.iconPassed'));
    case 'CANCELLED':
      return new vscode.ThemeIcon('circle-slash', c('disabledForeground'));
    case 'DELETE_COMPLETE':
      return new vscode.ThemeIcon('trash', c('disabledForeground'));
    default:
      return new vscode.ThemeIcon('question');
  }
}

export const instanceContextValue = (n: InstanceNode): string =>
  `protonInstance.status.${n.instance.deploymentStatus}.update.${n.update?.kind ?? 'none'}` +
  (isBusy(n.instance.deploymentStatus) ? '.busy' : '') +
  (n.hasSpecFile ? '.spec' : '');

/** `environment · vMAJOR.MINOR`, then the status unless it succeeded, then the update mark. */
export function instanceDescription(n: InstanceNode, groupedBy: 'service' | 'environment'): string {
  const i = n.instance;
  const where = groupedBy === 'service' ? i.environmentName : i.serviceName;
  const parts = [`${where} · v${i.templateMajorVersion}.${i.templateMinorVersion}`];
  if (i.deploymentStatus !== 'SUCCEEDED') parts.push(statusLabel(i.deploymentStatus));
  if (n.update) parts.push(`↑ v${n.update.major}.${n.update.minor}`);
  return parts.join(' · ');
}

const when = (d: Date | undefined): string => (d ? d.toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : '—');

export function instanceTooltip(n: InstanceNode): vscode.MarkdownString {
  const i = n.instance;
  const e = escapeMd;
  const template = n.templateDisplayName ? `${i.templateName} (${n.templateDisplayName})` : i.templateName;
  const lines = [
    `**${e(i.serviceName)} / ${e(i.name)}**`,
    `Environment: ${e(i.environmentName)}`,
    `Template: ${e(template)} v${e(i.templateMajorVersion)}.${e(i.templateMinorVersion)}`,
    `Status: **${e(i.deploymentStatus)}**${i.deploymentStatusMessage ? ` — ${e(i.deploymentStatusMessage)}` : ''}`,
    `Last attempted deployment: ${when(i.lastDeploymentAttemptedAt)}`,
    `Last succeeded deployment: ${when(i.lastDeploymentSucceededAt)}`,
  ];
  if (n.update) {
    const why = n.update.kind === 'minor' ? 'the recommended minor of its major' : 'a newer major, compatible with the environment';
    lines.push(`**Update available:** v${e(n.update.major)}.${e(n.update.minor)} (${why})`);
  }
  if (n.newerMajor && n.update?.kind === 'minor') {
    lines.push(`**Newer major:** v${e(n.newerMajor.majorVersion)}.${e(n.newerMajor.minorVersion)} (MAJOR_VERSION; compatible with the environment)`);
  }
  lines.push(`ARN: \`${i.arn.replace(/`/g, '')}\``);
  return new vscode.MarkdownString(lines.join('  \n'));
}

function escapeMd(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, (c) => `\\${c}`);
}

export function instanceItem(n: InstanceNode, groupedBy: 'service' | 'environment'): vscode.TreeItem {
  const item = new vscode.TreeItem(n.instance.name, vscode.TreeItemCollapsibleState.None);
  item.id = instanceId(n.instance);
  item.description = instanceDescription(n, groupedBy);
  item.iconPath = statusIcon(n.instance.deploymentStatus);
  item.tooltip = instanceTooltip(n);
  item.contextValue = instanceContextValue(n);
  item.accessibilityInformation = { label: `${n.instance.serviceName} ${n.instance.name}, ${item.description}` };
  return item;
}

/** "3 instances · 1 failed · 1 in flight". */
export function groupDescription(g: GroupNode): string {
  const total = g.instances.length;
  const failed = g.instances.filter((n) => /FAILED$/.test(n.instance.deploymentStatus)).length;
  const busy = g.instances.filter((n) => isBusy(n.instance.deploymentStatus)).length;
  const parts = [`${total} instance${total === 1 ? '' : 's'}`];
  if (failed) parts.push(`${failed} failed`);
  if (busy) parts.push(`${busy} in flight`);
  return parts.join(' · ');
}

export function groupItem(g: GroupNode, expanded: boolean): vscode.TreeItem {
  const item = new vscode.TreeItem(g.name, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  item.id = groupId(g.kind, g.name);
  item.description = groupDescription(g);
  item.iconPath = new vscode.ThemeIcon(g.kind === 'service' ? 'package' : 'server-environment');
  item.contextValue = g.kind === 'service' ? 'protonService' : 'protonEnvironment';
  const env = g.environment ? `\n\nEnvironment template: ${g.environment.templateName} v${g.environment.templateMajorVersion}` : '';
  item.tooltip = `${g.kind === 'service' ? 'Service' : 'Environment'} ${g.name}: ${item.description}${env}`;
  return item;
}

export function messageItem(m: MessageNode): vscode.TreeItem {
  const item = new vscode.TreeItem(m.label, vscode.TreeItemCollapsibleState.None);
  item.id = `message:${m.kind}`;
  item.contextValue = `proton${m.kind[0].toUpperCase()}${m.kind.slice(1)}`;
  switch (m.kind) {
    case 'error':
      item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('errorForeground'));
      item.description = 'click to retry';
      item.tooltip = `${m.label}\n\nClick to retry.`;
      item.command = { command: 'proton.refresh', title: 'Retry' };
      break;
    case 'showLogs':
      item.iconPath = new vscode.ThemeIcon('output');
      item.command = { command: 'proton.showLogs', title: 'Show Logs' };
      break;
    case 'loading':
      item.iconPath = new vscode.ThemeIcon('loading~spin');
      break;
    case 'placeholder':
      item.iconPath = new vscode.ThemeIcon('info');
      item.tooltip = m.detail;
      break;
  }
  if (m.detail && m.kind !== 'placeholder') item.description = m.detail;
  return item;
}
