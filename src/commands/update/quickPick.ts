// One QuickPick step of the update flow, with what VS Code's QuickPick lacks: a preselected (active) item and
// items that cannot be chosen. VS Code has no disabled items, so such an item shows `$(circle-slash)` and its
// reason; accepting it keeps the picker open and puts the reason in the placeholder instead of acting.
import * as vscode from 'vscode';

export interface PickItem<T> extends vscode.QuickPickItem {
  value: T;
  /** Why this item cannot be chosen now; shown when someone tries. */
  disabledReason?: string;
}

export interface PickOptions<T> {
  title: string;
  placeholder: string;
  items: PickItem<T>[];
  /** The item to start on (the directive's or the last choice); the first enabled item otherwise. */
  active?: PickItem<T>;
}

/** The chosen item's value, or undefined when the picker was dismissed. */
export function pick<T>(opts: PickOptions<T>): Promise<T | undefined> {
  const qp = vscode.window.createQuickPick<PickItem<T>>();
  qp.title = opts.title;
  qp.placeholder = opts.placeholder;
  qp.items = opts.items;
  qp.matchOnDescription = true;
  qp.matchOnDetail = true;
  qp.ignoreFocusOut = true;
  const first = opts.active ?? opts.items.find((i) => !i.disabledReason && i.kind !== vscode.QuickPickItemKind.Separator);
  if (first) qp.activeItems = [first];
  return new Promise<T | undefined>((resolve) => {
    let done = false;
    const finish = (value: T | undefined) => {
      if (done) return;
      done = true;
      resolve(value);
      qp.dispose();
    };
    qp.onDidAccept(() => {
      const item = qp.selectedItems[0] ?? qp.activeItems[0];
      if (!item) return;
      if (item.disabledReason) {
        qp.placeholder = `${item.label.replace(/^\$\([\w-]+\)\s*/, '')} cannot be chosen: ${item.disabledReason}`;
        return;
      }
      finish(item.value);
    });
    qp.onDidHide(() => finish(undefined));
    qp.show();
  });
}

/** An item that cannot be chosen, marked the same way everywhere. */
export function disabledItem<T>(item: PickItem<T>, reason: string): PickItem<T> {
  return { ...item, label: `$(circle-slash) ${item.label}`, disabledReason: reason };
}
