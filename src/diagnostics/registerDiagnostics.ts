// Registers everything the editor does for spec files: diagnostics, quick fixes, completion, hover and CodeLens.
// Returns the spec file index, which the update command and the explorer menu reuse.
import * as vscode from 'vscode';
import type { ProtonCacheApi } from '../proton/api';
import { SpecDiagnostics } from './diagnostics';
import { OpsFiles } from './opsFiles';
import { SpecChecks } from './specChecks';
import { SpecEditorHelp } from './specEditorHelp';
import { SpecFileIndex } from './specFileIndex';
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

/**
 * `cache` is the window's Proton cache (its onDidChange also fires on connection changes); `onConnectionChange`
 * is optional for callers whose connection events do not go through the cache.
 */
export function registerDiagnostics(
  context: vscode.ExtensionContext,
  cache: ProtonCacheApi | undefined,
  onConnectionChange?: vscode.Event<unknown>,
): SpecServices {
  const specFiles = new SpecFileIndex();
  const ops = new OpsFiles();
  const checks = new SpecChecks(cache, ops);
  const diagnostics = new SpecDiagnostics(checks, specFiles);
  const help = new SpecEditorHelp(checks, specFiles, cache);
  context.subscriptions.push(
    specFiles,
    ops,
    checks,
    diagnostics,
    help,
    vscode.languages.registerCodeActionsProvider(SELECTOR, new SpecQuickFixes(checks), SpecQuickFixes.metadata),
    vscode.languages.registerCompletionItemProvider(SELECTOR, help, '=', ' '),
    vscode.languages.registerHoverProvider(SELECTOR, help),
    vscode.languages.registerCodeLensProvider(SELECTOR, help),
  );
  if (onConnectionChange) context.subscriptions.push(onConnectionChange(() => checks.factsChanged()));
  return { specFiles, checks, diagnostics };
}
