// The checker gate's checker: the diagnostics' checks (core/updateCheck) against the chosen target and version,
// reading Proton data from the shared cache; what the cache lacks (a version's schema, the deployed spec) is
// fetched once, then the spec is checked again.
import type { ProtonCacheApi } from '../../proton/api';
import { checkUpdate } from '../../core/updateCheck';
import type { CheckedProblem, FactNeed } from '../../core/checker';
import type { SpecChecker } from './checkGate';

export function cachedSpecChecker(cache: ProtonCacheApi): SpecChecker {
  return async (req) => {
    const target = {
      serviceName: req.serviceName,
      name: req.name,
      deploymentType: req.deploymentType,
      templateMajorVersion: req.templateMajorVersion,
      templateMinorVersion: req.templateMinorVersion,
    };
    let result = checkUpdate(req.text, target, cache);
    for (let round = 0; round < 2 && result.needs.length; round++) {
      await Promise.all(result.needs.map((n) => fetchNeed(cache, n).catch(() => undefined)));
      result = checkUpdate(req.text, target, cache);
    }
    return result.problems.map((p): CheckedProblem => ({ code: p.code, severity: p.severity, message: p.message, range: p.range, span: p.span }));
  };
}

function fetchNeed(cache: ProtonCacheApi, n: FactNeed): Promise<unknown> {
  switch (n.kind) {
    case 'snapshot':
      return cache.load();
    case 'versionDetail':
      return cache.fetchVersionDetail(n.templateName, n.major, n.minor);
    case 'deployedSpec':
      return cache.fetchDeployedSpec(n.serviceName, n.name);
  }
}
