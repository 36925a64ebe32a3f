// The checker run for one chosen update (the gate before a submit): the spec's own checks, as the diagnostics run
// them, plus the target checks for the deploymentType and version the person chose, i.e. against the version the
// update lands on. Pure: reads cached Proton facts; what is missing comes back as `needs`.
import { checkSpecDocument, locate, type CheckedProblem, type FactNeed } from './checker';
import { problem, type Problem } from './problems';
import type { ProtonFacts } from './protonSnapshot';
import { instanceIndex, isObj } from './serviceSpec';
import { parseSpecDocument } from './specDocument';
import type { SpecTarget } from './specTargets';
import { checkTarget } from './targetChecks';

export interface UpdateCheckResult {
  problems: CheckedProblem[];
  needs: FactNeed[];
}

export function checkUpdate(text: string, target: SpecTarget, facts: ProtonFacts): UpdateCheckResult {
  const sd = parseSpecDocument(text);
  // Local checks (syntax, size, directives, structure); the file's own targets are replaced by the chosen one.
  const local = checkSpecDocument(sd, { force: true }).problems.filter((p) => p.code !== 'target-not-in-spec');
  if (sd.unparsed || sd.syntax.length) return { problems: local, needs: [] };
  const raw: Problem[] = [];
  const needs: FactNeed[] = [];
  if (instanceIndex(sd.js, target.name) < 0) {
    raw.push(problem('target-not-in-spec', `"instances" has no entry named "${target.name}", the instance this update targets.`, {
      path: isObj(sd.js) && 'instances' in sd.js ? ['instances'] : [],
      onKey: true,
    }));
  }
  checkTarget(sd, { ...target, directive: undefined }, facts, raw, needs);
  return { problems: [...local, ...raw.map((p) => locate(sd, p))], needs };
}
