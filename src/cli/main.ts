// proton-spec: the spec checker for CI pipelines (design §5). Exit 0: no errors; 1: errors found; 2: usage or
// connection failure, with a one-line reason on stderr.
import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { checkSpecDocument, type CheckResult } from '../core/checker';
import { normalizePath, type OpsMapping } from '../core/specTargets';
import { decodeSpecBytes } from '../core/specText';
import { parseArgs, USAGE, type CliArgs } from './args';
import { connectProton, type ProtonData } from './protonData';
import { formatReport, type FileProblem } from './report';
import { expandPaths, findOpsMappings, type SpecFile } from './specFiles';

function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  return rel && !rel.startsWith('..') ? rel.split(sep).join('/') : abs.split(sep).join('/');
}

interface Loaded {
  file: SpecFile;
  text: string;
  encodingProblem?: ReturnType<typeof decodeSpecBytes>['problem'];
}

function checkOne(f: Loaded, ops: OpsMapping[], proton: ProtonData | undefined): CheckResult {
  return checkSpecDocument(f.text, {
    facts: proton?.facts,
    specPath: normalizePath(f.file.path),
    opsMappings: ops,
    force: f.file.explicit,
    encodingProblem: f.encodingProblem,
  });
}

async function run(args: CliArgs): Promise<number> {
  const cwd = process.cwd();
  const { files, error, empty } = expandPaths(args.paths, cwd);
  if (error) {
    process.stderr.write(`proton-spec: ${error}\n`);
    return 2;
  }
  for (const dir of empty) process.stderr.write(`proton-spec: warning: no spec files (YAML with "proton: ServiceSpec") in ${dir}\n`);
  let proton: ProtonData | undefined;
  if (args.endpoint || args.profile || args.region) {
    try {
      proton = await connectProton(args);
    } catch (err) {
      // The shared hint names the extension's setting; here the endpoint comes from --endpoint.
      const reason = (err as Error).message.split('\n')[0].replace('check proton.endpoint', 'check --endpoint');
      process.stderr.write(`proton-spec: cannot read Proton${args.endpoint ? ` at ${args.endpoint}` : ''}: ${reason}\n`);
      return 2;
    }
  } else {
    process.stderr.write('proton-spec: no --endpoint, --profile or --region: ran the local checks only; the Proton checks (targets, versions, inputs against the template schema) were skipped.\n');
  }
  const ops = findOpsMappings(files);
  const loaded: Loaded[] = files.map((file) => {
    const { text, problem } = decodeSpecBytes(readFileSync(file.path));
    return { file, text, encodingProblem: problem };
  });
  let results = loaded.map((f) => checkOne(f, ops, proton));
  // What the checks lacked (schemas, deployed specs) is fetched once, then those files are checked again.
  for (let round = 0; proton && round < 2; round++) {
    const needs = results.flatMap((r) => r.needs);
    if (!needs.length) break;
    for (const w of await proton.fetch(needs)) process.stderr.write(`proton-spec: warning: ${w}\n`);
    results = loaded.map((f, i) => (results[i].needs.length ? checkOne(f, ops, proton) : results[i]));
  }
  const problems: FileProblem[] = [];
  let checked = 0;
  results.forEach((r, i) => {
    if (!r.isSpec) return;
    checked++;
    const file = displayPath(loaded[i].file.path, cwd);
    for (const p of r.problems) problems.push({ file, code: p.code, severity: p.severity, message: p.message, range: p.range });
  });
  const out = formatReport(args.format, problems, checked, cwd);
  if (out) process.stdout.write(`${out}\n`);
  return problems.some((p) => p.severity === 'error') ? 1 : 0;
}

/** The SDK's notices about Node versions and abort listeners are not the user's business in CI logs. */
function quietSdkWarnings(): void {
  const emit = process.emitWarning.bind(process) as (...a: unknown[]) => void;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const text = typeof warning === 'string' ? `${warning} ${JSON.stringify(rest)}` : `${warning.name} ${warning.message}`;
    if (/NodeVersionSupportWarning|MaxListenersExceeded/.test(text)) return;
    emit(warning, ...rest);
  }) as typeof process.emitWarning;
}

function main(): void {
  quietSdkWarnings();
  const parsed = parseArgs(process.argv.slice(2));
  if ('help' in parsed) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  if ('error' in parsed) {
    process.stderr.write(`proton-spec: ${parsed.error}\n${USAGE}\n`);
    process.exit(2);
  }
  run(parsed.args).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`proton-spec: ${(err as Error)?.message ?? String(err)}\n`);
      process.exit(2);
    },
  );
}

main();
