// Loads dist/protonClient.js (the SDK and the gateway) on first use. It is a separate bundle, so activation
// never loads SDK code; the `import type` below is erased at build time.
import { join } from 'node:path';
import type * as GatewayFactory from '../proton/gatewayFactory';
import type { ConnectionInfo, ProtonGateway } from '../proton/api';
import { adoptGateway } from '../proton/errors';

let loaded: typeof GatewayFactory | undefined;

/** Where the SDK bundle sits: next to dist/extension.js. */
export const PROTON_CLIENT_BUNDLE = join(__dirname, 'protonClient.js');

export async function createGatewayLazily(connection: ConnectionInfo): Promise<ProtonGateway> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require(PROTON_CLIENT_BUNDLE) as typeof GatewayFactory;
  return adoptGateway(loaded.createGateway(connection));
}
