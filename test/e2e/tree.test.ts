// The Service Instances tree as a person uses it, with the packaged .vsix installed: a fresh window without an
// endpoint shows the welcome; "Start Local Emulator" from the palette fills the tree with the demo account; the
// context menu opens a deployed spec and cancels a deployment.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { openWorkbench, type Workbench } from './workbench';

let wb: Workbench;
let pane: Locator;

before(async () => {
  wb = await openWorkbench({ settings: { 'workbench.colorTheme': 'Default Light Modern' } });
  await wb.page.locator('.activitybar .action-item a[aria-label^="Proton"]').click({ timeout: 30_000 });
  pane = wb.pane('Service Instances');
  await pane.waitFor({ timeout: 30_000 });
  await wb.page.mouse.move(900, 600); // no tooltip over the activity bar in the pictures
  // A wider side bar, as people size it, so descriptions are not cut short in the pictures.
  const box = (await wb.page.locator('.part.sidebar').boundingBox())!;
  await wb.page.mouse.move(box.x + box.width + 1, box.y + 300);
  await wb.page.mouse.down();
  await wb.page.mouse.move(box.x + box.width + 230, box.y + 300, { steps: 5 });
  await wb.page.mouse.up();
  await wb.page.mouse.move(900, 600);
});

after(async () => {
  await wb?.close();
});

/** The instance row of `service/instance` (its accessible label starts with "service instance,"). */
const instanceRow = (service: string, instance: string) => pane.locator(`.monaco-list-row[aria-label^="${service} ${instance},"]`);

async function filterTo(text: string): Promise<void> {
  await wb.runCommand('Proton: Filter Service Instances…');
  const input = wb.page.locator('.quick-input-widget input.input');
  await input.fill(text);
  await wb.page.keyboard.press('Enter');
  await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

async function contextMenu(row: Locator, entry: string): Promise<void> {
  await row.click({ button: 'right' });
  const item = wb.page.locator('.context-view .action-item', { hasText: entry }).first();
  await item.waitFor({ timeout: 10_000 });
  await item.hover();
  await wb.page.keyboard.press('Enter');
}

test('a fresh window with no endpoint and no credentials shows the welcome with Start Local Emulator', async () => {
  const welcome = pane.locator('.welcome-view-content', { hasText: 'No AWS credentials were found' });
  await welcome.waitFor({ timeout: 30_000 });
  assert.ok(await welcome.locator('a.monaco-button', { hasText: 'Start Local Emulator' }).isVisible());
  assert.ok(await welcome.locator('a.monaco-button', { hasText: 'Select AWS Profile' }).isVisible());
  await wb.screenshot('tree-welcome');
});

test('"Proton: Start Local Emulator" fills the tree with the demo account, status icons and descriptions', async () => {
  await wb.runCommand('Proton: Start Local Emulator');
  await pane.locator('.monaco-list-row', { hasText: 'checkout-api' }).waitFor({ timeout: 60_000 });
  await wb.page.locator('.statusbar-item', { hasText: 'Proton emulator' }).waitFor({ timeout: 10_000 });
  // Service rows count their instances; instance rows carry environment · version, status and update marks.
  const service = pane.locator('.monaco-list-row', { hasText: 'auth-gateway' }).first();
  assert.match(await service.innerText(), /3 instances · 1 in flight/);
  // Rows show as listing pages arrive; the update mark follows once the template versions are in.
  const dev = instanceRow('auth-gateway', 'dev');
  await dev.filter({ hasText: '↑' }).waitFor({ timeout: 15_000 });
  assert.match(await dev.innerText(), /dev · v2\.0 · ↑ v2\.1/);
  assert.equal(await dev.locator('.codicon-pass').count(), 1, 'SUCCEEDED shows a check');
  const preview = instanceRow('auth-gateway', 'preview');
  assert.match(await preview.innerText(), /In progress/);
  assert.equal(await preview.locator('.codicon-sync.codicon-modifier-spin').count(), 1, 'IN_PROGRESS spins');
  await wb.page.mouse.move(900, 600); // no hover highlight in the picture
  await wb.screenshot('tree-demo'); // the README's picture (docs/images/tree.png) is this one
  const failed = instanceRow('email-sender', 'prod');
  await failed.scrollIntoViewIfNeeded();
  assert.equal(await failed.locator('.codicon-error').count(), 1, 'FAILED shows an error icon');
});

test('the context menu opens the deployed spec as a read-only YAML document', async () => {
  await filterTo('checkout');
  const row = instanceRow('checkout-api', 'prod');
  await row.waitFor({ timeout: 10_000 });
  // The view is alone in its container, so its description is hidden: the filter is said above the rows.
  await pane.locator('.message', { hasText: 'Filter: "checkout"; Clear Filter (in the title bar) shows every instance.' }).waitFor({ timeout: 10_000 });
  assert.match(await pane.locator('.monaco-list-row', { hasText: 'checkout-api' }).first().innerText(), /checkout-api/);
  await contextMenu(row, 'Open Deployed Spec');
  const tab = wb.page.locator('.tabs-container .tab', { hasText: 'deployed.yaml' });
  await tab.waitFor({ timeout: 15_000 });
  await wb.page.locator('.monaco-editor .view-lines', { hasText: 'proton: ServiceSpec' }).waitFor({ timeout: 15_000 });
  await wb.screenshot('tree-deployed-spec');
  await wb.runCommand('View: Close All Editors');
});

test('Cancel Deployment asks first, then the row shows CANCELLING or CANCELLED', async () => {
  await filterTo('auth-gateway');
  const row = instanceRow('auth-gateway', 'preview');
  await row.waitFor({ timeout: 10_000 });
  await contextMenu(row, 'Cancel Deployment');
  const dialog = wb.page.locator('.monaco-dialog-box');
  await dialog.waitFor({ timeout: 10_000 });
  assert.match(await dialog.innerText(), /Cancel the deployment of auth-gateway\/preview\?/);
  await wb.screenshot('tree-cancel-confirm');
  await dialog.locator('a.monaco-button', { hasText: 'Cancel Deployment' }).click();
  await pane.locator('.monaco-list-row[aria-label^="auth-gateway preview,"]', { hasText: /Cancelling|Cancelled/ }).waitFor({ timeout: 30_000 });
  await wb.screenshot('tree-cancelled');
  assert.match(await row.innerText(), /Cancelling|Cancelled/);
});
