// The window's shared cache of Proton data (ProtonCacheApi): one snapshot loaded with a fixed request budget,
// concurrent callers sharing one load, version details and deployed specs cached, in-flight instances polled with
// one filtered listing. Emptied when the connection changes. No vscode: events are a plain listener set.
import { isBusy, BUSY_STATUSES } from '../core/protonModel';
import { instanceKey, versionKey, type InstanceSummary, type ProtonSnapshot } from '../core/protonSnapshot';
import { findVersion, num, recommendedMinor, type TemplateVersionInfo } from '../core/templateVersions';
import {
  ProtonRequestError,
  type CacheStatus,
  type ConnectionInfo,
  type Disposable,
  type ProtonCacheApi,
  type ProtonGateway,
  type ServiceInstanceDetail,
} from './api';
import { toProtonError } from './errors';
import { loadSnapshot } from './snapshotLoader';

export type GatewayFactory = (connection: ConnectionInfo) => Promise<ProtonGateway>;

/** What identifies a deployed state: a cached spec is valid while this stays the same. */
const fingerprint = (i: InstanceSummary): string =>
  [i.deploymentStatus, i.lastAttemptedDeploymentId ?? '', i.lastSucceededDeploymentId ?? '', i.templateMajorVersion, i.templateMinorVersion].join('|');

export class ProtonCache implements ProtonCacheApi {
  snapshot: ProtonSnapshot | undefined;
  status: CacheStatus = { loading: false };
  private conn: ConnectionInfo | undefined;
  private gw: Promise<ProtonGateway> | undefined;
  /** Bumped on every connection change and every new load: stale answers are dropped. */
  private generation = 0;
  /** Bumped on every connection change only: details and specs stay valid across reloads. */
  private connGen = 0;
  private abort = new AbortController();
  private loading: Promise<ProtonSnapshot> | undefined;
  private readonly details = new Map<string, Promise<TemplateVersionInfo | undefined>>();
  private readonly detailValues = new Map<string, TemplateVersionInfo>();
  private readonly specs = new Map<string, { fingerprint: string; spec: string | undefined }>();
  private readonly specLoads = new Map<string, Promise<ServiceInstanceDetail>>();
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly createGateway: GatewayFactory,
    private readonly log: (level: 'info' | 'warn' | 'error', message: string) => void = () => undefined,
  ) {}

  get connection(): ConnectionInfo | undefined {
    return this.conn;
  }

  onDidChange(listener: () => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  private fire(): void {
    for (const l of [...this.listeners]) {
      try {
        l();
      } catch (err) {
        this.log('error', `A cache listener failed: ${String(err)}`);
      }
    }
  }

  /** Switches the connection (undefined: none). Everything cached is dropped and in-flight requests aborted. */
  setConnection(connection: ConnectionInfo | undefined): void {
    this.abort.abort();
    this.abort = new AbortController();
    this.generation++;
    this.connGen++;
    this.conn = connection;
    this.gw = undefined;
    this.loading = undefined;
    this.snapshot = undefined;
    this.status = { loading: false };
    this.details.clear();
    this.detailValues.clear();
    this.specs.clear();
    this.specLoads.clear();
    this.fire();
  }

  gateway(): Promise<ProtonGateway> {
    const conn = this.conn;
    if (!conn) {
      return Promise.reject(
        new ProtonRequestError('CredentialsError', 'No Proton connection: select an AWS profile or start the local emulator', 'Connect'),
      );
    }
    if (!this.gw) {
      const gen = this.generation;
      this.gw = this.createGateway(conn).catch((err: unknown) => {
        if (gen === this.generation) this.gw = undefined;
        throw toProtonError(err, 'Connect', conn.endpoint);
      });
    }
    return this.gw;
  }

  load(force = false): Promise<ProtonSnapshot> {
    if (this.loading) return this.loading;
    if (this.snapshot && !force && !this.status.error) return Promise.resolve(this.snapshot);
    const gen = ++this.generation;
    const signal = this.abort.signal;
    const first = !this.snapshot;
    this.status = { ...this.status, loading: true };
    this.fire();
    const started = Date.now();
    const p = (async () => {
      const gw = await this.gateway();
      const snap = await loadSnapshot(gw, {
        signal,
        // Pages of a first load are shown as they arrive; a reload swaps in the complete result.
        onInstances: (soFar) => {
          if (!first || gen !== this.generation) return;
          this.snapshot = { instances: [...soFar], templates: new Map(), environments: new Map() };
          this.fire();
        },
        // Candidate majors' compatibility is fetched while the rest is listed; awaited below, before publishing.
        onCandidate: (t, m, n) => void this.fetchVersionDetail(t, m, n).catch(() => undefined),
        onComponentsError: (err) => this.log('warn', `Listing components failed; busy components are not shown: ${toProtonError(err, 'ListComponents').message}`),
      });
      // Compatibility of newer majors decides the "update available" marks: fetched before the snapshot is
      // published, so no mark shows that compatibility would then take back. Once per candidate version.
      await this.fetchCandidateDetails(snap);
      if (gen !== this.generation) return snap;
      this.applyDetails(snap);
      this.snapshot = snap;
      this.status = { loading: false, loadedAt: new Date() };
      this.log('info', `Loaded ${snap.instances.length} service instances and ${snap.templates.size} templates in ${Date.now() - started} ms`);
      this.fire();
      return snap;
    })();
    this.loading = p;
    p.then(
      () => this.loading === p && (this.loading = undefined),
      (err: unknown) => {
        if (this.loading === p) this.loading = undefined;
        if (gen !== this.generation) return;
        const error = toProtonError(err, 'Load');
        if (error.errorName === 'Cancelled') return;
        this.status = { loading: false, error, loadedAt: this.status.loadedAt };
        if (first) this.snapshot = undefined;
        this.fire();
      },
    );
    return p.catch((err: unknown) => {
      throw toProtonError(err, 'Load');
    });
  }

  /**
   * GetServiceTemplateVersion for each newer major's recommended minor that some instance could move to: at most
   * one request per (template, major) ever, whatever the number of instances.
   */
  private async fetchCandidateDetails(snap: ProtonSnapshot): Promise<void> {
    const lowest = new Map<string, number>();
    for (const i of snap.instances) lowest.set(i.templateName, Math.min(lowest.get(i.templateName) ?? Infinity, num(i.templateMajorVersion)));
    const wanted: [string, string, string][] = [];
    for (const [name, low] of lowest) {
      const t = snap.templates.get(name);
      if (!t) continue;
      for (const m of new Set(t.versions.map((v) => v.majorVersion))) {
        const minor = num(m) > low ? recommendedMinor(t, m) : undefined;
        if (minor !== undefined && !this.detailValues.has(versionKey(name, m, minor))) wanted.push([name, m, minor]);
      }
    }
    // A failure leaves compatibility unknown (the mark may then offer a major Proton would refuse); logged.
    await Promise.all(
      wanted.map(([t, m, n]) =>
        this.fetchVersionDetail(t, m, n).catch((err: unknown) => this.log('warn', `Reading ${t}:${m}.${n} failed: ${toProtonError(err, 'GetServiceTemplateVersion').message}`)),
      ),
    );
  }

  /** Copies cached details (compatibility, schema) onto the snapshot's version entries. */
  private applyDetails(snap: ProtonSnapshot): void {
    for (const t of snap.templates.values()) {
      for (const v of t.versions) {
        const d = this.detailValues.get(versionKey(t.name, v.majorVersion, v.minorVersion));
        if (d) Object.assign(v, { compatibleEnvironmentTemplates: d.compatibleEnvironmentTemplates, schema: d.schema });
      }
    }
  }

  versionDetail(templateName: string, major: string, minor: string): TemplateVersionInfo | undefined {
    return this.detailValues.get(versionKey(templateName, major, minor));
  }

  fetchVersionDetail(templateName: string, major: string, minor: string): Promise<TemplateVersionInfo | undefined> {
    const key = versionKey(templateName, major, minor);
    let p = this.details.get(key);
    if (!p) {
      const gen = this.connGen;
      p = this.gateway()
        .then((gw) => gw.getTemplateVersion(templateName, major, minor, this.abort.signal))
        .then(
          (v) => {
            if (gen !== this.connGen) return v;
            this.detailValues.set(key, v);
            const sv = this.snapshot?.templates.get(templateName);
            const entry = sv && findVersion(sv, major, minor);
            if (entry) Object.assign(entry, { compatibleEnvironmentTemplates: v.compatibleEnvironmentTemplates, schema: v.schema });
            return v;
          },
          (err: unknown) => {
            const e = toProtonError(err, 'GetServiceTemplateVersion');
            // A version that does not exist stays known as missing; other failures may be retried later.
            if (e.errorName === 'ResourceNotFoundException') return undefined;
            if (this.details.get(key) === p) this.details.delete(key);
            throw e;
          },
        );
      this.details.set(key, p);
    }
    return p;
  }

  deployedSpec(serviceName: string, instanceName: string): string | undefined {
    const key = instanceKey(serviceName, instanceName);
    const cached = this.specs.get(key);
    const current = this.findInstance(serviceName, instanceName);
    if (!cached || (current && fingerprint(current) !== cached.fingerprint)) return undefined;
    return cached.spec;
  }

  async fetchDeployedSpec(serviceName: string, instanceName: string): Promise<string | undefined> {
    const key = instanceKey(serviceName, instanceName);
    if (this.specs.has(key)) {
      const current = this.findInstance(serviceName, instanceName);
      const cached = this.specs.get(key)!;
      if (!current || fingerprint(current) === cached.fingerprint) return cached.spec;
    }
    return (await this.refreshInstance(serviceName, instanceName)).spec;
  }

  refreshInstance(serviceName: string, instanceName: string): Promise<ServiceInstanceDetail> {
    const key = instanceKey(serviceName, instanceName);
    let p = this.specLoads.get(key);
    if (!p) {
      const gen = this.connGen;
      p = this.gateway()
        .then((gw) => gw.getServiceInstance(serviceName, instanceName, this.abort.signal))
        .then((detail) => {
          if (gen === this.connGen) {
            this.specs.set(key, { fingerprint: fingerprint(detail), spec: detail.spec });
            if (this.putInstance(detail)) this.fire();
          }
          return detail;
        })
        .finally(() => this.specLoads.get(key) === p && this.specLoads.delete(key));
      this.specLoads.set(key, p);
    }
    return p;
  }

  /**
   * Re-reads the instances in flight (IN_PROGRESS, CANCELLING, DELETE_IN_PROGRESS): one ListServiceInstances
   * filtered by those statuses, then GetServiceInstance only for each instance that left them. Returns how many
   * are still in flight.
   */
  async pollInFlight(): Promise<number> {
    const snap = this.snapshot;
    if (!snap || this.loading) return snap ? snap.instances.filter((i) => isBusy(i.deploymentStatus)).length : 0;
    const tracked = snap.instances.filter((i) => isBusy(i.deploymentStatus));
    if (tracked.length === 0) return 0;
    const gen = this.connGen;
    const gw = await this.gateway();
    const busy = gw.listInstancesWithStatus
      ? await gw.listInstancesWithStatus(BUSY_STATUSES, this.abort.signal)
      : (await gw.listInstances({ signal: this.abort.signal })).filter((i) => isBusy(i.deploymentStatus));
    if (gen !== this.connGen) return 0;
    let changed = false;
    for (const i of busy) changed = this.putInstance(i) || changed;
    const stillBusy = new Set(busy.map((i) => instanceKey(i.serviceName, i.name)));
    const settled = tracked.filter((i) => !stillBusy.has(instanceKey(i.serviceName, i.name)));
    await Promise.all(settled.map((i) => this.refreshInstance(i.serviceName, i.name).catch((err: unknown) => this.log('warn', `Re-reading ${i.serviceName}/${i.name} failed: ${toProtonError(err, 'GetServiceInstance').message}`))));
    if (changed) this.fire();
    return stillBusy.size;
  }

  private findInstance(serviceName: string, name: string): InstanceSummary | undefined {
    return this.snapshot?.instances.find((i) => i.serviceName === serviceName && i.name === name);
  }

  /** Replaces (or adds) one instance in the snapshot; true when something a view shows changed. */
  private putInstance(next: InstanceSummary): boolean {
    const snap = this.snapshot;
    if (!snap) return false;
    const { spec: _s, lastClientRequestToken: _t, ...summary } = next as ServiceInstanceDetail;
    const idx = snap.instances.findIndex((i) => i.serviceName === next.serviceName && i.name === next.name);
    if (idx < 0) {
      snap.instances = [...snap.instances, summary];
      return true;
    }
    const before = snap.instances[idx];
    const same = fingerprint(before) === fingerprint(summary) && before.deploymentStatusMessage === summary.deploymentStatusMessage;
    if (same) return false;
    const instances = [...snap.instances];
    instances[idx] = summary;
    snap.instances = instances;
    return true;
  }
}
