// Which Proton the extension talks to: endpoint, profile and region resolved from plain settings values (the
// vscode adapter reads them, trust-filtered), the environment and the shared AWS files. No SDK, no vscode.
import { readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { parseProfiles, type ProfileInfo } from '../core/awsProfiles';
import type { ConnectionInfo } from './api';

/** The Regions where AWS offered Proton (AWS General Reference, "AWS Proton endpoints and quotas"). */
export const PROTON_REGIONS: readonly { id: string; name: string }[] = [
  { id: 'us-east-1', name: 'US East (N. Virginia)' },
  { id: 'us-east-2', name: 'US East (Ohio)' },
  { id: 'us-west-2', name: 'US West (Oregon)' },
  { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { id: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { id: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
  { id: 'ca-central-1', name: 'Canada (Central)' },
  { id: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { id: 'eu-west-1', name: 'Europe (Ireland)' },
  { id: 'eu-west-2', name: 'Europe (London)' },
];

export const DEFAULT_REGION = 'us-east-1';

/** The settings as plain values ("" = unset), already filtered for workspace trust by the caller. */
export interface ConnectionSettings {
  endpoint?: string;
  profile?: string;
  region?: string;
}

type Env = Record<string, string | undefined>;

/** The shared config and credentials files, honouring AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE. */
export function sharedFilePaths(env: Env = process.env): { config: string; credentials: string } {
  const home = env.HOME || env.USERPROFILE || homedir();
  return {
    config: env.AWS_CONFIG_FILE || join(home, '.aws', 'config'),
    credentials: env.AWS_SHARED_CREDENTIALS_FILE || join(home, '.aws', 'credentials'),
  };
}

function readIfPresent(path: string): string | undefined {
  try {
    // Most windows without AWS files (the emulator's users) then cost a stat, not a thrown ENOENT: this runs in
    // activation, where a first throw costs half a millisecond.
    return statSync(path, { throwIfNoEntry: false })?.isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}

/** The profiles of the shared files; unreadable or missing files count as empty. */
export function listProfiles(env: Env = process.env): ProfileInfo[] {
  const paths = sharedFilePaths(env);
  return parseProfiles(readIfPresent(paths.config), readIfPresent(paths.credentials));
}

/** True for http(s) URLs on a loopback host: the emulator (ours, `npm start`'s, or one a user runs locally). */
export function isLoopbackEndpoint(endpoint: string | undefined): boolean {
  if (!endpoint) return false;
  try {
    const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
    return host === 'localhost' || host === '::1' || /^127\./.test(host);
  } catch {
    return false;
  }
}

/**
 * Resolves the connection. Region: the setting; else, for a profile chosen in the settings, that profile's region;
 * else AWS_REGION / AWS_DEFAULT_REGION; else the effective profile's region; else us-east-1 (said as such).
 */
export function resolveConnection(settings: ConnectionSettings, env: Env = process.env, profiles = listProfiles(env)): ConnectionInfo {
  const endpoint = settings.endpoint?.trim() || undefined;
  const profile = settings.profile?.trim() || undefined;
  const effectiveProfile = profile ?? (env.AWS_PROFILE || 'default');
  const profileRegion = profiles.find((p) => p.name === effectiveProfile)?.region;
  const envRegion = env.AWS_REGION || env.AWS_DEFAULT_REGION;
  let region: string;
  let regionSource: ConnectionInfo['regionSource'];
  if (settings.region?.trim()) [region, regionSource] = [settings.region.trim(), 'setting'];
  else if (profile && profileRegion) [region, regionSource] = [profileRegion, 'profile'];
  else if (envRegion) [region, regionSource] = [envRegion, 'environment'];
  else if (profileRegion) [region, regionSource] = [profileRegion, 'profile'];
  else [region, regionSource] = [DEFAULT_REGION, 'default'];
  const isEmulator = isLoopbackEndpoint(endpoint);
  const who = isEmulator ? 'Proton emulator' : (profile ?? (env.AWS_PROFILE ? env.AWS_PROFILE : 'default chain'));
  const label = `${who} · ${region}${regionSource === 'default' ? ' (default)' : ''}`;
  return { profile, region, regionSource, endpoint, isEmulator, label };
}

/** A stable key for a connection: equal keys mean the same client and the same cached data. */
export const connectionKey = (c: ConnectionInfo): string => JSON.stringify([c.profile ?? '', c.region, c.endpoint ?? '']);

/**
 * Whether any credentials could be found without probing the network: a profile in the shared files, keys or a
 * web-identity token or container credentials in the environment. (Instance-metadata credentials cannot be known
 * without a request; choose "default chain" explicitly on EC2.)
 */
export function hasCredentialSources(env: Env = process.env, profiles = listProfiles(env)): boolean {
  return (
    profiles.length > 0 ||
    !!env.AWS_ACCESS_KEY_ID ||
    !!env.AWS_WEB_IDENTITY_TOKEN_FILE ||
    !!env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
    !!env.AWS_CONTAINER_CREDENTIALS_FULL_URI
  );
}
