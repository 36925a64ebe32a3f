// The check results of open spec documents: one parse per document version, re-checked when the cached Proton
// data changes. Proton data is only read from the cache; what a check lacked is fetched once per connection, in
// the background, and the documents are checked again when it arrives. Typing never makes a request.
import * as vscode from 'vscode';
import { checkSpecDocument, type CheckResult, type FactNeed } from '../core/checker';
import { parseSpecDocument, type SpecDocument } from '../core/specDocument';
import type { ProtonCacheApi } from '../proton/api';
import { protonLog } from '../ui/log';
import type { OpsFiles } from './opsFiles';
import { specPathOf } from './opsFiles';

export interface CheckedDocument {
  version: number;
  sd: SpecDocument;
  result: CheckResult;
}

export class SpecChecks implements vscode.Disposable {
  private readonly parsed = new Map<string, { version: number; sd: SpecDocument }>();
  private readonly results = new Map<string, CheckedDocument>();
  /** Needs asked for under the current connection (a failed fetch is not retried until the connection changes). */
  private requested = new Set<string>();
  private connection: unknown;
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the facts behind the results changed: every open spec should be checked again. */
  readonly onDidChangeFacts = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly cache: ProtonCacheApi | undefined,
    private readonly ops: OpsFiles,
  ) {
    if (cache) {
      const sub = cache.onDidChange(() => this.factsChanged());
      this.disposables.push({ dispose: () => sub.dispose() });
    }
    this.disposables.push(ops.onDidChange(() => this.factsChanged()));
    this.connection = cache?.connection;
  }

  /** Drops cached results (not parses) so the next `check` reads the facts again. */
  factsChanged(): void {
    if (this.cache?.connection !== this.connection) {
      this.connection = this.cache?.connection;
      this.requested = new Set();
    }
    this.results.clear();
    this.changed.fire();
  }

  /** The check result of a document's current version (computed at most once per version and facts). */
  check(doc: vscode.TextDocument): CheckedDocument {
    const key = doc.uri.toString();
    const done = this.results.get(key);
    if (done && done.version === doc.version) {
      this.fetchFor(doc, done.result);
      return done;
    }
    let p = this.parsed.get(key);
    if (!p || p.version !== doc.version) {
      p = { version: doc.version, sd: parseSpecDocument(doc.getText()) };
      this.parsed.set(key, p);
    }
    const facts = this.cache?.connection ? this.cache : undefined;
    const result = checkSpecDocument(p.sd, {
      facts,
      specPath: doc.uri.scheme === 'file' ? specPathOf(doc.uri) : undefined,
      opsMappings: this.ops.mappings,
    });
    const out = { version: doc.version, sd: p.sd, result };
    this.results.set(key, out);
    this.fetchFor(doc, result);
    return out;
  }

  /** Only documents someone looks at cause requests; the others use what is cached until they are shown. */
  private fetchFor(doc: vscode.TextDocument, result: CheckResult): void {
    if (result.needs.length && this.cache?.connection && vscode.window.visibleTextEditors.some((e) => e.document === doc)) this.fetch(result.needs);
  }

  /** The last result of a document, whatever its version (for quick fixes of the diagnostics shown). */
  last(doc: vscode.TextDocument): CheckedDocument | undefined {
    return this.results.get(doc.uri.toString());
  }

  forget(doc: vscode.TextDocument): void {
    this.parsed.delete(doc.uri.toString());
    this.results.delete(doc.uri.toString());
  }

  private fetch(needs: FactNeed[]): void {
    const cache = this.cache;
    if (!cache) return;
    for (const need of needs) {
      const key = JSON.stringify(need);
      if (this.requested.has(key)) continue;
      this.requested.add(key);
      const job =
        need.kind === 'snapshot'
          ? cache.load()
          : need.kind === 'versionDetail'
            ? cache.fetchVersionDetail(need.templateName, need.major, need.minor)
            : cache.fetchDeployedSpec(need.serviceName, need.name);
      // The cache does not announce every detail it stores: check again when this one arrives.
      job.then(
        () => this.factsChanged(),
        (err: unknown) => protonLog().warn(`Checking specs: reading ${describe(need)} failed: ${(err as Error)?.message ?? String(err)}`),
      );
    }
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

function describe(n: FactNeed): string {
  if (n.kind === 'snapshot') return 'the service instances';
  if (n.kind === 'versionDetail') return `${n.templateName} ${n.major}.${n.minor}`;
  return `the deployed spec of ${n.serviceName}/${n.name}`;
}
