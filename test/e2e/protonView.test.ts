// The Proton activity-bar container and its Service Instances view, as a person sees them.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import { openWorkbench, type Workbench } from './workbench';

let wb: Workbench;

before(async () => {
  wb = await openWorkbench();
});

after(async () => {
  await wb?.close();
});

test('the Proton icon in the activity bar opens the Service Instances view with its welcome content', async () => {
  const { page } = wb;
  const icon = page.locator('.activitybar .action-item a[aria-label^="Proton"]');
  await icon.waitFor({ timeout: 30_000 });
  await icon.click();
  const pane = wb.pane('Service Instances');
  await pane.waitFor({ timeout: 30_000 });
  // Until the extension has activated, the generic welcome shows; then the one for a machine without credentials.
  const welcome = pane.locator('.welcome-view-content', { hasText: 'No AWS credentials were found' });
  await welcome.waitFor({ timeout: 30_000 });
  const shot = await wb.screenshot('proton-view');
  assert.match(await pane.locator('.pane-header').innerText(), /Service Instances/i);
  // No endpoint and no AWS credentials on this machine: the welcome says so and offers both ways in.
  assert.match(await welcome.innerText(), /No AWS credentials were found/);
  assert.match(await welcome.innerText(), /Start Local Emulator/);
  assert.match(await welcome.innerText(), /Select AWS Profile/);
  assert.ok(shot.endsWith('proton-view.png'));
});

test('the view is reachable from the command palette', async () => {
  const { page } = wb;
  // Close the side bar first, so that the command (not a leftover state) is what brings the view back.
  await wb.runCommand('View: Close Primary Side Bar');
  await wb.pane('Service Instances').waitFor({ state: 'hidden' });
  await wb.runCommand('Proton: Focus on Service Instances View');
  await wb.pane('Service Instances').waitFor({ state: 'visible', timeout: 30_000 });
  await wb.screenshot('proton-view-from-palette');
  assert.equal(await page.locator('.sidebar .composite.title', { hasText: /Proton/i }).count(), 1);
});
