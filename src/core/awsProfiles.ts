// The profiles of the shared AWS config and credentials files, read the way the AWS CLI and SDKs read them:
// `[profile NAME]` (and `[default]`) in the config file, `[NAME]` in the credentials file. Pure: text in, data out.

export interface ProfileInfo {
  name: string;
  /** The profile's `region` key from the config file, when set. */
  region?: string;
  /** Where the profile was found. */
  sources: ('config' | 'credentials')[];
  /** True for SSO profiles (sso_session or sso_start_url), which may need `aws sso login`. */
  sso?: boolean;
}

interface Section {
  header: string;
  keys: Map<string, string>;
}

/** The INI sections of a shared config or credentials file, with their keys (names lower-cased). */
export function parseIniSections(text: string): Section[] {
  const sections: Section[] = [];
  let current: Section | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[([^\]]+)\]/.exec(line);
    if (header) {
      current = { header: header[1].trim(), keys: new Map() };
      sections.push(current);
      continue;
    }
    // Indented lines continue a nested key (e.g. `s3 =` sub-settings); they never name a profile's own key.
    if (!current || /^\s/.test(raw)) continue;
    const eq = line.indexOf('=');
    if (eq > 0) current.keys.set(line.slice(0, eq).trim().toLowerCase(), line.slice(eq + 1).trim());
  }
  return sections;
}

/** Profile name of a config-file section header, or undefined for sso-session, services and other sections. */
function configProfileName(header: string): string | undefined {
  if (header === 'default') return 'default';
  const m = /^profile\s+(.+)$/.exec(header);
  return m ? m[1].trim() : undefined;
}

/** Every profile in the two files, sorted with `default` first, each once. */
export function parseProfiles(configText: string | undefined, credentialsText: string | undefined): ProfileInfo[] {
  const byName = new Map<string, ProfileInfo>();
  const get = (name: string): ProfileInfo => {
    let p = byName.get(name);
    if (!p) byName.set(name, (p = { name, sources: [] }));
    return p;
  };
  for (const s of parseIniSections(configText ?? '')) {
    const name = configProfileName(s.header);
    if (!name) continue;
    const p = get(name);
    if (!p.sources.includes('config')) p.sources.push('config');
    const region = s.keys.get('region');
    if (region) p.region = region;
    if (s.keys.has('sso_session') || s.keys.has('sso_start_url')) p.sso = true;
  }
  for (const s of parseIniSections(credentialsText ?? '')) {
    // The credentials file names profiles without the `profile ` prefix.
    const p = get(s.header);
    if (!p.sources.includes('credentials')) p.sources.push('credentials');
  }
  return [...byName.values()].sort((a, b) =>
    a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
  );
}
