// The deploymentType and version QuickPicks. What they offer comes from core (updateChoices); this file shows it,
// preselects the directive's type (else the type last submitted for this instance); the flow remembers a type once
// an update with it was sent, so a choice abandoned halfway is not offered again as "the last one".
import * as vscode from 'vscode';
import type { TargetContext } from '../../core/deploymentTarget';
import type { DeploymentType } from '../../core/protonModel';
import { deploymentTypeChoices, preselectedVersion, versionChoices, type DeploymentTypeChoice } from '../../core/updateChoices';
import { instanceKey } from '../../core/protonSnapshot';
import { disabledItem, pick, type PickItem } from './quickPick';

const LAST_TYPE_KEY = 'proton.update.lastDeploymentType';

export interface DeploymentChoice {
  deploymentType: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
}

export interface Wanted {
  deploymentType?: DeploymentType;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
}

/** Asks for the deploymentType, then the version when the type needs one; undefined when dismissed. */
export async function chooseDeployment(
  ctx: TargetContext,
  state: vscode.Memento,
  wanted: Wanted,
  step: string,
): Promise<DeploymentChoice | undefined> {
  const who = `${ctx.instance.serviceName}/${ctx.instance.name}`;
  const key = instanceKey(ctx.instance.serviceName ?? '', ctx.instance.name);
  const remembered = state.get<Record<string, DeploymentType>>(LAST_TYPE_KEY, {});
  const choices = deploymentTypeChoices(ctx);
  const items = choices.map(typeItem);
  const preferred = wanted.deploymentType ?? remembered[key];
  // Without a directive or a last choice, or when theirs cannot apply now, start on CURRENT_VERSION: redeploying an
  // edited spec is the common case, and never NONE by default (it deploys nothing).
  const enabled = (type: DeploymentType) => items.find((i) => i.value.type === type && !i.disabledReason);
  const active = (preferred && enabled(preferred)) ?? enabled('CURRENT_VERSION');
  const choice = await pick({
    title: `${step}Update ${who}: deployment type`,
    placeholder: `How to update ${who} (now on v${ctx.instance.templateMajorVersion}.${ctx.instance.templateMinorVersion})`,
    items,
    active,
  });
  if (!choice) return undefined;
  if (choice.type !== 'MINOR_VERSION' && choice.type !== 'MAJOR_VERSION') return { deploymentType: choice.type };
  const type = choice.type;
  const versions = versionChoices(type, ctx);
  // A directive's version applies only to the type it was written for.
  const pre = preselectedVersion(versions, wanted.deploymentType === type ? wanted : {});
  const versionItems: PickItem<{ major: string; minor: string }>[] = versions.map((c) => ({
    label: c.recommended ? `$(star-full) ${c.label}` : c.label,
    description: c.description,
    detail: c.detail,
    value: { major: c.major, minor: c.minor },
  }));
  const version = await pick({
    title: `${step}Update ${who}: ${type} to which version`,
    placeholder: `Template ${ctx.template.name} version for ${who} (now v${ctx.instance.templateMajorVersion}.${ctx.instance.templateMinorVersion})`,
    items: versionItems,
    active: versionItems[versions.findIndex((c) => c === pre)],
  });
  if (!version) return undefined;
  return type === 'MINOR_VERSION'
    ? { deploymentType: type, templateMinorVersion: version.minor }
    : { deploymentType: type, templateMajorVersion: version.major, templateMinorVersion: version.minor };
}

function typeItem(c: DeploymentTypeChoice): PickItem<DeploymentTypeChoice> {
  const item: PickItem<DeploymentTypeChoice> = { label: c.type, detail: c.detail, value: c };
  return c.disabledReason ? disabledItem(item, c.disabledReason) : item;
}

/** Remembers the type of an update that was sent, to preselect it next time for this instance. */
export async function rememberDeploymentType(state: vscode.Memento, instance: { serviceName?: string; name: string }, type: DeploymentType): Promise<void> {
  const remembered = state.get<Record<string, DeploymentType>>(LAST_TYPE_KEY, {});
  await state.update(LAST_TYPE_KEY, { ...remembered, [instanceKey(instance.serviceName ?? '', instance.name)]: type });
}
