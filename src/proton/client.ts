// Builds the SDK client for a connection: credentials from @aws-sdk/credential-providers (a named profile through
// fromIni, which covers static keys, SSO / sso-session, credential_process and assume-role, or the default chain),
// refreshed by the SDK when they expire; the emulator gets dummy keys when no credentials are at hand.
import { ProtonClient } from '@aws-sdk/client-proton';
import { fromEnv, fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { StandardRetryStrategy } from '@smithy/util-retry';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider, RetryErrorInfo, StandardRetryToken } from '@smithy/types';
import type { ConnectionInfo } from './api';

/** Keys that sign requests to a local emulator started without `--credentials`: it accepts any. */
const EMULATOR_CREDENTIALS: AwsCredentialIdentity = { accessKeyId: 'EMULATORACCESSKEY', secretAccessKey: 'emulator-secret' };

/**
 * Standard retry (exponential backoff with jitter, retry quota) with room for throttling and 5xx, which Proton
 * answers under load, but only two retries for network errors so an unreachable endpoint fails fast.
 */
export class ProtonRetryStrategy extends StandardRetryStrategy {
  constructor(maxAttempts = 8, private readonly maxTransientRetries = 2) {
    super(maxAttempts);
  }

  override async refreshRetryTokenForRetry(token: StandardRetryToken, info: RetryErrorInfo): Promise<StandardRetryToken> {
    if (info.errorType === 'TRANSIENT' && token.getRetryCount() >= this.maxTransientRetries) {
      throw new Error('No more retries for a network error');
    }
    return super.refreshRetryTokenForRetry(token, info);
  }
}

/** The credential provider for a connection. */
export function credentialsFor(conn: ConnectionInfo, env: Record<string, string | undefined> = process.env): AwsCredentialIdentityProvider {
  if (conn.isEmulator) {
    // Never probe instance metadata for a local emulator: that hangs without a network. Use what is configured,
    // else the dummy keys.
    const configured = conn.profile ? fromIni({ profile: conn.profile }) : env.AWS_ACCESS_KEY_ID ? fromEnv() : undefined;
    return async () => {
      if (!configured) return EMULATOR_CREDENTIALS;
      try {
        return await configured();
      } catch {
        return EMULATOR_CREDENTIALS;
      }
    };
  }
  return conn.profile ? fromIni({ profile: conn.profile }) : fromNodeProviderChain();
}

export interface ClientOptions {
  maxAttempts?: number;
  /** Per-request socket timeout; the SDK's default waits forever. */
  requestTimeoutMs?: number;
}

export function createProtonClient(conn: ConnectionInfo, opts: ClientOptions = {}): ProtonClient {
  return new ProtonClient({
    region: conn.region,
    endpoint: conn.endpoint,
    credentials: credentialsFor(conn),
    retryStrategy: new ProtonRetryStrategy(opts.maxAttempts ?? 8),
    requestHandler: { requestTimeout: opts.requestTimeoutMs ?? 30_000, connectionTimeout: 5_000 },
  });
}
