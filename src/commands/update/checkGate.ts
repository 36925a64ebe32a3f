// The checker gate: before anything is sent, the spec is checked against the version the update lands on. Errors
// stop the submit with the list and "Open Problems"; "Submit Anyway" exists but is never the default button.
// "Open Problems" publishes the gate's errors (they are against the chosen type and version, which the file's own
// diagnostics do not know) in their own collection until the file is next edited or checked again.
import * as vscode from 'vscode';
import type { CheckedProblem } from '../../core/checker';
import type { DeploymentType } from '../../core/protonModel';
import { toDiagnostic } from '../../diagnostics/diagnostics';

export interface UpdateCheckRequest {
  document: vscode.TextDocument;
  text: string;
  serviceName: string;
  name: string;
  deploymentType: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
  /** The version the update lands on ("1.4"), for the message. */
  landing: string;
}

/** The checker the diagnostics use, asked for one target and deploymentType. */
export type SpecChecker = (req: UpdateCheckRequest) => Promise<readonly CheckedProblem[]>;

let gateProblems: { collection: vscode.DiagnosticCollection; listeners: vscode.Disposable[] } | undefined;

/** The collection the gate's errors are shown in, made on first use; edits to a file clear its entries. */
export function updateCheckDiagnostics(): vscode.DiagnosticCollection {
  if (!gateProblems) {
    const collection = vscode.languages.createDiagnosticCollection('Proton update check');
    gateProblems = {
      collection,
      listeners: [
        vscode.workspace.onDidChangeTextDocument((e) => e.contentChanges.length && collection.delete(e.document.uri)),
        vscode.workspace.onDidCloseTextDocument((d) => collection.delete(d.uri)),
      ],
    };
  }
  return gateProblems.collection;
}

/** Ends the gate's collection and its listeners (with the command's registration). */
export function disposeUpdateCheckDiagnostics(): void {
  gateProblems?.collection.dispose();
  gateProblems?.listeners.forEach((l) => l.dispose());
  gateProblems = undefined;
}

/** True when the submit may go on: no errors, or the person chose "Submit Anyway". */
export async function passCheckGate(checker: SpecChecker, req: UpdateCheckRequest): Promise<boolean> {
  const errors = (await checker(req)).filter((p) => p.severity === 'error');
  gateProblems?.collection.delete(req.document.uri);
  if (errors.length === 0) return true;
  const shown = errors.slice(0, 8).map((p) => `• ${p.code}: ${p.message}`);
  if (errors.length > shown.length) shown.push(`… and ${errors.length - shown.length} more`);
  const openProblems = 'Open Problems';
  const anyway = 'Submit Anyway';
  // Modal: the first button is the default; "Submit Anyway" comes second on purpose.
  const answer = await vscode.window.showErrorMessage(
    `The spec has ${errors.length} error${errors.length === 1 ? '' : 's'} for ${req.serviceName}/${req.name} on version ${req.landing}; Proton would refuse it.`,
    { modal: true, detail: shown.join('\n') },
    openProblems,
    anyway,
  );
  if (answer === openProblems) {
    const how = `(update check: ${req.deploymentType} to ${req.landing})`;
    updateCheckDiagnostics().set(req.document.uri, errors.map((p) => {
      const d = toDiagnostic({ ...p, message: `${p.message} ${how}` });
      d.source = 'Proton update check';
      return d;
    }));
    await vscode.commands.executeCommand('workbench.actions.view.problems');
  }
  return answer === anyway;
}
