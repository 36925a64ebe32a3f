// The ProtonGateway over the real SDK: every list call paginated to the end (maxResults 100 where the operation
// takes it), results mapped to the plain shapes of src/core, errors mapped to ProtonRequestError.
import {
  CancelServiceInstanceDeploymentCommand,
  GetDeploymentCommand,
  GetServiceInstanceCommand,
  GetServiceTemplateVersionCommand,
  ListComponentsCommand,
  ListDeploymentsCommand,
  ListEnvironmentsCommand,
  ListServiceInstanceOutputsCommand,
  ListServiceInstancesCommand,
  ListServiceTemplatesCommand,
  ListServiceTemplateVersionsCommand,
  UpdateServiceInstanceCommand,
  type ProtonClient,
  type ServiceInstance,
  type ServiceInstanceSummary,
  type ServiceTemplateVersionSummary,
  type ListServiceInstancesCommandInput,
} from '@aws-sdk/client-proton';
import type { ComponentSummary, InstanceSummary } from '../core/protonSnapshot';
import type { EnvironmentInfo, TemplateInfo, TemplateVersionInfo } from '../core/templateVersions';
import type {
  ConnectionInfo,
  DeploymentDetail,
  DeploymentSummary,
  OutputEntry,
  ProtonGateway,
  ServiceInstanceDetail,
  TemplateSummary,
  TemplateVersionSummary,
  UpdateInput,
} from './api';
import { toProtonError } from './errors';

const PAGE = 100;

type Send = <O>(operation: string, command: unknown, signal?: AbortSignal) => Promise<O>;

function instance(s: ServiceInstanceSummary | ServiceInstance): ServiceInstanceDetail {
  const full = s as ServiceInstance;
  const out: ServiceInstanceDetail = {
    name: s.name ?? '',
    serviceName: s.serviceName ?? '',
    arn: s.arn ?? '',
    environmentName: s.environmentName ?? '',
    templateName: s.templateName ?? '',
    templateMajorVersion: s.templateMajorVersion ?? '',
    templateMinorVersion: s.templateMinorVersion ?? '',
    deploymentStatus: s.deploymentStatus ?? '',
    deploymentStatusMessage: s.deploymentStatusMessage,
    createdAt: s.createdAt,
    lastDeploymentAttemptedAt: s.lastDeploymentAttemptedAt,
    lastDeploymentSucceededAt: s.lastDeploymentSucceededAt,
    lastAttemptedDeploymentId: s.lastAttemptedDeploymentId,
    lastSucceededDeploymentId: s.lastSucceededDeploymentId,
  };
  // Plain assignments, not conditional spreads: this runs for every listed instance (5,000 in the tree benchmark).
  if (full.spec !== undefined) out.spec = full.spec;
  if (full.lastClientRequestToken !== undefined) out.lastClientRequestToken = full.lastClientRequestToken;
  return out;
}

const versionSummary = (v: ServiceTemplateVersionSummary): TemplateVersionSummary => ({
  majorVersion: v.majorVersion ?? '',
  minorVersion: v.minorVersion ?? '',
  status: v.status ?? '',
  description: v.description,
  recommendedMinorVersion: v.recommendedMinorVersion,
});

export class SdkProtonGateway implements ProtonGateway {
  private readonly send: Send;

  constructor(
    private readonly client: ProtonClient,
    readonly connection: ConnectionInfo,
  ) {
    this.send = async <O>(operation: string, command: unknown, signal?: AbortSignal): Promise<O> => {
      if (signal?.aborted) throw toProtonError({ name: 'AbortError' }, operation);
      try {
        // One cast here keeps the command classes' overloads out of every caller.
        return (await (this.client.send as (c: unknown, o?: unknown) => Promise<unknown>)(command, { abortSignal: signal })) as O;
      } catch (err) {
        throw toProtonError(err, operation, connection.endpoint ?? `proton.${connection.region}.amazonaws.com`);
      }
    };
  }

  /** Calls a list operation page by page until it returns no nextToken. */
  private async all<O extends { nextToken?: string }, T>(
    operation: string,
    make: (nextToken: string | undefined) => unknown,
    items: (out: O) => T[] | undefined,
    signal?: AbortSignal,
    onPage?: (page: T[]) => void,
  ): Promise<T[]> {
    const out: T[] = [];
    let token: string | undefined;
    do {
      const res = await this.send<O>(operation, make(token), signal);
      const page = items(res) ?? [];
      out.push(...page);
      onPage?.(page);
      token = res.nextToken || undefined;
    } while (token);
    return out;
  }

  async listInstances(opts: { onPage?: (page: InstanceSummary[]) => void; signal?: AbortSignal; filters?: ListServiceInstancesCommandInput['filters'] } = {}): Promise<InstanceSummary[]> {
    return this.all<{ nextToken?: string; serviceInstances?: ServiceInstanceSummary[] }, InstanceSummary>(
      'ListServiceInstances',
      (nextToken) => new ListServiceInstancesCommand({ maxResults: PAGE, nextToken, filters: opts.filters }),
      (o) => o.serviceInstances?.map(instance),
      opts.signal,
      opts.onPage,
    );
  }

  listInstancesWithStatus(statuses: readonly string[], signal?: AbortSignal): Promise<InstanceSummary[]> {
    return this.listInstances({ signal, filters: statuses.map((value) => ({ key: 'deploymentStatus', value })) });
  }

  listTemplateSummaries(signal?: AbortSignal): Promise<TemplateSummary[]> {
    return this.all<{ nextToken?: string; templates?: { name?: string; displayName?: string; recommendedVersion?: string }[] }, TemplateSummary>(
      'ListServiceTemplates',
      (nextToken) => new ListServiceTemplatesCommand({ maxResults: PAGE, nextToken }),
      (o) => o.templates?.map((t) => ({ name: t.name ?? '', displayName: t.displayName, recommendedVersion: t.recommendedVersion })),
      signal,
    );
  }

  listTemplateVersions(templateName: string, majorVersion?: string, signal?: AbortSignal): Promise<TemplateVersionSummary[]> {
    return this.all<{ nextToken?: string; templateVersions?: ServiceTemplateVersionSummary[] }, TemplateVersionSummary>(
      'ListServiceTemplateVersions',
      (nextToken) => new ListServiceTemplateVersionsCommand({ templateName, majorVersion, maxResults: PAGE, nextToken }),
      (o) => o.templateVersions?.map(versionSummary),
      signal,
    );
  }

  async listTemplates(names?: string[], signal?: AbortSignal): Promise<TemplateInfo[]> {
    const summaries = await this.listTemplateSummaries(signal);
    const wanted = names ? summaries.filter((t) => names.includes(t.name)) : summaries;
    return Promise.all(
      wanted.map(async (t) => ({ name: t.name, displayName: t.displayName, versions: await this.allVersions(t.name, signal) })),
    );
  }

  /** ListServiceTemplateVersions without a major lists the majors; each major's own listing has its minors. */
  private async allVersions(templateName: string, signal?: AbortSignal): Promise<TemplateVersionInfo[]> {
    const majors = await this.listTemplateVersions(templateName, undefined, signal);
    const perMajor = await Promise.all(
      [...new Set(majors.map((v) => v.majorVersion))].map((m) => this.listTemplateVersions(templateName, m, signal)),
    );
    return perMajor.flat();
  }

  listEnvironments(signal?: AbortSignal): Promise<EnvironmentInfo[]> {
    return this.all<{ nextToken?: string; environments?: { name?: string; templateName?: string; templateMajorVersion?: string }[] }, EnvironmentInfo>(
      'ListEnvironments',
      (nextToken) => new ListEnvironmentsCommand({ maxResults: PAGE, nextToken }),
      (o) => o.environments?.map((e) => ({ name: e.name ?? '', templateName: e.templateName ?? '', templateMajorVersion: e.templateMajorVersion ?? '' })),
      signal,
    );
  }

  listComponents(signal?: AbortSignal): Promise<ComponentSummary[]> {
    type C = { name?: string; environmentName?: string; serviceName?: string; serviceInstanceName?: string; deploymentStatus?: string };
    return this.all<{ nextToken?: string; components?: C[] }, ComponentSummary>(
      'ListComponents',
      (nextToken) => new ListComponentsCommand({ maxResults: PAGE, nextToken }),
      (o) => o.components?.map((c) => ({
        name: c.name ?? '',
        environmentName: c.environmentName ?? '',
        serviceName: c.serviceName,
        serviceInstanceName: c.serviceInstanceName,
        deploymentStatus: c.deploymentStatus ?? '',
      })),
      signal,
    );
  }

  async getTemplateVersion(templateName: string, major: string, minor: string, signal?: AbortSignal): Promise<TemplateVersionInfo> {
    const res = await this.send<{ serviceTemplateVersion?: Record<string, unknown> & { compatibleEnvironmentTemplates?: { templateName?: string; majorVersion?: string }[] } }>(
      'GetServiceTemplateVersion',
      new GetServiceTemplateVersionCommand({ templateName, majorVersion: major, minorVersion: minor }),
      signal,
    );
    const v = res.serviceTemplateVersion ?? {};
    return {
      majorVersion: String(v.majorVersion ?? major),
      minorVersion: String(v.minorVersion ?? minor),
      status: String(v.status ?? ''),
      schema: v.schema as string | undefined,
      description: v.description as string | undefined,
      compatibleEnvironmentTemplates: (v.compatibleEnvironmentTemplates ?? []).map((c) => ({ templateName: c.templateName ?? '', majorVersion: c.majorVersion ?? '' })),
    };
  }

  async getServiceInstance(serviceName: string, name: string, signal?: AbortSignal): Promise<ServiceInstanceDetail> {
    const res = await this.send<{ serviceInstance?: ServiceInstance }>('GetServiceInstance', new GetServiceInstanceCommand({ serviceName, name }), signal);
    return instance(res.serviceInstance ?? ({} as ServiceInstance));
  }

  async updateServiceInstance(input: UpdateInput, signal?: AbortSignal): Promise<ServiceInstanceDetail> {
    const res = await this.send<{ serviceInstance?: ServiceInstance }>('UpdateServiceInstance', new UpdateServiceInstanceCommand({ ...input }), signal);
    return instance(res.serviceInstance ?? ({} as ServiceInstance));
  }

  async cancelServiceInstanceDeployment(serviceName: string, name: string): Promise<ServiceInstanceDetail> {
    const res = await this.send<{ serviceInstance?: ServiceInstance }>(
      'CancelServiceInstanceDeployment',
      new CancelServiceInstanceDeploymentCommand({ serviceName, serviceInstanceName: name }),
    );
    return instance(res.serviceInstance ?? ({} as ServiceInstance));
  }

  listDeployments(serviceName: string, instanceName: string, signal?: AbortSignal): Promise<DeploymentSummary[]> {
    return this.all<{ nextToken?: string; deployments?: Record<string, unknown>[] }, DeploymentSummary>(
      'ListDeployments',
      (nextToken) => new ListDeploymentsCommand({ serviceName, serviceInstanceName: instanceName, maxResults: PAGE, nextToken }),
      (o) => o.deployments?.map(deploymentSummary),
      signal,
    );
  }

  async getDeployment(id: string, serviceName: string, instanceName: string, signal?: AbortSignal): Promise<DeploymentDetail> {
    const res = await this.send<{ deployment?: Record<string, unknown> }>(
      'GetDeployment',
      new GetDeploymentCommand({ id, serviceName, serviceInstanceName: instanceName }),
      signal,
    );
    const d = res.deployment ?? {};
    type State = { serviceInstance?: { spec?: string; templateMajorVersion?: string; templateMinorVersion?: string } } | undefined;
    const initial = (d.initialState as State)?.serviceInstance;
    const target = (d.targetState as State)?.serviceInstance;
    const ver = (s: typeof initial) => (s?.templateMajorVersion ? { major: s.templateMajorVersion, minor: s.templateMinorVersion ?? '' } : undefined);
    return {
      ...deploymentSummary(d),
      deploymentStatusMessage: d.deploymentStatusMessage as string | undefined,
      initialSpec: initial?.spec,
      targetSpec: target?.spec,
      initialVersion: ver(initial),
      targetVersion: ver(target),
    };
  }

  listServiceInstanceOutputs(serviceName: string, name: string, signal?: AbortSignal): Promise<OutputEntry[]> {
    // This operation takes no maxResults; it still pages with nextToken.
    return this.all<{ nextToken?: string; outputs?: { key?: string; valueString?: string }[] }, OutputEntry>(
      'ListServiceInstanceOutputs',
      (nextToken) => new ListServiceInstanceOutputsCommand({ serviceName, serviceInstanceName: name, nextToken }),
      (o) => o.outputs?.map((x) => ({ key: x.key ?? '', valueString: x.valueString ?? '' })),
      signal,
    );
  }
}

function deploymentSummary(d: Record<string, unknown>): DeploymentSummary {
  return {
    id: String(d.id ?? ''),
    arn: String(d.arn ?? ''),
    serviceName: d.serviceName as string | undefined,
    serviceInstanceName: d.serviceInstanceName as string | undefined,
    environmentName: String(d.environmentName ?? ''),
    deploymentStatus: String(d.deploymentStatus ?? ''),
    createdAt: d.createdAt as Date | undefined,
    lastModifiedAt: d.lastModifiedAt as Date | undefined,
    completedAt: d.completedAt as Date | undefined,
  };
}
