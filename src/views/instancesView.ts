import * as vscode from 'vscode';

/** The "Service Instances" view. Until the explorer lands it has no rows, so VS Code shows its welcome content. */
export class InstancesTreeProvider implements vscode.TreeDataProvider<never> {
  getTreeItem(element: never): vscode.TreeItem {
    return element;
  }

  getChildren(): never[] {
    return [];
  }
}

export const INSTANCES_VIEW_ID = 'proton.instances';

export function registerInstancesView(): vscode.Disposable {
  return vscode.window.createTreeView(INSTANCES_VIEW_ID, {
    treeDataProvider: new InstancesTreeProvider(),
    showCollapseAll: true,
  });
}
