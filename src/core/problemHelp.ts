// Where each problem code is explained: the README section of that code. Diagnostics link to it
// (`diagnostic.code.target`), the CLI's SARIF rules carry it as helpUri. README anchors are the codes themselves.
import type { ProblemCode } from './problems';

export const PROBLEM_HELP_BASE = 'https://github.com/vscode-proton/vscode-proton#';

export const problemHelpUri = (code: ProblemCode): string => `${PROBLEM_HELP_BASE}${code}`;

/** One line per code: what it means (the README table and SARIF rule descriptions say the same). */
export const PROBLEM_SUMMARY: Record<ProblemCode, string> = {
  'yaml-syntax': 'The file is not readable YAML (syntax, tabs, several documents, aliases, binary data, not UTF-8).',
  'not-service-spec': 'The top-level "proton" key is missing or not ServiceSpec.',
  'spec-structure': '"instances" is not a list, or an entry lacks name, environment or spec, or names another environment.',
  'spec-too-large': 'The spec is longer than the 51,200 characters Proton accepts.',
  'name-invalid': 'An instance name is not 1–100 letters, digits, "-" or "_" starting with a letter or digit.',
  'instance-duplicate': 'Two entries of "instances" have the same name.',
  'directive-invalid': 'A "# proton-update:" directive has an unknown key, a bad value or misses serviceName/name.',
  'target-not-found': 'Proton has no such service or service instance.',
  'target-not-in-spec': 'The targeted instance has no entry in "instances".',
  'version-not-allowed': 'NONE and CURRENT_VERSION take no template version.',
  'version-major-mismatch': 'MINOR_VERSION keeps the current major version; another major needs MAJOR_VERSION.',
  'version-major-not-higher': 'MAJOR_VERSION needs a major version higher than the current one.',
  'version-minor-without-major': 'A minor version with MAJOR_VERSION needs the major version too.',
  'version-not-found': 'The template version does not exist.',
  'version-not-published': 'The template version is not PUBLISHED (DRAFT, registering or failed).',
  'version-incompatible-environment': "The target version does not support the instance's environment template.",
  'version-no-newer': 'MINOR_VERSION or MAJOR_VERSION would deploy nothing newer than the current version.',
  'version-update-available': 'A newer recommended template version exists for the instance.',
  'instance-busy': 'The instance or its attached component is deploying or being deleted; Proton refuses updates.',
  'input-required': 'A required input (without default) of the target version is missing.',
  'input-unknown': 'The target version\'s schema does not define this input.',
  'input-type': 'The input has the wrong type.',
  'input-enum': 'The input is not one of the allowed values.',
  'input-pattern': 'The input does not match the pattern.',
  'input-range': 'The number is below the minimum or above the maximum.',
  'input-length': 'The string or list is shorter or longer than allowed.',
};
