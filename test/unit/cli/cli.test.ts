// proton-spec (design §5) as CI runs it: dist/cli.js spawned against the emulator with the demo seed and the demo
// workspace; exit codes, the JSON/SARIF/GitHub formats, folders and globs, and the local-only mode.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROBLEM_CODES } from '../../../src/core/problems';
import { REPO_ROOT, useEmulator } from '../helpers/emulator';

const CLI = join(REPO_ROOT, 'dist', 'cli.js');
const WORKSPACE = join(REPO_ROOT, 'demo', 'workspace');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], cwd = WORKSPACE): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, AWS_PROFILE: '', AWS_REGION: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('proton-spec check against the emulator (demo seed)', () => {
  const suite = useEmulator(['--seed', join(REPO_ROOT, 'demo', 'seed.yaml')]);

  test('a clean spec exits 0', async () => {
    const r = await cli(['check', 'services/nightly-reports/prod.yaml', '--endpoint', suite.emu.url, '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).filter((p: { severity: string }) => p.severity === 'error'), []);
    assert.equal(r.stderr, '');
  });

  test('a broken spec exits 1 with the problems as JSON (§5 shape, 0-based ranges)', async () => {
    const r = await cli(['check', 'services/email-sender/spec.yaml', '--endpoint', suite.emu.url, '--format', 'json']);
    assert.equal(r.code, 1, r.stderr);
    const problems = JSON.parse(r.stdout) as { file: string; code: string; severity: string; message: string; range: unknown }[];
    const errors = problems.filter((p) => p.severity === 'error');
    assert.deepEqual(errors.map((p) => [p.file, p.code, p.range]), [
      ['services/email-sender/spec.yaml', 'input-enum', { start: { line: 14, character: 17 }, end: { line: 14, character: 24 } }],
      ['services/email-sender/spec.yaml', 'input-range', { start: { line: 23, character: 25 }, end: { line: 23, character: 26 } }],
    ]);
    assert.match(errors[0].message, /"task_size" must be one of "x-small", "small", "medium"; got "large" \(queue-worker 1\.1, the current version\)/);
    for (const p of problems) assert.deepEqual(Object.keys(p), ['file', 'code', 'severity', 'message', 'range']);
  });

  test('a folder expands to its spec files; text output ends with a summary', async () => {
    const r = await cli(['check', '.', '--endpoint', suite.emu.url]);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^services\/email-sender\/spec\.yaml:15:18: error input-enum: /m);
    assert.match(r.stdout, /\d+ problems \(2 errors, \d+ warnings?, \d+ info\) in 10 spec files$/m);
  });

  test('--format github prints workflow commands (1-based)', async () => {
    const r = await cli(['check', 'services/email-sender', '--endpoint', suite.emu.url, '--format', 'github']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^::error file=services\/email-sender\/spec\.yaml,line=15,col=18,endLine=15,endColumn=25,title=input-enum::"task_size" must be one of/m);
    assert.match(r.stdout, /^::notice file=.*title=version-update-available::/m);
  });

  test('--format sarif: SARIF 2.1.0, one rule per problem code with its help link', async () => {
    const r = await cli(['check', 'services/**/spec.yaml', '--endpoint', suite.emu.url, '--format', 'sarif']);
    assert.equal(r.code, 1);
    const log = JSON.parse(r.stdout);
    assert.equal(log.version, '2.1.0');
    const run = log.runs[0];
    assert.deepEqual(run.tool.driver.rules.map((x: { id: string }) => x.id), PROBLEM_CODES);
    assert.equal(run.tool.driver.rules[0].helpUri, 'https://github.com/vscode-proton/vscode-proton#yaml-syntax');
    const enumResult = run.results.find((x: { ruleId: string }) => x.ruleId === 'input-enum');
    assert.equal(run.tool.driver.rules[enumResult.ruleIndex].id, 'input-enum');
    assert.deepEqual(enumResult.locations[0].physicalLocation, {
      artifactLocation: { uri: 'services/email-sender/spec.yaml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 15, startColumn: 18, endLine: 15, endColumn: 25 },
    });
  });

  test('a version-combination error in a directive', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proton-spec-'));
    try {
      cpSync(join(WORKSPACE, 'services', 'nightly-reports', 'prod.yaml'), join(dir, 'prod.yaml'));
      const text = `# proton-update: serviceName=nightly-reports name=prod deploymentType=MINOR_VERSION templateMajorVersion=2\n`;
      writeFileSync(join(dir, 'bad.yaml'), text + 'proton: ServiceSpec\ninstances: []\n');
      const r = await cli(['check', 'bad.yaml', '--endpoint', suite.emu.url, '--format', 'json'], dir);
      assert.equal(r.code, 1);
      const codes = JSON.parse(r.stdout).map((p: { code: string }) => p.code);
      assert.ok(codes.includes('version-major-mismatch'), codes.join());
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('an unreachable endpoint exits 2 with a one-line reason', async () => {
    const r = await cli(['check', 'services/email-sender', '--endpoint', 'http://127.0.0.1:9', '--format', 'json']);
    assert.equal(r.code, 2);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /^proton-spec: cannot read Proton at http:\/\/127\.0\.0\.1:9: /);
    // What to check is the CLI's own flag, not the VS Code setting.
    assert.match(r.stderr, /check --endpoint/);
    assert.doesNotMatch(r.stderr, /proton\.endpoint/);
  });
});

describe('proton-spec check without Proton', () => {
  test('no endpoint: local checks only, said on stderr; the deliberate input mistakes need Proton, so exit 0', async () => {
    const r = await cli(['check', 'services', '--format', 'json']);
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.stdout), []);
    assert.match(r.stderr, /ran the local checks only; the Proton checks .* were skipped/);
  });

  test('local errors exit 1 without Proton; files named explicitly are checked even when not specs', async () => {
    const r = await cli(['check', join(REPO_ROOT, 'test', 'fixtures', 'spec-corpus', 'syntax-tabs.yaml'), join(REPO_ROOT, 'package.json'), '--format', 'json']);
    assert.equal(r.code, 1);
    const codes = JSON.parse(r.stdout).map((p: { code: string }) => p.code);
    assert.ok(codes.includes('yaml-syntax'));
    assert.ok(codes.includes('not-service-spec'));
  });

  test('a folder skips other YAML with a `proton:` key (a Helm values file), but not a typo of ServiceSpec', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'proton-cli-folder-'));
    try {
      writeFileSync(join(dir, 'values.yaml'), 'proton: enabled\ninstances:\n  - name: eu-1\n');
      writeFileSync(join(dir, 'typo.yaml'), 'proton: ServiceSpc\ninstances: []\n');
      writeFileSync(join(dir, 'spec.yaml'), 'proton: ServiceSpec\ninstances:\n  - {name: a, environment: dev, spec: {}}\n');
      const r = await cli(['check', '.', '--format', 'json'], dir);
      assert.equal(r.code, 1);
      assert.deepEqual(JSON.parse(r.stdout).map((p: { file: string; code: string }) => [p.file, p.code]), [['typo.yaml', 'not-service-spec']]);
      const text = await cli(['check', '.'], dir);
      assert.match(text.stdout, /in 2 spec files$/m);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('usage errors exit 2', async () => {
    assert.equal((await cli(['lint'])).code, 2);
    assert.equal((await cli(['check', '--format', 'xml'])).code, 2);
    const missing = await cli(['check', 'nope/*.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no files match nope\/\*\.yaml/);
    assert.equal((await cli(['--help'])).code, 0);
  });
});
