// A scripted stand-in for the prompts of vscode.window (QuickPicks and messages), in the manner of the AWS
// Toolkit's test window: every prompt is recorded as a person would see it and answered by the test's script.
// install() replaces the functions on the real `vscode.window`; restore() puts them back.
import * as vscode from 'vscode';

export interface Prompt {
  kind: 'pick' | 'info' | 'warning' | 'error';
  /** QuickPick title, or the message. */
  title: string;
  placeholder?: string;
  /** QuickPick item labels (icons stripped) or message buttons. */
  items: string[];
  /** Details of QuickPick items, by label. */
  details: Record<string, string | undefined>;
  /** The item the picker starts on. */
  active?: string;
  modal?: boolean;
  detail?: string;
  /** 0 on the first show, then 1, 2 ... when the picker stayed open after an accept (a disabled item). */
  retry: number;
}

/** The label (icons stripped) or button to choose; undefined dismisses. */
export type Script = (p: Prompt) => string | undefined;

const strip = (label: string) => label.replace(/\$\([\w-]+\)\s*/g, '').trim();

export class FakeWindow {
  readonly prompts: Prompt[] = [];
  private saved: Partial<Record<keyof typeof vscode.window, unknown>> = {};

  constructor(public script: Script) {}

  install(): this {
    const w = vscode.window as unknown as Record<string, unknown>;
    for (const k of ['createQuickPick', 'showQuickPick', 'showInformationMessage', 'showWarningMessage', 'showErrorMessage'] as const) this.saved[k] = w[k];
    w.createQuickPick = () => this.quickPick();
    w.showQuickPick = (items: vscode.QuickPickItem[], opts?: vscode.QuickPickOptions) => this.showQuickPick(items, opts);
    w.showInformationMessage = (m: string, ...rest: unknown[]) => this.message('info', m, rest);
    w.showWarningMessage = (m: string, ...rest: unknown[]) => this.message('warning', m, rest);
    w.showErrorMessage = (m: string, ...rest: unknown[]) => this.message('error', m, rest);
    return this;
  }

  restore(): void {
    Object.assign(vscode.window as unknown as Record<string, unknown>, this.saved);
  }

  picks(): Prompt[] {
    return this.prompts.filter((p) => p.kind === 'pick');
  }

  messages(kind?: Prompt['kind']): Prompt[] {
    return this.prompts.filter((p) => p.kind !== 'pick' && (!kind || p.kind === kind));
  }

  private message(kind: Prompt['kind'], title: string, rest: unknown[]): Promise<unknown> {
    const opts = typeof rest[0] === 'object' && rest[0] !== null && !('title' in (rest[0] as object)) ? (rest.shift() as vscode.MessageOptions) : {};
    const buttons = rest.map((b) => (typeof b === 'string' ? b : (b as vscode.MessageItem).title));
    const p: Prompt = { kind, title, items: buttons, details: {}, modal: opts.modal, detail: opts.detail, retry: 0 };
    this.prompts.push(p);
    const answer = this.script(p);
    const i = answer === undefined ? -1 : buttons.indexOf(answer);
    if (answer !== undefined && i < 0) throw new Error(`no button "${answer}" in ${JSON.stringify(p)}`);
    return Promise.resolve(i < 0 ? undefined : rest[i]);
  }

  /** Records a pick as a person sees it and returns the item the script chooses (undefined: dismissed). */
  private pick(
    all: readonly vscode.QuickPickItem[],
    meta: { title: string; placeholder?: string; active?: vscode.QuickPickItem; retry: number },
  ): vscode.QuickPickItem | undefined {
    const items = all.filter((i) => i.kind !== vscode.QuickPickItemKind.Separator);
    const p: Prompt = {
      kind: 'pick', title: meta.title, placeholder: meta.placeholder, items: items.map((i) => strip(i.label)),
      details: Object.fromEntries(items.map((i) => [strip(i.label), i.detail])),
      active: meta.active && strip(meta.active.label), retry: meta.retry,
    };
    this.prompts.push(p);
    const answer = this.script(p);
    if (answer === undefined) return undefined;
    const item = items.find((i) => strip(i.label) === answer);
    if (!item) throw new Error(`no item "${answer}" in ${JSON.stringify(p)}`);
    return item;
  }

  /** window.showQuickPick (single choice): one round. */
  private async showQuickPick(items: vscode.QuickPickItem[] | Thenable<vscode.QuickPickItem[]>, opts?: vscode.QuickPickOptions): Promise<vscode.QuickPickItem | undefined> {
    return this.pick(await items, { title: opts?.title ?? '', placeholder: opts?.placeHolder, retry: 0 });
  }

  private quickPick(): vscode.QuickPick<vscode.QuickPickItem> {
    const accept = new vscode.EventEmitter<void>();
    const hide = new vscode.EventEmitter<void>();
    let disposed = false;
    const qp = {
      title: '', placeholder: '', items: [] as vscode.QuickPickItem[], activeItems: [] as vscode.QuickPickItem[],
      selectedItems: [] as vscode.QuickPickItem[], matchOnDescription: false, matchOnDetail: false, ignoreFocusOut: false,
      busy: false, enabled: true, value: '', canSelectMany: false,
      onDidAccept: accept.event, onDidHide: hide.event,
      onDidChangeValue: new vscode.EventEmitter<string>().event,
      onDidChangeActive: new vscode.EventEmitter<vscode.QuickPickItem[]>().event,
      onDidChangeSelection: new vscode.EventEmitter<vscode.QuickPickItem[]>().event,
      onDidTriggerButton: new vscode.EventEmitter<vscode.QuickInputButton>().event,
      onDidTriggerItemButton: new vscode.EventEmitter<vscode.QuickPickItemButtonEvent<vscode.QuickPickItem>>().event,
      hide: () => {
        if (!disposed) hide.fire();
      },
      dispose: () => {
        disposed = true;
      },
      show: () => {
        const round = (retry: number) => {
          if (disposed) return;
          const item = this.pick(qp.items, { title: qp.title, placeholder: qp.placeholder, active: qp.activeItems[0], retry });
          if (!item) return hide.fire();
          qp.selectedItems = [item];
          qp.activeItems = [item];
          accept.fire();
          // Still open after an accept: the item was refused (disabled); ask the script again.
          if (!disposed && retry < 3) setImmediate(() => round(retry + 1));
        };
        setImmediate(() => round(0));
      },
    };
    return qp as unknown as vscode.QuickPick<vscode.QuickPickItem>;
  }
}
