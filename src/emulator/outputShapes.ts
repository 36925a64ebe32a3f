// Records → the model's output shapes: exactly the model's members, required ones always present, optional ones
// only when they have a value; Summary shapes leave out what the model leaves out (spec, lastClientRequestToken).
import { recommendedMinor, recommendedVersion } from '../core/templateVersions';
import { arn, instanceArn } from './lookups';
import type {
  ComponentRecord,
  DeploymentRecord,
  EmulatorState,
  EnvironmentRecord,
  EnvironmentTemplateRecord,
  InstanceRecord,
  ServiceRecord,
  ServiceTemplateRecord,
  TemplateVersionRecord,
} from './state';

type Out = Record<string, unknown>;

/** Copies the optional members that are set. */
function opt(out: Out, src: object, keys: string[]): Out {
  for (const k of keys) {
    const v = (src as Record<string, unknown>)[k];
    if (v !== undefined && v !== null) out[k] = v;
  }
  return out;
}

export function serviceSummary(s: EmulatorState, svc: ServiceRecord): Out {
  return opt(
    {
      name: svc.name,
      arn: arn(s, `service/${svc.name}`),
      templateName: svc.templateName,
      createdAt: svc.createdAt,
      lastModifiedAt: svc.lastModifiedAt,
      status: svc.status,
    },
    svc,
    ['description', 'statusMessage'],
  );
}

export function service(s: EmulatorState, svc: ServiceRecord): Out {
  const out = serviceSummary(s, svc);
  out.spec = svc.spec;
  return out;
}

export function instanceSummary(s: EmulatorState, i: InstanceRecord): Out {
  return opt(
    {
      name: i.name,
      arn: instanceArn(s, i),
      createdAt: i.createdAt,
      lastDeploymentAttemptedAt: i.lastDeploymentAttemptedAt,
      lastDeploymentSucceededAt: i.lastDeploymentSucceededAt,
      serviceName: i.serviceName,
      environmentName: i.environmentName,
      templateName: i.templateName,
      templateMajorVersion: i.templateMajorVersion,
      templateMinorVersion: i.templateMinorVersion,
      deploymentStatus: i.deploymentStatus,
    },
    i,
    ['deploymentStatusMessage', 'lastAttemptedDeploymentId', 'lastSucceededDeploymentId'],
  );
}

export function instance(s: EmulatorState, i: InstanceRecord): Out {
  const out = instanceSummary(s, i);
  // Member order as in the model, for readers of raw JSON.
  const { lastAttemptedDeploymentId, lastSucceededDeploymentId, ...head } = out;
  const full = opt(head, i, ['spec', 'lastClientRequestToken']);
  return opt(full, { lastAttemptedDeploymentId, lastSucceededDeploymentId }, ['lastAttemptedDeploymentId', 'lastSucceededDeploymentId']);
}

export function serviceTemplate(s: EmulatorState, t: ServiceTemplateRecord): Out {
  const out: Out = opt(
    { name: t.name, arn: arn(s, `service-template/${t.name}`), createdAt: t.createdAt, lastModifiedAt: t.lastModifiedAt },
    t,
    ['displayName', 'description'],
  );
  const rec = recommendedVersion(t);
  if (rec) out.recommendedVersion = `${rec.major}.${rec.minor}`;
  return opt(out, t, ['pipelineProvisioning']);
}

export function templateVersionSummary(s: EmulatorState, t: ServiceTemplateRecord, v: TemplateVersionRecord): Out {
  const out: Out = {
    templateName: t.name,
    majorVersion: v.majorVersion,
    minorVersion: v.minorVersion,
    status: v.status,
    arn: arn(s, `service-template/${t.name}:${v.majorVersion}.${v.minorVersion}`),
    createdAt: v.createdAt,
    lastModifiedAt: v.lastModifiedAt,
  };
  const rec = recommendedMinor(t, v.majorVersion);
  if (rec !== undefined) out.recommendedMinorVersion = rec;
  return opt(out, v, ['statusMessage', 'description']);
}

export function templateVersion(s: EmulatorState, t: ServiceTemplateRecord, v: TemplateVersionRecord): Out {
  const sum = templateVersionSummary(s, t, v);
  const out: Out = {
    templateName: sum.templateName,
    majorVersion: sum.majorVersion,
    minorVersion: sum.minorVersion,
    status: sum.status,
    arn: sum.arn,
    createdAt: sum.createdAt,
    lastModifiedAt: sum.lastModifiedAt,
    compatibleEnvironmentTemplates: v.compatibleEnvironmentTemplates.map((c) => ({ templateName: c.templateName, majorVersion: c.majorVersion })),
  };
  opt(out, sum, ['recommendedMinorVersion', 'statusMessage', 'description']);
  return opt(out, v, ['schema', 'supportedComponentSources']);
}

export function environmentTemplate(s: EmulatorState, t: EnvironmentTemplateRecord): Out {
  return opt(
    { name: t.name, arn: arn(s, `environment-template/${t.name}`), createdAt: t.createdAt, lastModifiedAt: t.lastModifiedAt },
    t,
    ['displayName', 'description'],
  );
}

export function environmentSummary(s: EmulatorState, e: EnvironmentRecord): Out {
  return opt(
    {
      name: e.name,
      createdAt: e.createdAt,
      lastDeploymentAttemptedAt: e.lastDeploymentAttemptedAt,
      lastDeploymentSucceededAt: e.lastDeploymentSucceededAt,
      arn: arn(s, `environment/${e.name}`),
      templateName: e.templateName,
      templateMajorVersion: e.templateMajorVersion,
      templateMinorVersion: e.templateMinorVersion,
      deploymentStatus: e.deploymentStatus,
    },
    e,
    ['description', 'deploymentStatusMessage'],
  );
}

export function environment(s: EmulatorState, e: EnvironmentRecord): Out {
  return opt(environmentSummary(s, e), e, ['spec']);
}

export function componentSummary(s: EmulatorState, c: ComponentRecord): Out {
  return opt(
    {
      name: c.name,
      arn: arn(s, `component/${c.name}`),
      environmentName: c.environmentName,
      createdAt: c.createdAt,
      lastModifiedAt: c.lastModifiedAt,
      deploymentStatus: c.deploymentStatus,
    },
    c,
    ['serviceName', 'serviceInstanceName', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt', 'deploymentStatusMessage'],
  );
}

export function component(s: EmulatorState, c: ComponentRecord): Out {
  return opt(componentSummary(s, c), c, ['description']);
}

export function deploymentSummary(s: EmulatorState, d: DeploymentRecord): Out {
  return opt(
    {
      id: d.id,
      arn: arn(s, `deployment/${d.id}`),
      targetArn: d.targetArn,
      targetResourceCreatedAt: d.targetResourceCreatedAt,
      targetResourceType: 'SERVICE_INSTANCE',
      createdAt: d.createdAt,
      lastModifiedAt: d.lastModifiedAt,
      environmentName: d.environmentName,
      deploymentStatus: d.deploymentStatus,
    },
    d,
    ['completedAt', 'serviceName', 'serviceInstanceName', 'lastAttemptedDeploymentId', 'lastSucceededDeploymentId'],
  );
}

export function deployment(s: EmulatorState, d: DeploymentRecord): Out {
  const out: Out = {
    id: d.id,
    arn: arn(s, `deployment/${d.id}`),
    targetArn: d.targetArn,
    targetResourceCreatedAt: d.targetResourceCreatedAt,
    targetResourceType: 'SERVICE_INSTANCE',
    environmentName: d.environmentName,
    deploymentStatus: d.deploymentStatus,
    createdAt: d.createdAt,
    lastModifiedAt: d.lastModifiedAt,
  };
  opt(out, d, ['serviceName', 'serviceInstanceName', 'deploymentStatusMessage', 'completedAt', 'lastAttemptedDeploymentId', 'lastSucceededDeploymentId']);
  // DeploymentState is a union: exactly one member, here serviceInstance.
  out.initialState = { serviceInstance: { ...d.initialState } };
  out.targetState = { serviceInstance: { ...d.targetState } };
  return out;
}
