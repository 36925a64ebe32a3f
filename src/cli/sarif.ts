// SARIF 2.1.0 output for GitHub code scanning: one rule per problem code with its README help link, one result
// per problem. The few SARIF types needed are declared here (the shapes of @types/sarif, which is not a
// dependency of this project).
import { PROBLEM_CODES, PROBLEM_SEVERITY, type ProblemCode } from '../core/problems';
import { problemHelpUri, PROBLEM_HELP_BASE, PROBLEM_SUMMARY } from '../core/problemHelp';
import type { FileProblem } from './report';

type SarifLevel = 'error' | 'warning' | 'note';

interface SarifRule {
  id: string;
  name: string;
  shortDescription: { text: string };
  helpUri: string;
  help: { text: string };
  defaultConfiguration: { level: SarifLevel };
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: SarifLevel;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId: string };
      region: { startLine: number; startColumn: number; endLine: number; endColumn: number };
    };
  }[];
}

export interface SarifLog {
  $schema: string;
  version: '2.1.0';
  runs: {
    tool: { driver: { name: string; informationUri: string; rules: SarifRule[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: SarifResult[];
  }[];
}

const LEVEL: Record<string, SarifLevel> = { error: 'error', warning: 'warning', information: 'note' };

const ruleName = (code: string): string => code.split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join('');

/** The SARIF log; `srcRoot` is the folder (file URI ending in /) that the results' relative paths start from. */
export function toSarif(problems: readonly FileProblem[], srcRoot: string): SarifLog {
  const rules: SarifRule[] = PROBLEM_CODES.map((code: ProblemCode) => ({
    id: code,
    name: ruleName(code),
    shortDescription: { text: PROBLEM_SUMMARY[code] },
    helpUri: problemHelpUri(code),
    help: { text: `${PROBLEM_SUMMARY[code]} See ${problemHelpUri(code)}` },
    defaultConfiguration: { level: LEVEL[PROBLEM_SEVERITY[code]] },
  }));
  const results: SarifResult[] = problems.map((p) => ({
    ruleId: p.code,
    ruleIndex: PROBLEM_CODES.indexOf(p.code),
    level: LEVEL[p.severity],
    message: { text: p.message },
    locations: [{
      physicalLocation: {
        artifactLocation: { uri: encodeURI(p.file), uriBaseId: '%SRCROOT%' },
        // SARIF lines and columns are 1-based; an empty range still covers one column.
        region: {
          startLine: p.range.start.line + 1,
          startColumn: p.range.start.character + 1,
          endLine: p.range.end.line + 1,
          endColumn: Math.max(p.range.end.character + 1, p.range.start.line === p.range.end.line ? p.range.start.character + 2 : 1),
        },
      },
    }],
  }));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'proton-spec', informationUri: PROBLEM_HELP_BASE.replace(/#$/, ''), rules } },
      originalUriBaseIds: { '%SRCROOT%': { uri: srcRoot } },
      results,
    }],
  };
}
