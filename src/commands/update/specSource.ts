// Which document an update sends, as the person sees it: an open document's text including unsaved edits (the
// confirmation says so), an untitled document too. A document that is not a ServiceSpec, or whose YAML does not
// parse, is refused with the reason and the Problems view opened.
import * as vscode from 'vscode';
import { isServiceSpec } from '../../core/serviceSpec';
import { parseSpecDocument } from '../../core/specDocument';

export interface SpecSource {
  document: vscode.TextDocument;
  /** The text sent: what the editor shows now. */
  text: string;
  /** Parsed value of the text. */
  parsed: unknown;
  /** The document has edits not saved to disk (always true for an untitled document with text). */
  unsaved: boolean;
  /** File name for people: "spec.yaml", "Untitled-1". */
  label: string;
}

/** Reads and checks the document; undefined (after telling the person why) when it cannot be sent. */
export async function readSpec(document: vscode.TextDocument): Promise<SpecSource | undefined> {
  const text = document.getText();
  const label = document.isUntitled ? document.uri.path : (document.uri.path.split('/').pop() ?? document.uri.path);
  const sd = parseSpecDocument(text);
  if (sd.unparsed) {
    await refuse(`${label} is far too large for a Proton spec (${text.length.toLocaleString('en-US')} characters), so it is not sent.`);
    return undefined;
  }
  if (sd.syntax.length) {
    await refuse(`${label} is not valid YAML, so it cannot be sent to Proton: ${sd.syntax[0].message}`);
    return undefined;
  }
  const parsed = sd.js;
  if (!isServiceSpec(parsed)) {
    await refuse(`${label} is not a Proton service spec: it needs a top-level "proton: ServiceSpec".`);
    return undefined;
  }
  return { document, text, parsed, unsaved: document.isDirty || (document.isUntitled && text.length > 0), label };
}

/** Tells why nothing is sent and opens the Problems view, where the diagnostics say where. */
export async function refuse(message: string): Promise<void> {
  await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showErrorMessage(message);
}
