// After a successful submit from a file that named no target (the person picked the instance), offer once per
// file to record it as a `# proton-update:` directive at the top, so the next update needs no pick.
import * as vscode from 'vscode';
import { formatDirective } from '../../core/directives';

const OFFERED_KEY = 'proton.update.directiveOffered';

export async function offerToRecordTarget(
  state: vscode.Memento,
  document: vscode.TextDocument,
  target: { serviceName: string; name: string },
): Promise<boolean> {
  const key = document.uri.toString();
  const offered = state.get<string[]>(OFFERED_KEY, []);
  if (offered.includes(key) || document.isClosed) return false;
  await state.update(OFFERED_KEY, [...offered, key].slice(-500));
  const line = formatDirective(target);
  const add = 'Add Directive';
  const answer = await vscode.window.showInformationMessage(
    `Record ${target.serviceName}/${target.name} as the target of this file? It adds: ${line}`,
    add,
    'Not Now',
  );
  if (answer !== add) return false;
  const wasClean = !document.isDirty && !document.isUntitled;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, new vscode.Position(0, 0), `${line}\n`);
  const ok = await vscode.workspace.applyEdit(edit);
  if (ok && wasClean) await document.save();
  return ok;
}
