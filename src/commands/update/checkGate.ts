// The checker gate: before anything is sent, the spec is checked against the version the update lands on. Errors
// stop the submit with the list and "Open Problems"; "Submit Anyway" exists but is never the default button.
import * as vscode from 'vscode';
import type { DeploymentType } from '../../core/protonModel';
import type { Problem } from '../../core/problems';

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
export type SpecChecker = (req: UpdateCheckRequest) => Promise<readonly Problem[]>;

/** True when the submit may go on: no errors, or the person chose "Submit Anyway". */
export async function passCheckGate(checker: SpecChecker, req: UpdateCheckRequest): Promise<boolean> {
  const errors = (await checker(req)).filter((p) => p.severity === 'error');
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
  if (answer === openProblems) await vscode.commands.executeCommand('workbench.actions.view.problems');
  return answer === anyway;
}
