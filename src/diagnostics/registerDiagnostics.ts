// Registers everything the editor does for spec files: diagnostics, quick fixes, completion, hover and CodeLens.
// The spec file index comes from the caller: the explorer menu needs it from activation on, this only later.
import * as vscode from 'vscode';
import type { ProtonCacheApi } from '../proton/api';
import { SpecDiagnostics } from './diagnostics';
import { OpsFiles } from './opsFiles';
import { SpecChecks } from './specChecks';
import { SpecEditorHelp } from './specEditorHelp';
import type { SpecFileIndex } from './specFileIndex';
import { SpecQuickFixes } from './quickFixes';

const SELECTOR: vscode.DocumentSelector = [
  { language: 'yaml', scheme: 'file' },
  { language: 'yaml', scheme: 'untitled' },
  { pattern: '**/*.{yaml,yml}', scheme: 'file' },
];

export interface SpecServices {
  specFiles: SpecFileIndex;
  checks: SpecChecks;
  diagnostics: SpecDiagnostics;
}

/** `cache` is the window's Proton cache (its onDidChange also fires on connection changes). */
export function registerDiagnostics(subscriptions: vscode.Disposable[], cache: ProtonCacheApi | undefined, specFiles: SpecFileIndex): SpecServices {
  const ops = new OpsFiles();
  const checks = new SpecChecks(cache, ops);
  const diagnostics = new SpecDiagnostics(checks, specFiles);
  const help = new SpecEditorHelp(checks, specFiles, cache);
  subscriptions.push(
    ops,
    checks,
    diagnostics,
    help,
    vscode.languages.registerCodeActionsProvider(SELECTOR, new SpecQuickFixes(checks), SpecQuickFixes.metadata),
    vscode.languages.registerCompletionItemProvider(SELECTOR, help, '=', ' '),
    vscode.languages.registerHoverProvider(SELECTOR, help),
    vscode.languages.registerCodeLensProvider(SELECTOR, help),
  );
  return { specFiles, checks, diagnostics };
}
