// The SDK side of src/proton in one place: the extension loads it lazily (bundled as dist/protonClient.js, required
// on first use), so activation loads no SDK code. The CLI imports it directly.
import type { ConnectionInfo, ProtonGateway } from './api';
import { createProtonClient, type ClientOptions } from './client';
import { SdkProtonGateway } from './gateway';

export function createGateway(connection: ConnectionInfo, options?: ClientOptions): ProtonGateway {
  return new SdkProtonGateway(createProtonClient(connection, options), connection);
}
