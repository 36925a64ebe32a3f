// Finding records in the emulator's state, and the ARNs it gives them.
import type {
  ComponentRecord,
  EmulatorState,
  EnvironmentRecord,
  InstanceRecord,
  ServiceRecord,
  ServiceTemplateRecord,
} from './state';

export const nowSeconds = (): number => Date.now() / 1000;

export function arn(state: EmulatorState, resource: string): string {
  return `arn:aws:proton:${state.region}:${state.accountId}:${resource}`;
}

export const instanceArn = (s: EmulatorState, i: { serviceName: string; name: string }) =>
  arn(s, `service/${i.serviceName}/service-instance/${i.name}`);

export function findService(s: EmulatorState, name: string): ServiceRecord | undefined {
  return s.services.find((x) => x.name === name);
}

export function findInstance(s: EmulatorState, serviceName: string, name: string): InstanceRecord | undefined {
  return s.instances.find((x) => x.serviceName === serviceName && x.name === name);
}

export function findServiceTemplate(s: EmulatorState, name: string): ServiceTemplateRecord | undefined {
  return s.serviceTemplates.find((x) => x.name === name);
}

export function findEnvironment(s: EmulatorState, name: string): EnvironmentRecord | undefined {
  return s.environments.find((x) => x.name === name);
}

export function attachedComponent(s: EmulatorState, i: InstanceRecord): ComponentRecord | undefined {
  return s.components.find((c) => c.serviceName === i.serviceName && c.serviceInstanceName === i.name);
}
