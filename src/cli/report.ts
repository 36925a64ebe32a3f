// proton-spec's output formats (design §5): text for people, JSON (`{file, code, severity, message, range}`,
// 0-based like VS Code), SARIF 2.1.0 and GitHub workflow-command annotations (1-based).
import { pathToFileURL } from 'node:url';
import type { CheckedProblem } from '../core/checker';
import type { Format } from './args';
import { toSarif } from './sarif';

export interface FileProblem {
  /** Relative to the working folder when inside it (forward slashes), else absolute. */
  file: string;
  code: CheckedProblem['code'];
  severity: CheckedProblem['severity'];
  message: string;
  range: CheckedProblem['range'];
}

/** GitHub's workflow commands: data escapes %, CR, LF; properties also `:` and `,`. */
const ghData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const ghProp = (s: string) => ghData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
const GH_LEVEL = { error: 'error', warning: 'warning', information: 'notice' } as const;

function text(problems: readonly FileProblem[], fileCount: number): string {
  const lines = problems.map((p) => `${p.file}:${p.range.start.line + 1}:${p.range.start.character + 1}: ${p.severity} ${p.code}: ${p.message}`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const infos = problems.length - errors - warnings;
  const files = `${fileCount} spec file${fileCount === 1 ? '' : 's'}`;
  lines.push(problems.length
    ? `${problems.length} problem${problems.length === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info) in ${files}`
    : `No problems in ${files}`);
  return lines.join('\n');
}

function github(problems: readonly FileProblem[]): string {
  return problems
    .map((p) => {
      const props = [
        `file=${ghProp(p.file)}`,
        `line=${p.range.start.line + 1}`,
        `col=${p.range.start.character + 1}`,
        `endLine=${p.range.end.line + 1}`,
        `endColumn=${p.range.end.character + 1}`,
        `title=${ghProp(p.code)}`,
      ];
      return `::${GH_LEVEL[p.severity]} ${props.join(',')}::${ghData(p.message)}`;
    })
    .join('\n');
}

/** The whole output for stdout (no trailing newline). */
export function formatReport(format: Format, problems: readonly FileProblem[], fileCount: number, cwd: string): string {
  switch (format) {
    case 'json':
      return JSON.stringify(problems, null, 2);
    case 'sarif':
      return JSON.stringify(toSarif(problems, pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href), null, 2);
    case 'github':
      return github(problems);
    default:
      return text(problems, fileCount);
  }
}
