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

test('the status bar item opens the connection menu; "Start Local Emulator" there fills the tree with the demo account', async () => {
  const { page } = wb;
  const item = page.locator('.statusbar-item', { hasText: 'Proton: not connected' });
  await item.waitFor({ timeout: 30_000 });
  await item.click();
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: 'Proton: not connected' }).waitFor({ timeout: 30_000 });
  const rows = widget.locator('.monaco-list-row');
  await rows.first().waitFor();
  const labels = await rows.allInnerTexts();
  assert.ok(labels.some((l) => l.includes('Select AWS Profile')) && labels.some((l) => l.includes('Select Region')), labels.join(' | '));
  await wb.screenshot('connection-menu');
  await rows.filter({ hasText: 'Start Local Emulator' }).first().click();
  // The emulator serves the demo seed: its services appear, and the status bar names the emulator.
  await wb.pane('Service Instances').locator('.monaco-list-row', { hasText: 'checkout-api' }).first().waitFor({ timeout: 60_000 });
  await page.locator('.statusbar-item', { hasText: 'Proton emulator' }).waitFor({ timeout: 30_000 });
  await wb.screenshot('connection-menu-emulator-started');
});
