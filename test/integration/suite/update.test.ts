// "Proton: Update Service Instance…" in the real extension host against the emulator: every deploymentType end to
// end (the exact UpdateServiceInstance input Proton received), every refusal sending nothing, submit-once under a
// dropped connection and under throttling, and the FAILED and CANCELLED outcomes. Prompts are answered by a
// scripted fake window (helpers/fakeWindow.ts); each test updates its own instance of test/fixtures/seeds/update.yaml.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { FakeWindow, type Prompt, type Script } from '../helpers/fakeWindow';
import { seedFile, startTestEmulator, THROTTLE_FIRST_REQUEST, useEndpoint, type CallRecord, type TestEmulator } from '../helpers/proton';
import { startDroppingProxy } from '../helpers/droppingProxy';

const SEED = seedFile('update.yaml');
const COMMAND = 'proton.updateServiceInstance';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

interface Run {
  outcomes: { serviceName: string; name: string; result: string; input?: Record<string, unknown> }[];
}

let emu: TestEmulator;
let ui: FakeWindow | undefined;
const dir = mkdtempSync(join(tmpdir(), 'proton-update-it-'));

function specText(name: string, opts: { directive?: string; image?: string; size?: string } = {}): string {
  const directive = opts.directive ?? `# proton-update: serviceName=shop name=${name}`;
  return `${directive ? `${directive}\n` : ''}proton: ServiceSpec\ninstances:\n  - name: ${name}\n    environment: dev\n    spec:\n      image: "${opts.image ?? 'nginx:1.27'}"\n      size: ${opts.size ?? 'small'}\n`;
}

function specFile(file: string, text: string): vscode.Uri {
  const path = join(dir, file);
  writeFileSync(path, text);
  return vscode.Uri.file(path);
}

/** Answers: the deploymentType pick, the version pick, the confirmation and the checker gate. */
function answers(a: { type?: string; version?: string; confirm?: string; gate?: string; instance?: string; record?: string; cancel?: string }): Script {
  return (p: Prompt) => {
    if (p.kind === 'pick') {
      if (p.title.includes('deployment type')) return a.type;
      if (p.title.includes('to which version')) return a.version;
      if (p.title.includes('which instance')) return a.instance;
      return undefined;
    }
    if (p.modal && p.items.includes('Deploy')) return a.confirm;
    if (p.modal && p.items.includes('Update Spec')) return a.confirm;
    if (p.modal && p.items.includes('Submit Anyway')) return a.gate;
    if (p.modal && p.items.includes('Stop Watching')) return a.cancel;
    if (p.items.includes('Add Directive')) return a.record;
    return undefined;
  };
}

async function run(script: Script, ...args: unknown[]): Promise<Run> {
  ui = new FakeWindow(script).install();
  return (await vscode.commands.executeCommand(COMMAND, ...args)) as Run;
}

async function updates(name: string): Promise<CallRecord[]> {
  return (await emu.calls()).filter((c) => c.operation === 'UpdateServiceInstance' && c.input.name === name);
}

async function deployments(e: TestEmulator, name: string): Promise<unknown[]> {
  const r = await e.call<{ deployments: unknown[] }>('ListDeployments', { serviceName: 'shop', serviceInstanceName: name });
  return r.deployments;
}

async function instance(e: TestEmulator, name: string): Promise<Record<string, string>> {
  return (await e.call<{ serviceInstance: Record<string, string> }>('GetServiceInstance', { serviceName: 'shop', name })).serviceInstance;
}

describe('Update Service Instance', function () {
  this.timeout(60_000);

  before(async () => {
    emu = await startTestEmulator(['--seed', SEED, '--deploy-ms', '1500']);
    await vscode.extensions.getExtension('vscode-proton.vscode-proton')!.activate();
    await useEndpoint(emu.url);
  });

  afterEach(async () => {
    ui?.restore();
    ui = undefined;
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  after(async () => {
    await vscode.workspace.getConfiguration('proton').update('endpoint', undefined, vscode.ConfigurationTarget.Global);
    await emu?.stop();
  });

  it('CURRENT_VERSION: offers all four types with what each does, submits the spec once with a client token, follows to SUCCEEDED', async () => {
    const text = specText('current');
    const r = await run(answers({ type: 'CURRENT_VERSION', confirm: 'Deploy' }), specFile('current.yaml', text));
    assert.deepEqual(r.outcomes.map((o) => o.result), ['SUCCEEDED']);
    const typePick = ui!.picks()[0];
    assert.deepEqual(typePick.items, ['NONE', 'CURRENT_VERSION', 'MINOR_VERSION', 'MAJOR_VERSION']);
    assert.equal(typePick.active, 'CURRENT_VERSION');
    assert.deepEqual(typePick.details, {
      NONE: 'metadata only, no deployment: the spec is stored, v1.1 keeps running',
      CURRENT_VERSION: 'redeploy the spec on v1.1',
      MINOR_VERSION: 'v1.1 → v1.2 (recommended)',
      MAJOR_VERSION: 'v1.1 → v2.1 (recommended major)',
    });
    const confirm = ui!.messages('warning').find((m) => m.modal)!;
    assert.equal(confirm.title, 'Deploy to service instance shop/current?');
    assert.equal(confirm.detail, [
      `Connection: Proton emulator · us-east-1 · ${emu.url}`,
      'Service: shop', 'Instance: current', 'Deployment type: CURRENT_VERSION', 'Version: stays on v1.1 (redeployed)', 'Spec: current.yaml',
    ].join('\n'));
    assert.deepEqual(confirm.items, ['Deploy', 'Show Diff']);
    const sent = await updates('current');
    assert.equal(sent.length, 1);
    const { clientToken, ...input } = sent[0].input;
    assert.match(String(clientToken), UUID);
    assert.deepEqual(input, { serviceName: 'shop', name: 'current', deploymentType: 'CURRENT_VERSION', spec: text });
    assert.equal((await instance(emu, 'current')).deploymentStatus, 'SUCCEEDED');
    assert.ok(ui!.messages('info').some((m) => m.title === 'Deployed shop/current: it runs v1.1.'));
  });

  it('MINOR_VERSION: versions recommended first (no DRAFT), sends the unsaved text, lands on the chosen minor', async () => {
    const uri = specFile('minor.yaml', specText('minor'));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    const edit = new vscode.WorkspaceEdit();
    const at = doc.getText().indexOf('nginx:1.27');
    edit.replace(uri, new vscode.Range(doc.positionAt(at), doc.positionAt(at + 'nginx:1.27'.length)), 'nginx:1.28');
    await vscode.workspace.applyEdit(edit);
    assert.ok(doc.isDirty);
    const r = await run(answers({ type: 'MINOR_VERSION', version: 'v1.2', confirm: 'Deploy' }));
    assert.deepEqual(r.outcomes.map((o) => o.result), ['SUCCEEDED']);
    const versionPick = ui!.picks()[1];
    assert.deepEqual(versionPick.items, ['v1.2', 'v1.1']);
    assert.equal(versionPick.active, 'v1.2');
    assert.equal(versionPick.details['v1.2'], 'Minor with faster health checks');
    const confirm = ui!.messages('warning').find((m) => m.modal)!;
    assert.match(confirm.detail!, /^Version: v1\.0 → v1\.2$/m);
    assert.match(confirm.detail!, /^Spec: minor\.yaml \(unsaved changes included\)$/m);
    const [sent] = await updates('minor');
    const { clientToken: _t, ...input } = sent.input;
    assert.deepEqual(input, { serviceName: 'shop', name: 'minor', deploymentType: 'MINOR_VERSION', templateMinorVersion: '2', spec: doc.getText() });
    assert.match(String(input.spec), /nginx:1\.28/);
    const after = await instance(emu, 'minor');
    assert.deepEqual([after.deploymentStatus, after.templateMajorVersion, after.templateMinorVersion], ['SUCCEEDED', '1', '2']);
  });

  it('MAJOR_VERSION: the directive\'s type and version preselected, higher compatible majors only, both parts sent', async () => {
    const directive = '# proton-update: serviceName=shop name=major deploymentType=MAJOR_VERSION templateMajorVersion=2 templateMinorVersion=0';
    const r = await run(answers({ type: 'MAJOR_VERSION', version: 'v2.1', confirm: 'Deploy' }), specFile('major.yaml', specText('major', { directive })));
    assert.deepEqual(r.outcomes.map((o) => o.result), ['SUCCEEDED']);
    assert.equal(ui!.picks()[0].active, 'MAJOR_VERSION');
    assert.deepEqual(ui!.picks()[1].items, ['v2.1', 'v2.0']);
    assert.equal(ui!.picks()[1].active, 'v2.0');
    const [sent] = await updates('major');
    assert.equal(sent.input.deploymentType, 'MAJOR_VERSION');
    assert.deepEqual([sent.input.templateMajorVersion, sent.input.templateMinorVersion], ['2', '1']);
    const after = await instance(emu, 'major');
    assert.deepEqual([after.templateMajorVersion, after.templateMinorVersion], ['2', '1']);
  });

  it('NONE: stores the spec, no versions, no deployment', async () => {
    const text = specText('none');
    const r = await run(answers({ type: 'NONE', confirm: 'Update Spec' }), specFile('none.yaml', text));
    assert.deepEqual(r.outcomes.map((o) => o.result), ['SUCCEEDED']);
    const [sent] = await updates('none');
    const { clientToken: _t, ...input } = sent.input;
    assert.deepEqual(input, { serviceName: 'shop', name: 'none', deploymentType: 'NONE', spec: text });
    assert.deepEqual(await deployments(emu, 'none'), []);
    assert.ok(ui!.messages('info').some((m) => /nothing deployed \(NONE\)/.test(m.title)));
  });

  it('an untitled document works, and says its text is unsaved', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'yaml', content: specText('untitled') });
    await vscode.window.showTextDocument(doc);
    const r = await run(answers({ type: 'CURRENT_VERSION', confirm: 'Deploy' }));
    assert.deepEqual(r.outcomes.map((o) => o.result), ['SUCCEEDED']);
    assert.match(ui!.messages('warning').find((m) => m.modal)!.detail!, /^Spec: Untitled-\d+ \(unsaved changes included\)$/m);
    assert.equal((await updates('untitled'))[0].input.spec, doc.getText());
  });

  it('no target in the file: asks (the spec\'s names first), then offers once to record the directive', async () => {
    // Two known instances named in the file: rule 3 (a unique name) does not apply, so the command asks.
    const text = specText('picked', { directive: '' }) + specText('picked2', { directive: '' }).split('instances:\n')[1];
    const uri = specFile('picked.yaml', text);
    const r = await run(answers({ instance: 'shop/picked', type: 'CURRENT_VERSION', confirm: 'Deploy', record: 'Add Directive' }), uri);
    assert.deepEqual(r.outcomes.map((o) => [o.name, o.result]), [['picked', 'SUCCEEDED']]);
    const which = ui!.picks()[0];
    assert.deepEqual(which.items.slice(0, 2), ['shop/picked', 'shop/picked2']);
    assert.ok(which.items.length > 10);
    assert.match(readFileSync(uri.fsPath, 'utf8'), /^# proton-update: serviceName=shop name=picked\nproton: ServiceSpec/);
  });

  it('the CodeLens\'s (uri, {serviceName, name}) updates that target of a file with several, without asking which', async () => {
    const text = `# proton-update: serviceName=shop name=lens\n# proton-update: serviceName=shop name=none\n${specText('lens', { directive: '' })}`;
    const r = await run(answers({ type: 'CURRENT_VERSION', confirm: 'Deploy' }), specFile('lens.yaml', text), { serviceName: 'shop', name: 'lens' });
    assert.deepEqual(r.outcomes.map((o) => [o.name, o.result]), [['lens', 'SUCCEEDED']]);
    assert.ok(!ui!.picks().some((p) => p.title.includes('which instance')));
    assert.equal((await updates('lens')).length, 1);
  });

  it('several targets: "All 2, one after another" updates each in turn, each with its own token', async () => {
    const both = specText('all1', { directive: '# proton-update: serviceName=shop name=all1\n# proton-update: serviceName=shop name=all2' }) +
      specText('all2', { directive: '' }).split('instances:\n')[1];
    const r = await run(answers({ instance: 'All 2, one after another', type: 'CURRENT_VERSION', confirm: 'Deploy' }), specFile('all.yaml', both));
    assert.deepEqual(r.outcomes.map((o) => [o.name, o.result]), [['all1', 'SUCCEEDED'], ['all2', 'SUCCEEDED']]);
    assert.deepEqual(ui!.picks().map((p) => p.title), [
      'Update from all.yaml: which instance',
      '(1/2) Update shop/all1: deployment type',
      '(2/2) Update shop/all2: deployment type',
    ]);
    const [a, b] = [(await updates('all1'))[0], (await updates('all2'))[0]];
    assert.notEqual(a.input.clientToken, b.input.clientToken);
    assert.ok(a.at < b.at);
    assert.ok(ui!.messages('info').some((m) => m.title === 'All 2 instances updated: shop/all1, shop/all2.'), 'a closing summary');
  });

  it('from the tree with no spec open or mapped: asks for the spec file (Browse…), then updates that instance', async () => {
    const uri = specFile('asked.yaml', specText('asked', { directive: '' }));
    const w = vscode.window as unknown as Record<string, unknown>;
    const realDialog = vscode.window.showOpenDialog;
    w.showOpenDialog = async () => [uri];
    try {
      const script = answers({ type: 'CURRENT_VERSION', confirm: 'Deploy' });
      const node = { kind: 'instance', instance: { serviceName: 'shop', name: 'asked' } };
      const r = await run((p) => (p.title.includes('which spec file') ? 'Browse…' : script(p)), node);
      assert.deepEqual(r.outcomes.map((o) => [o.name, o.result]), [['asked', 'SUCCEEDED']]);
      assert.equal(ui!.picks()[0].title, 'Update shop/asked: which spec file');
      assert.equal((await updates('asked'))[0].input.spec, readFileSync(uri.fsPath, 'utf8'));
    } finally {
      w.showOpenDialog = realDialog;
    }
  });

  describe('refusals send nothing', () => {
    it('a busy instance: says why, asks nothing', async () => {
      const r = await run(answers({ type: 'CURRENT_VERSION', confirm: 'Deploy' }), specFile('busy.yaml', specText('busy')));
      assert.deepEqual(r.outcomes.map((o) => o.result), ['refused']);
      assert.equal(ui!.picks().length, 0);
      assert.ok(ui!.messages('warning').some((m) => m.title === 'Service instance shop/busy is IN_PROGRESS: a deployment is in progress — wait or cancel it.'));
      assert.deepEqual(await updates('busy'), []);
    });

    it('a deploymentType that cannot apply says why and cannot be chosen (no compatible major); on the newest minor, MINOR_VERSION rolls back', async () => {
      const text = specText('stuck').replace('environment: dev', 'environment: old');
      let tries = 0;
      const r = await run((p) => {
        if (p.kind !== 'pick') return undefined;
        tries++;
        return tries === 1 ? 'MAJOR_VERSION' : tries === 2 ? 'MINOR_VERSION' : undefined;
      }, specFile('stuck.yaml', text));
      assert.deepEqual(r.outcomes.map((o) => o.result), ['cancelled']);
      const [first, second, third] = ui!.picks();
      assert.equal(first.details.MINOR_VERSION, 'roll back to an older minor: v1.2 is the newest published minor of major 1');
      assert.match(second.placeholder!, /^MAJOR_VERSION cannot be chosen: .*not compatible with environment old/);
      assert.match(third.title, /MINOR_VERSION to which version/);
      assert.deepEqual(third.items, ['v1.1', 'v1.0'], 'the older published minors, newest first');
      assert.deepEqual(await updates('stuck'), []);
    });

    it('a directive whose type cannot apply: the pick starts on CURRENT_VERSION, never on NONE', async () => {
      const directive = '# proton-update: serviceName=shop name=stuck deploymentType=MAJOR_VERSION';
      const text = specText('stuck', { directive }).replace('environment: dev', 'environment: old');
      const r = await run(() => undefined, specFile('stuck-major.yaml', text));
      assert.deepEqual(r.outcomes.map((o) => o.result), ['cancelled']);
      assert.equal(ui!.picks()[0].active, 'CURRENT_VERSION');
      assert.deepEqual(await updates('stuck'), []);
    });

    it('a directive naming a DRAFT version: never offered nor preselected (the recommended one is)', async () => {
      const directive = '# proton-update: serviceName=shop name=draft deploymentType=MINOR_VERSION templateMinorVersion=3';
      const r = await run(answers({ type: 'MINOR_VERSION' }), specFile('draft.yaml', specText('draft', { directive })));
      assert.deepEqual(r.outcomes.map((o) => o.result), ['cancelled']);
      const [typePick, versionPick] = ui!.picks();
      assert.equal(typePick.active, 'MINOR_VERSION');
      assert.deepEqual(versionPick.items, ['v1.2', 'v1.1']);
      assert.equal(versionPick.active, 'v1.2');
      assert.deepEqual(await updates('draft'), []);
    });

    it('a spec the checker rejects: the errors, "Open Problems" first, nothing sent', async () => {
      const uri = specFile('gate.yaml', specText('gate', { size: 'huge' }));
      const r = await run(answers({ type: 'CURRENT_VERSION', gate: 'Open Problems', confirm: 'Deploy' }), uri);
      assert.deepEqual(r.outcomes.map((o) => o.result), ['refused']);
      const gate = ui!.messages('error').find((m) => m.modal)!;
      assert.deepEqual(gate.items, ['Open Problems', 'Submit Anyway']);
      assert.match(gate.title, /^The spec has 1 error for shop\/gate on version 1\.0; Proton would refuse it\.$/);
      assert.match(gate.detail!, /input-enum/);
      assert.deepEqual(await updates('gate'), []);
      // The Problems panel it opens holds those errors, against the chosen type and version, on the value.
      const shown = vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'Proton update check');
      assert.deepEqual(shown.map((d) => [(d.code as { value: string }).value, d.range.start.line]), [['input-enum', 7]]);
      assert.match(shown[0].message, /\(update check: CURRENT_VERSION to 1\.0\)$/);
    });

    it('"Submit Anyway" sends it; Proton\'s validation message is shown', async () => {
      const r = await run(answers({ type: 'CURRENT_VERSION', gate: 'Submit Anyway', confirm: 'Deploy' }), specFile('gate2.yaml', specText('gate', { size: 'huge' })));
      assert.deepEqual(r.outcomes.map((o) => o.result), ['failed']);
      assert.equal((await updates('gate')).length, 1);
      assert.ok(ui!.messages('error').some((m) => /^Proton refused the update of shop\/gate: .*size/.test(m.title)));
    });

    it('a YAML file that is not a spec: refused with the reason, Problems opened', async () => {
      const before = (await emu.calls()).filter((c) => c.operation === 'UpdateServiceInstance').length;
      await run(() => undefined, specFile('other.yaml', 'foo: bar\n'));
      const errors = ui!.messages('error').map((m) => m.title);
      assert.ok(errors.some((m) => m === 'other.yaml is not a Proton service spec: it needs a top-level "proton: ServiceSpec".'), errors.join('\n'));
      assert.equal((await emu.calls()).filter((c) => c.operation === 'UpdateServiceInstance').length, before);
      assert.equal(ui!.picks().length, 0);
    });

    it('an unparsable spec is refused', async () => {
      await run(() => undefined, specFile('broken.yaml', 'proton: ServiceSpec\ninstances: [\n'));
      assert.match(ui!.messages('error')[0].title, /^broken\.yaml is not valid YAML, so it cannot be sent to Proton: /);
    });

    it('a dismissed QuickPick sends nothing and is not remembered; the type of a sent update is preselected next time', async () => {
      const uri = specFile('pickcancel.yaml', specText('pickcancel'));
      const first = await run(answers({ type: 'MINOR_VERSION' }), uri);
      assert.deepEqual(first.outcomes.map((o) => o.result), ['cancelled']);
      ui!.restore();
      const second = await run(answers({}), uri);
      assert.deepEqual(second.outcomes.map((o) => o.result), ['cancelled']);
      assert.equal(ui!.picks()[0].active, 'CURRENT_VERSION', 'the abandoned MINOR_VERSION is not "the last choice"');
      assert.deepEqual(await updates('pickcancel'), []);
      ui!.restore();
      const sent = await run(answers({ type: 'NONE', confirm: 'Update Spec' }), uri);
      assert.deepEqual(sent.outcomes.map((o) => o.result), ['SUCCEEDED']);
      ui!.restore();
      await run(answers({}), uri);
      assert.equal(ui!.picks()[0].active, 'NONE', 'the type last sent for this instance');
      assert.equal((await updates('pickcancel')).length, 1);
    });

    it('a declined confirmation (after Show Diff opened the deployed spec against this one)', async () => {
      let asked = 0;
      const script = answers({ type: 'CURRENT_VERSION' });
      const r = await run((p) => (p.modal && p.items.includes('Show Diff') ? (++asked === 1 ? 'Show Diff' : undefined) : script(p)), specFile('declined.yaml', specText('declined')));
      assert.deepEqual(r.outcomes.map((o) => o.result), ['declined']);
      assert.equal(asked, 2);
      const diffs = vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => t.input).filter((i) => i instanceof vscode.TabInputTextDiff);
      assert.equal(diffs.length, 1);
      assert.equal(diffs[0].original.scheme, 'proton-spec');
      assert.match(diffs[0].original.path, /shop\/declined\b.*deployed/);
      assert.equal(diffs[0].modified.path.split('/').pop(), 'declined.yaml');
      assert.deepEqual(await updates('declined'), []);
    });
  });

  it('a connection dropped after Proton accepted the request: retried with the same token, exactly one deployment', async () => {
    const proxy = await startDroppingProxy(emu.url, 'UpdateServiceInstance');
    try {
      await useEndpoint(proxy.url);
      const r = await run(answers({ type: 'CURRENT_VERSION', confirm: 'Deploy' }), specFile('dropped.yaml', specText('dropped')));
      assert.equal(proxy.dropped(), 1);
      assert.deepEqual(r.outcomes.map((o) => o.result), ['SUCCEEDED']);
      const sent = await updates('dropped');
      assert.ok(sent.length >= 2, `the request was sent again (${sent.length})`);
      assert.equal(new Set(sent.map((c) => c.input.clientToken)).size, 1);
      assert.equal((await deployments(emu, 'dropped')).length, 1);
    } finally {
      await useEndpoint(emu.url);
      await proxy.close();
    }
  });

  it('30% throttling: the update gets through with one token and exactly one deployment', async () => {
    const throttled = await startTestEmulator(['--seed', SEED, '--deploy-ms', '800', '--throttle-rate', '0.3', ...THROTTLE_FIRST_REQUEST]);
    try {
      await useEndpoint(throttled.url);
      const r = await run(answers({ type: 'MINOR_VERSION', version: 'v1.2', confirm: 'Deploy' }), specFile('throttled.yaml', specText('throttled')));
      assert.deepEqual(r.outcomes.map((o) => o.result), ['SUCCEEDED']);
      const calls = await throttled.calls();
      const sent = calls.filter((c) => c.operation === 'UpdateServiceInstance');
      assert.equal(new Set(sent.map((c) => c.input.clientToken)).size, 1);
      assert.ok(calls.some((c) => c.status === 429), 'the emulator throttled some requests');
      assert.equal((await deployments(throttled, 'throttled')).length, 1);
    } finally {
      await useEndpoint(emu.url);
      await throttled.stop();
    }
  });

  it('a FAILED deployment: Proton\'s status message and "Show Deployment History"', async () => {
    const r = await run(answers({ type: 'CURRENT_VERSION', confirm: 'Deploy' }), specFile('failing.yaml', specText('failing')));
    assert.deepEqual(r.outcomes.map((o) => o.result), ['FAILED']);
    const { deploymentStatusMessage } = await instance(emu, 'failing');
    const failed = ui!.messages('error').find((m) => m.title.startsWith('The deployment of shop/failing to v1.0 failed: '))!;
    assert.equal(failed.title, `The deployment of shop/failing to v1.0 failed: ${deploymentStatusMessage}`);
    assert.deepEqual(failed.items, ['Show Deployment History']);
  });

  it('Cancel on the progress notification → "Cancel the Deployment in Proton": CANCELLED is reported', async () => {
    const w = vscode.window as unknown as Record<string, unknown>;
    const real = vscode.window.withProgress;
    let cancelled = false;
    w.withProgress = (opts: vscode.ProgressOptions, task: (p: unknown, t: vscode.CancellationToken) => Thenable<unknown>) =>
      real(opts, (progress, token) => {
        if (!opts.cancellable || cancelled) return task(progress, token);
        cancelled = true;
        const cts = new vscode.CancellationTokenSource();
        setTimeout(() => cts.cancel(), 300);
        return task(progress, cts.token);
      });
    try {
      const r = await run(answers({ type: 'CURRENT_VERSION', confirm: 'Deploy', cancel: 'Cancel the Deployment in Proton' }), specFile('cancelme.yaml', specText('cancelme')));
      assert.deepEqual(r.outcomes.map((o) => o.result), ['CANCELLED']);
      assert.ok(ui!.messages('warning').some((m) => m.title === 'The deployment of shop/cancelme was cancelled; it stays on v1.0.'));
      assert.ok((await emu.calls()).some((c) => c.operation === 'CancelServiceInstanceDeployment' && c.input.serviceInstanceName === 'cancelme'));
    } finally {
      w.withProgress = real;
    }
  });
});
