// The operations the emulator serves, by the name that follows "AwsProton20200720." in x-amz-target.
import { GetComponent, ListComponents } from './components';
import { GetDeployment, ListDeployments } from './deployments';
import { GetEnvironment, ListEnvironments } from './environments';
import { CancelServiceInstanceDeployment, GetServiceInstance, ListServiceInstanceOutputs, ListServiceInstances } from './instances';
import { GetService, ListServices } from './services';
import {
  GetEnvironmentTemplate,
  GetServiceTemplate,
  GetServiceTemplateVersion,
  ListEnvironmentTemplates,
  ListServiceTemplates,
  ListServiceTemplateVersions,
} from './templates';
import type { Handler } from './types';
import { UpdateServiceInstance } from './updateServiceInstance';

export const OPERATIONS: Record<string, Handler> = {
  ListServices,
  GetService,
  ListServiceInstances,
  GetServiceInstance,
  UpdateServiceInstance,
  CancelServiceInstanceDeployment,
  ListServiceInstanceOutputs,
  ListServiceTemplates,
  GetServiceTemplate,
  ListServiceTemplateVersions,
  GetServiceTemplateVersion,
  ListEnvironmentTemplates,
  GetEnvironmentTemplate,
  GetEnvironment,
  ListEnvironments,
  ListComponents,
  GetComponent,
  ListDeployments,
  GetDeployment,
};

/** Every operation of the Proton model (2020-07-20), to tell "not supported here" from "no such operation". */
export const MODEL_OPERATIONS = new Set(
  (
    'AcceptEnvironmentAccountConnection CancelComponentDeployment CancelEnvironmentDeployment CancelServiceInstanceDeployment ' +
    'CancelServicePipelineDeployment CreateComponent CreateEnvironment CreateEnvironmentAccountConnection CreateEnvironmentTemplate ' +
    'CreateEnvironmentTemplateVersion CreateRepository CreateService CreateServiceInstance CreateServiceSyncConfig CreateServiceTemplate ' +
    'CreateServiceTemplateVersion CreateTemplateSyncConfig DeleteComponent DeleteDeployment DeleteEnvironment ' +
    'DeleteEnvironmentAccountConnection DeleteEnvironmentTemplate DeleteEnvironmentTemplateVersion DeleteRepository DeleteService ' +
    'DeleteServiceSyncConfig DeleteServiceTemplate DeleteServiceTemplateVersion DeleteTemplateSyncConfig GetAccountSettings ' +
    'GetComponent GetDeployment GetEnvironment GetEnvironmentAccountConnection GetEnvironmentTemplate GetEnvironmentTemplateVersion ' +
    'GetRepository GetRepositorySyncStatus GetResourcesSummary GetService GetServiceInstance GetServiceInstanceSyncStatus ' +
    'GetServiceSyncBlockerSummary GetServiceSyncConfig GetServiceTemplate GetServiceTemplateVersion GetTemplateSyncConfig ' +
    'GetTemplateSyncStatus ListComponentOutputs ListComponentProvisionedResources ListComponents ListDeployments ' +
    'ListEnvironmentAccountConnections ListEnvironmentOutputs ListEnvironmentProvisionedResources ListEnvironments ' +
    'ListEnvironmentTemplates ListEnvironmentTemplateVersions ListRepositories ListRepositorySyncDefinitions ' +
    'ListServiceInstanceOutputs ListServiceInstanceProvisionedResources ListServiceInstances ListServicePipelineOutputs ' +
    'ListServicePipelineProvisionedResources ListServices ListServiceTemplates ListServiceTemplateVersions ListTagsForResource ' +
    'NotifyResourceDeploymentStatusChange RejectEnvironmentAccountConnection TagResource UntagResource UpdateAccountSettings ' +
    'UpdateComponent UpdateEnvironment UpdateEnvironmentAccountConnection UpdateEnvironmentTemplate UpdateEnvironmentTemplateVersion ' +
    'UpdateService UpdateServiceInstance UpdateServicePipeline UpdateServiceSyncBlocker UpdateServiceSyncConfig UpdateServiceTemplate ' +
    'UpdateServiceTemplateVersion UpdateTemplateSyncConfig'
  ).split(' '),
);
