// The commands whose code is in dist/lazyCommands.js: the shell (src/lazyCommandsLoader.ts) registers these ids at
// activation and loads the bundle when one first runs. A list of its own so the shell imports none of their code.
export const INSTANCE_COMMAND_IDS = [
  'proton.openDeployedSpec',
  'proton.compareWithDeployed',
  'proton.cancelDeployment',
  'proton.showOutputs',
  'proton.showDeploymentHistory',
  'proton.copyArn',
  'proton.openInConsole',
] as const;
export const CONNECTION_COMMAND_IDS = ['proton.selectProfile', 'proton.selectRegion', 'proton.showConnectionMenu', 'proton.openSettings'] as const;
export const EMULATOR_COMMAND_IDS = ['proton.startEmulator', 'proton.stopEmulator'] as const;

export const LAZY_COMMAND_IDS = [...INSTANCE_COMMAND_IDS, ...CONNECTION_COMMAND_IDS, ...EMULATOR_COMMAND_IDS];

/** A command's implementation, keyed by id: `Handlers<typeof INSTANCE_COMMAND_IDS>` must cover each id. */
export type Handlers<Ids extends readonly string[]> = Record<Ids[number], (...args: never[]) => unknown>;
