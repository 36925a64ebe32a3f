// Spec diagnostics in the real extension host against the emulator (demo seed): each kind of problem appears in
// the "Proton" collection with its code and README link, a quick fix applied through executeCodeActionProvider
// removes its problem, completion offers the schema's inputs and enum values, and typing makes no Proton request.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { ProtonExtensionApi } from '../../../src/extension';
import { extensionApi, REPO_ROOT, setUserSettings, startTestEmulator, waitFor, type TestEmulator } from '../helpers/proton';

const codeOf = (d: vscode.Diagnostic): string => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Resolves with the document's diagnostics once `ready` holds for them (checked on every diagnostics change). */
function diagnosticsWhen(uri: vscode.Uri, ready: (ds: vscode.Diagnostic[]) => boolean, what: string, ms = 20_000): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (ready(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const ds = vscode.languages.getDiagnostics(uri);
      if (!ready(ds)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(ds);
    });
    const timer = setTimeout(() => {
      sub.dispose();
      const got = vscode.languages.getDiagnostics(uri).map((d) => `${codeOf(d)}: ${d.message}`).join('\n  ');
      reject(new Error(`timed out after ${ms} ms waiting for ${what}; diagnostics now:\n  ${got}`));
    }, ms);
  });
}

const hasCode = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);

const SPEC = (name: string, inputs: string, env = name) =>
  `proton: ServiceSpec\ninstances:\n  - name: ${name}\n    environment: ${env}\n    spec:\n${inputs}`;

const QUEUE = '      image: "123456789012.dkr.ecr.us-east-1.amazonaws.com/email-sender:2.4.0"\n      worker_count: 1\n';

describe('Spec diagnostics', function () {
  this.timeout(120_000);
  let api: ProtonExtensionApi;
  let emulator: TestEmulator;
  let restore: () => Promise<void>;
  let dir: string;
  let n = 0;

  /** Writes a spec file outside the workspace and opens it in an editor. */
  async function open(text: string): Promise<vscode.TextDocument> {
    const file = join(dir, `spec-${++n}.yaml`);
    writeFileSync(file, text);
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(file));
    await vscode.window.showTextDocument(doc);
    return doc;
  }

  before(async () => {
    api = await extensionApi();
    dir = mkdtempSync(join(tmpdir(), 'proton-diag-'));
    emulator = await startTestEmulator(['--seed', join(REPO_ROOT, 'demo', 'seed.yaml')]);
    restore = await setUserSettings({ endpoint: emulator.url, profile: undefined, region: undefined });
    await waitFor(api, () => api.connection.state.connection?.endpoint === emulator.url, 'the connection to the emulator');
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restore();
    await emulator.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const kinds: [string, string, string][] = [
    ['yaml-syntax', 'proton: ServiceSpec\ninstances: [\n', 'YAML syntax'],
    ['not-service-spec', 'proton: EnvironmentSpec\ninstances: []\n', 'must be ServiceSpec'],
    ['directive-invalid', `# proton-update: serviceName=email-sender nmae=dev\n${SPEC('dev', QUEUE)}`, 'did you mean "name"'],
    ['target-not-found', `# proton-update: serviceName=email-sender name=nope\n${SPEC('nope', QUEUE)}`, 'has no instance "nope"'],
    ['target-not-in-spec', `# proton-update: serviceName=email-sender name=prod\n${SPEC('dev', QUEUE)}`, 'no entry named "prod"'],
    ['version-major-mismatch', `# proton-update: serviceName=nightly-reports name=prod deploymentType=MINOR_VERSION templateMajorVersion=2\nproton: ServiceSpec\ninstances:\n  - name: prod\n    environment: prod\n    spec:\n      image: "x"\n      schedule_expression: "cron(0 3 * * ? *)"\n`, 'keeps the major version 1'],
    ['instance-busy', `# proton-update: serviceName=checkout-api name=staging deploymentType=CURRENT_VERSION\n${SPEC('staging', '      image: "x"\n')}`, 'IN_PROGRESS'],
    ['input-enum', `# proton-update: serviceName=email-sender name=dev\n${SPEC('dev', `${QUEUE}      task_size: "large"\n`)}`, 'must be one of "x-small", "small", "medium"; got "large"'],
    ['input-unknown', `# proton-update: serviceName=email-sender name=dev\n${SPEC('dev', `${QUEUE}      colour: red\n`)}`, 'is not an input'],
  ];
  for (const [code, text, message] of kinds) {
    it(`shows ${code} with its source, code link and message`, async () => {
      const doc = await open(text);
      const ds = await diagnosticsWhen(doc.uri, hasCode(code), code);
      const d = ds.find((x) => codeOf(x) === code) as vscode.Diagnostic;
      assert.equal(d.source, 'Proton');
      assert.ok(d.message.includes(message), d.message);
      assert.equal(typeof d.code === 'object' && d.code.target.toString(), `https://github.com/vscode-proton/vscode-proton#${code}`);
    });
  }

  it('a proton-ops.yaml in the workspace maps a spec (the demo email-sender and its two deliberate mistakes)', async () => {
    const root = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath as string;
    const sub = join(root, `ops-${Date.now()}`);
    mkdirSync(join(sub, 'services', 'email-sender'), { recursive: true });
    try {
      const demo = join(REPO_ROOT, 'demo', 'workspace');
      writeFileSync(join(sub, 'services', 'email-sender', 'spec.yaml'), readFileSync(join(demo, 'services', 'email-sender', 'spec.yaml')));
      writeFileSync(join(sub, 'proton-ops.yaml'), readFileSync(join(demo, 'proton-ops.yaml')));
      const doc = await vscode.workspace.openTextDocument(vscode.Uri.file(join(sub, 'services', 'email-sender', 'spec.yaml')));
      await vscode.window.showTextDocument(doc);
      const ds = await diagnosticsWhen(doc.uri, (x) => hasCode('input-enum')(x) && hasCode('input-range')(x), 'input-enum and input-range');
      const errors = ds.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).map((d) => [codeOf(d), doc.getText(d.range)]);
      assert.deepEqual(errors, [['input-enum', '"large"'], ['input-range', '0']]);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      rmSync(sub, { recursive: true, force: true });
    }
  });

  it('a quick fix from executeCodeActionProvider removes its problem', async () => {
    const doc = await open(kinds.find(([c]) => c === 'version-major-mismatch')?.[1] as string);
    const [diag] = (await diagnosticsWhen(doc.uri, hasCode('version-major-mismatch'), 'the mismatch')).filter((d) => codeOf(d) === 'version-major-mismatch');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred);
    assert.ok(fix?.edit, `a preferred fix among ${actions.map((a) => a.title).join(', ')}`);
    assert.equal(fix.title, 'Set templateMajorVersion to 1, the current major version');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await diagnosticsWhen(doc.uri, (ds) => !hasCode('version-major-mismatch')(ds), 'the mismatch to go');
    assert.match(doc.lineAt(0).text, /templateMajorVersion=1$/);
  });

  it('an enum quick fix replaces the value and clears input-enum', async () => {
    const doc = await open(kinds.find(([c]) => c === 'input-enum')?.[1] as string);
    const [diag] = (await diagnosticsWhen(doc.uri, hasCode('input-enum'), 'input-enum')).filter((d) => codeOf(d) === 'input-enum');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    assert.deepEqual(actions.map((a) => a.title), ['Change to x-small', 'Change to small', 'Change to medium']);
    assert.ok(await vscode.workspace.applyEdit(actions[2].edit as vscode.WorkspaceEdit));
    await diagnosticsWhen(doc.uri, (ds) => !hasCode('input-enum')(ds), 'input-enum to go');
    assert.ok(doc.getText().includes('task_size: "medium"'));
  });

  it('completion offers the schema inputs and enum values', async () => {
    const doc = await open(`# proton-update: serviceName=email-sender name=dev\n${SPEC('dev', `${QUEUE}      task_size: \n      \n`)}`);
    await diagnosticsWhen(doc.uri, () => api.cache.versionDetail('queue-worker', '1', '1') !== undefined, 'the schema of queue-worker 1.1');
    const last = doc.lineCount - 2;
    const names = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(last, 6));
    const labels = names.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const input of ['queue_visibility_timeout', 'max_receive_count']) assert.ok(labels.includes(input), `${input} in ${labels.join(', ')}`);
    for (const present of ['image', 'task_size']) assert.ok(!labels.includes(present), `${present}, already present, is not offered`);
    const values = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, new vscode.Position(last - 1, 17));
    const vlabels = values.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const v of ['x-small', 'small', 'medium']) assert.ok(vlabels.includes(v), `${v} in ${vlabels.join(', ')}`);
  });

  it('closing the document clears its diagnostics (an untitled spec, which closes with its editor)', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: 'proton: ServiceSpec\ninstances: [\n' });
    await vscode.window.showTextDocument(doc);
    await diagnosticsWhen(doc.uri, hasCode('yaml-syntax'), 'yaml-syntax');
    const closed = new Promise<void>((resolve) => {
      const sub = vscode.workspace.onDidCloseTextDocument((d) => {
        if (d.uri.toString() !== doc.uri.toString()) return;
        sub.dispose();
        resolve();
      });
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await closed;
    await diagnosticsWhen(doc.uri, (ds) => ds.length === 0, 'the diagnostics to go with the document');
  });

  it('proton.diagnostics.run "off" clears the diagnostics and "onType" brings them back', async () => {
    const doc = await open('proton: EnvironmentSpec\ninstances: []\n');
    await diagnosticsWhen(doc.uri, hasCode('not-service-spec'), 'not-service-spec');
    const config = vscode.workspace.getConfiguration('proton');
    await config.update('diagnostics.run', 'off', vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsWhen(doc.uri, (ds) => ds.length === 0, 'no diagnostics');
    } finally {
      await config.update('diagnostics.run', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(doc.uri, hasCode('not-service-spec'), 'the diagnostics again');
  });

  it('a connection change re-checks: without Proton data only the local checks remain', async () => {
    const doc = await open(kinds.find(([c]) => c === 'input-enum')?.[1] as string);
    await diagnosticsWhen(doc.uri, hasCode('input-enum'), 'input-enum');
    await vscode.workspace.getConfiguration('proton').update('endpoint', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
    try {
      await diagnosticsWhen(doc.uri, (ds) => !hasCode('input-enum')(ds), 'the Proton checks to go with the connection');
    } finally {
      await vscode.workspace.getConfiguration('proton').update('endpoint', emulator.url, vscode.ConfigurationTarget.Global);
    }
    await diagnosticsWhen(doc.uri, hasCode('input-enum'), 'input-enum with the emulator again');
  });

  it('typing 100 edits makes no Proton request', async () => {
    const doc = await open(`# proton-update: serviceName=email-sender name=dev\n${SPEC('dev', `${QUEUE}      task_size: "small"\n`)}`);
    await diagnosticsWhen(doc.uri, hasCode('version-update-available'), 'the first full check');
    // The tree's poller re-reads in-flight instances with a filtered listing; that is not the checker's.
    const checkerCalls = async () => (await emulator.calls()).filter((c) => !(c.operation === 'ListServiceInstances' && c.input.filters)).length;
    const before = await checkerCalls();
    const editor = vscode.window.activeTextEditor as vscode.TextEditor;
    const line = doc.lineAt(doc.lineCount - 2); // task_size: "small"
    const at = new vscode.Position(line.lineNumber, line.text.lastIndexOf('"'));
    let published = -1;
    let onFinal: (() => void) | undefined;
    const sub = api.specs.diagnostics.onDidPublish((p) => {
      if (p.uri.toString() !== doc.uri.toString()) return;
      published = p.version;
      if (published === doc.version) onFinal?.();
    });
    for (let i = 0; i < 100; i++) {
      assert.ok(await editor.edit((e) => e.insert(at.translate(0, i), String(i % 10))));
    }
    // The debounced check of the last version (never sooner than 300 ms after the last edit).
    if (published !== doc.version) await new Promise<void>((resolve) => (onFinal = resolve));
    sub.dispose();
    const enumProblem = vscode.languages.getDiagnostics(doc.uri).find((d) => codeOf(d) === 'input-enum');
    assert.match(enumProblem?.message ?? '', /got "small0123456789/);
    assert.equal(await checkerCalls(), before);
  });
});
