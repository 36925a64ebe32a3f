// The command line of proton-spec (design §5): `proton-spec check [FILES|DIRS|GLOBS...] [--endpoint URL]
// [--profile P] [--region R] [--format text|json|sarif|github]`.

export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type Format = (typeof FORMATS)[number];

export interface CliArgs {
  paths: string[];
  format: Format;
  endpoint?: string;
  profile?: string;
  region?: string;
}

export type Parsed = { args: CliArgs } | { help: true } | { error: string };

export const USAGE = `Usage: proton-spec check [FILES|DIRS|GLOBS...] [options]

Checks AWS Proton service spec files (YAML with "proton: ServiceSpec") with the same checker as the VS Code
extension's diagnostics. Folders and globs expand to the spec files inside them; with no path, the current folder.

Options:
  --format text|json|sarif|github   output format (default: text)
  --endpoint URL                    Proton endpoint (for example the local emulator's http://127.0.0.1:4566)
  --profile NAME                    AWS profile for the Proton checks
  --region REGION                   AWS Region for the Proton checks
  -h, --help                        show this help

Without --endpoint, --profile or --region only the local checks run (YAML, structure, directives); the checks
that need Proton (targets, versions, inputs against the template schema) are skipped, and stderr says so.

Exit status: 0 no errors, 1 errors found, 2 usage or connection failure.`;

export function parseArgs(argv: readonly string[]): Parsed {
  const rest = [...argv];
  if (rest.includes('-h') || rest.includes('--help')) return { help: true };
  const command = rest.shift();
  if (command !== 'check') return { error: command ? `unknown command "${command}" (the command is "check")` : 'missing the command "check"' };
  const args: CliArgs = { paths: [], format: 'text' };
  while (rest.length) {
    const a = rest.shift() as string;
    const eq = a.startsWith('--') ? a.indexOf('=') : -1;
    const name = eq > 0 ? a.slice(0, eq) : a;
    const takeValue = (): string | undefined => (eq > 0 ? a.slice(eq + 1) : rest.shift());
    switch (name) {
      case '--format': {
        const v = takeValue();
        if (!FORMATS.includes(v as Format)) return { error: `--format must be one of ${FORMATS.join(', ')}; got ${v ?? 'nothing'}` };
        args.format = v as Format;
        break;
      }
      case '--endpoint':
      case '--profile':
      case '--region': {
        const v = takeValue();
        if (!v || v.startsWith('--')) return { error: `${name} needs a value` };
        args[name.slice(2) as 'endpoint' | 'profile' | 'region'] = v;
        break;
      }
      default:
        if (a.startsWith('-') && a !== '-') return { error: `unknown option ${a}` };
        args.paths.push(a);
    }
  }
  if (args.endpoint) {
    try {
      const u = new URL(args.endpoint);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new Error('not http');
    } catch {
      return { error: `--endpoint must be an http(s) URL; got ${args.endpoint}` };
    }
  }
  if (!args.paths.length) args.paths.push('.');
  return { args };
}
