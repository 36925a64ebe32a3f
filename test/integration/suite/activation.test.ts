import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'vscode-proton.vscode-proton';

describe('Extension activation', () => {
  it('is installed and activates on demand', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is not installed in the extension host`);
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  it('contributes the Proton activity-bar container with the Service Instances view', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID)!;
    const pkg = ext.packageJSON as {
      contributes: { viewsContainers: { activitybar: { id: string; title: string }[] }; views: Record<string, { id: string; name: string }[]> };
    };
    assert.deepEqual(pkg.contributes.viewsContainers.activitybar.map((c) => [c.id, c.title]), [['proton', 'Proton']]);
    assert.deepEqual(pkg.contributes.views.proton.map((v) => [v.id, v.name]), [['proton.instances', 'Service Instances']]);
  });

  it('registers the view, so the workbench can open and focus it', async () => {
    // VS Code generates `<viewId>.focus` for every contributed view; it rejects if the view is unknown.
    await vscode.commands.executeCommand('workbench.view.extension.proton');
    await vscode.commands.executeCommand('proton.instances.focus');
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes('proton.instances.focus'));
  });

  it('declares its settings with empty defaults (AWS defaults apply)', () => {
    const config = vscode.workspace.getConfiguration('proton');
    for (const key of ['endpoint', 'profile', 'region']) {
      const info = config.inspect<string>(key);
      assert.ok(info, `proton.${key} is not declared`);
      assert.equal(info.defaultValue, '', `proton.${key} default`);
    }
  });
});
