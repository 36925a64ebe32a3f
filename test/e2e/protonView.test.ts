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
  const welcome = pane.locator('.welcome-view-content');
  await welcome.waitFor({ timeout: 30_000 });
  const shot = await wb.screenshot('proton-view');
  assert.match(await pane.locator('.pane-header').innerText(), /Service Instances/i);
  assert.match(await welcome.innerText(), /No AWS Proton service instances/);
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
