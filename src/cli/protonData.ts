// Proton data for the CLI's checks, through src/proton's gateway and cache (the same as the extension): one
// paginated snapshot load, then only the template versions and deployed specs the checks ask for.
import type { FactNeed } from '../core/checker';
import type { ProtonFacts } from '../core/protonSnapshot';
import { ProtonCache } from '../proton/cache';
import { resolveConnection } from '../proton/connection';
import type { ConnectionInfo } from '../proton/api';

export interface ProtonData {
  facts: ProtonFacts;
  connection: ConnectionInfo;
  /** Fetches what the checks lacked; failures are returned as warnings (the checks then skip that part). */
  fetch(needs: readonly FactNeed[]): Promise<string[]>;
}

/** Connects and loads the snapshot; throws with a one-line reason when Proton cannot be reached. */
export async function connectProton(opts: { endpoint?: string; profile?: string; region?: string }): Promise<ProtonData> {
  const connection = resolveConnection(opts);
  const cache = new ProtonCache(async (conn) => {
    // The SDK is loaded only when Proton checks are asked for.
    const { createGateway } = await import('../proton/gatewayFactory.js');
    return createGateway(conn, { maxAttempts: 3, requestTimeoutMs: 20_000 });
  });
  cache.setConnection(connection);
  await cache.load();
  const asked = new Set<string>();
  return {
    facts: cache,
    connection,
    async fetch(needs) {
      const warnings: string[] = [];
      await Promise.all(needs.map(async (n) => {
        const key = JSON.stringify(n);
        if (asked.has(key)) return;
        asked.add(key);
        try {
          if (n.kind === 'versionDetail') await cache.fetchVersionDetail(n.templateName, n.major, n.minor);
          else if (n.kind === 'deployedSpec') await cache.fetchDeployedSpec(n.serviceName, n.name);
          else await cache.load();
        } catch (err) {
          warnings.push(`reading ${n.kind === 'versionDetail' ? `${n.templateName} ${n.major}.${n.minor}` : n.kind === 'deployedSpec' ? `${n.serviceName}/${n.name}` : 'the instances'} failed: ${(err as Error).message}`);
        }
      }));
      return warnings;
    },
  };
}
