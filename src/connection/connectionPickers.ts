// "Select AWS Profile…", "Select Region…", the status bar item's quick menu and "Open Proton Settings". Part of
// dist/lazyCommands.js: loaded when one of them first runs.
import * as vscode from 'vscode';
import type { CONNECTION_COMMAND_IDS, Handlers } from '../commands/lazyCommandIds';
import { listProfiles, PROTON_REGIONS } from '../proton/connection';
import type { ConnectionManager } from './connectionManager';
import { writeSetting } from './settings';

/**
 * Marks the current choice and moves it first: showQuickPick focuses the first row (it takes no active item), so
 * Enter keeps the current choice instead of changing it.
 */
function currentFirst(items: (vscode.QuickPickItem & { value: string })[], current: string): void {
  for (const i of items) if (i.value === current) i.description = `${i.description ? `${i.description} · ` : ''}current`;
  items.sort((a, b) => Number(b.value === current) - Number(a.value === current));
}

export async function selectProfile(manager: ConnectionManager): Promise<void> {
  const current = manager.state.settings.profile ?? '';
  const profiles = listProfiles();
  type Item = vscode.QuickPickItem & { value: string };
  const envProfile = process.env.AWS_PROFILE;
  const items: Item[] = [
    {
      label: 'Default credential chain',
      description: envProfile ? `AWS_PROFILE=${envProfile}` : 'environment, then the "default" profile, SSO, container or instance role',
      value: '',
    },
    ...profiles.map((p) => ({
      label: p.name,
      description: [p.region, p.sso ? 'SSO' : undefined].filter(Boolean).join(' · ') || undefined,
      detail: `in the ${p.sources.join(' and ')} file`,
      value: p.name,
    })),
  ];
  currentFirst(items, current);
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Proton: Select AWS Profile',
    placeHolder: profiles.length ? 'Profiles from the shared AWS config and credentials files' : 'No profiles found in the shared AWS files',
  });
  if (!pick) return;
  await writeSetting('profile', pick.value);
  if (pick.value === '') await manager.chooseDefaultChain();
}

export async function selectRegion(manager: ConnectionManager): Promise<void> {
  const conn = manager.state.connection;
  type Item = vscode.QuickPickItem & { value: string };
  const items: Item[] = [
    { label: "The profile's region", description: 'empty setting: the profile, AWS_REGION, else us-east-1', value: '' },
    ...PROTON_REGIONS.map((r) => ({ label: r.id, description: r.name, value: r.id })),
  ];
  const current = manager.state.settings.region ?? '';
  currentFirst(items, current);
  const pick = await vscode.window.showQuickPick(items, {
    title: 'Proton: Select Region',
    placeHolder: conn ? `Now: ${conn.region} (${conn.regionSource === 'default' ? 'default' : `from the ${conn.regionSource}`})` : 'Regions where AWS offered Proton',
  });
  if (pick) await writeSetting('region', pick.value);
}

export async function showConnectionMenu(manager: ConnectionManager): Promise<void> {
  const running = !!manager.state.localEmulator;
  const items: (vscode.QuickPickItem & { command: string })[] = [
    { label: '$(account) Select AWS Profile…', command: 'proton.selectProfile' },
    { label: '$(globe) Select Region…', command: 'proton.selectRegion' },
    running
      ? { label: '$(debug-stop) Stop Local Emulator', description: manager.state.localEmulator, command: 'proton.stopEmulator' }
      : { label: '$(server-process) Start Local Emulator', description: 'the demo account, on this machine', command: 'proton.startEmulator' },
    { label: '$(refresh) Refresh Service Instances', command: 'proton.refresh' },
    { label: '$(settings-gear) Open Proton Settings', command: 'proton.openSettings' },
    { label: '$(output) Show Logs', command: 'proton.showLogs' },
  ];
  const pick = await vscode.window.showQuickPick(items, { title: `Proton: ${manager.state.connection?.label ?? 'not connected'}` });
  if (pick) await vscode.commands.executeCommand(pick.command);
}

export function connectionCommandHandlers(manager: ConnectionManager): Handlers<typeof CONNECTION_COMMAND_IDS> {
  return {
    'proton.selectProfile': () => selectProfile(manager),
    'proton.selectRegion': () => selectRegion(manager),
    'proton.showConnectionMenu': () => showConnectionMenu(manager),
    'proton.openSettings': () => vscode.commands.executeCommand('workbench.action.openSettings', 'proton.'),
  };
}
