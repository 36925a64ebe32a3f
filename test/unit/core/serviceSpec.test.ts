// The ServiceSpec rules as tables run directly against src/core: the structure of a whole spec, and what an update
// checks of one instance's entry (environment, "${Proton::CURRENT_VAL}", inputs against the target schema), each
// problem with its code and its path from the document root.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import { checkInstanceSpec, instanceInputs, specInstanceNames, specStructureProblems } from '../../../src/core/serviceSpec';
import { parseTemplateSchema } from '../../../src/core/templateSchema';

const SCHEMA = parseTemplateSchema(`
schema:
  format: {openapi: "3.0.0"}
  service_input_type: SvcInput
  pipeline_input_type: PipeInput
  types:
    SvcInput:
      type: object
      properties:
        image: {type: string, minLength: 1}
        port: {type: number, default: 80, maximum: 65535}
        size: {type: string, enum: [small, medium]}
      required: [image, port]
    PipeInput:
      type: object
      properties:
        stages: {type: integer, minimum: 1}
`);

/** A spec's problems as `code @ path`, in order. */
const shown = (problems: { code: string; path?: (string | number)[] }[]) => problems.map((p) => `${p.code} @ ${(p.path ?? []).join('.')}`);

describe('checkInstanceSpec', () => {
  const rows: [why: string, yaml: string, expect: string[], index?: number][] = [
    ['a valid entry', 'proton: ServiceSpec\ninstances:\n  - {name: web, environment: dev, spec: {image: nginx}}', [], 0],
    ['not a ServiceSpec', 'proton: EnvironmentSpec\ninstances: []', ['not-service-spec @ '], -1],
    ['not a mapping', '- a list', ['not-service-spec @ '], -1],
    ['instances not a list', 'proton: ServiceSpec\ninstances: {name: web}', ['spec-structure @ instances'], -1],
    ['no entry for the instance', 'proton: ServiceSpec\ninstances:\n  - {name: other, environment: dev, spec: {}}', ['target-not-in-spec @ instances'], -1],
    ['the entry in another environment', 'proton: ServiceSpec\ninstances:\n  - {name: x, environment: dev, spec: {}}\n  - {name: web, environment: prod, spec: {image: a}}', ['spec-structure @ instances.1.environment'], 1],
    ['the entry without an environment', 'proton: ServiceSpec\ninstances:\n  - {name: web, spec: {image: a}}', ['spec-structure @ instances.0.environment'], 0],
    ['spec not a mapping', 'proton: ServiceSpec\ninstances:\n  - {name: web, environment: dev, spec: [1]}', ['spec-structure @ instances.0.spec', 'input-required @ instances.0.spec.image'], 0],
    ['inputs against the schema', 'proton: ServiceSpec\ninstances:\n  - {name: web, environment: dev, spec: {port: 70000, size: huge, colour: red}}',
      ['input-required @ instances.0.spec.image', 'input-range @ instances.0.spec.port', 'input-enum @ instances.0.spec.size', 'input-unknown @ instances.0.spec.colour'], 0],
    ['the pipeline against pipeline_input_type', 'proton: ServiceSpec\npipeline: {stages: 0}\ninstances:\n  - {name: web, environment: dev, spec: {image: a}}', ['input-range @ pipeline.stages'], 0],
    ['CURRENT_VAL with a deployed value', 'proton: ServiceSpec\ninstances:\n  - {name: web, environment: dev, spec: {image: "${Proton::CURRENT_VAL}"}}', [], 0],
    ['CURRENT_VAL with nothing deployed', 'proton: ServiceSpec\ninstances:\n  - {name: web, environment: dev, spec: {size: "${Proton::CURRENT_VAL}", image: a}}',
      // Unresolved, the directive stays the value the schema sees (as the emulator has always answered).
      ['input-required @ instances.0.spec.size', 'input-enum @ instances.0.spec.size'], 0],
  ];
  for (const [why, yaml, expect, index] of rows) {
    test(`${why} → ${expect.join(', ') || 'no problem'}`, () => {
      const result = checkInstanceSpec(parse(yaml), { instanceName: 'web', environmentName: 'dev', schema: SCHEMA, deployedInputs: { image: 'nginx:1.26' } });
      assert.deepEqual(shown(result.problems), expect, result.problems.map((p) => p.message).join('\n'));
      if (index !== undefined) assert.equal(result.index, index);
    });
  }

  test('CURRENT_VAL resolves to the deployed value; without a schema the inputs are not checked', () => {
    const js = parse('proton: ServiceSpec\ninstances:\n  - {name: web, environment: dev, spec: {image: "${Proton::CURRENT_VAL}", any: 1}}');
    const result = checkInstanceSpec(js, { instanceName: 'web', environmentName: 'dev', deployedInputs: { image: 'nginx:1.26' } });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.resolved, { image: 'nginx:1.26' });
  });

  test('messages in the wording the emulator answers with', () => {
    const js = parse('proton: ServiceSpec\ninstances:\n  - {name: web, environment: prod, spec: {size: "${Proton::CURRENT_VAL}"}}');
    const { problems } = checkInstanceSpec(js, { instanceName: 'web', environmentName: 'dev', deployedInputs: {} });
    assert.deepEqual(problems.map((p) => p.message), [
      'must be "dev", the environment of instance web (not "prod")',
      '${Proton::CURRENT_VAL} has no deployed value to keep for input "size"',
    ]);
  });
});

describe('specStructureProblems', () => {
  const rows: [why: string, yaml: string, expect: string[]][] = [
    ['a valid spec', 'proton: ServiceSpec\ninstances:\n  - {name: a, environment: dev, spec: {}}\n  - {name: b, environment: dev, spec: {}}', []],
    ['no proton key', 'instances: []', ['not-service-spec @ ']],
    ['another proton kind', 'proton: EnvironmentSpec', ['not-service-spec @ proton']],
    ['no instances', 'proton: ServiceSpec', ['spec-structure @ proton']],
    ['instances not a list', 'proton: ServiceSpec\ninstances: 3', ['spec-structure @ instances']],
    ['an entry not a mapping', 'proton: ServiceSpec\ninstances: [x]', ['spec-structure @ instances.0']],
    ['an entry missing its members', 'proton: ServiceSpec\ninstances:\n  - {name: a}', ['spec-structure @ instances.0', 'spec-structure @ instances.0']],
    ['spec and environment of the wrong kind', 'proton: ServiceSpec\ninstances:\n  - {name: a, environment: "", spec: 1}', ['spec-structure @ instances.0.spec', 'spec-structure @ instances.0.environment']],
    ['an invalid name', 'proton: ServiceSpec\ninstances:\n  - {name: "-a", environment: dev, spec: {}}', ['name-invalid @ instances.0.name']],
    ['a name listed twice', 'proton: ServiceSpec\ninstances:\n  - {name: a, environment: dev, spec: {}}\n  - {name: a, environment: dev, spec: {}}', ['instance-duplicate @ instances.1.name']],
  ];
  for (const [why, yaml, expect] of rows) {
    test(`${why} → ${expect.join(', ') || 'no problem'}`, () => {
      assert.deepEqual(shown(specStructureProblems(parse(yaml))), expect);
    });
  }

  test('instance names and inputs are read from the parsed spec', () => {
    const js = parse('proton: ServiceSpec\ninstances:\n  - {name: a, environment: dev, spec: {x: 1}}\n  - {name: 7}\n  - {name: b, environment: dev}');
    assert.deepEqual(specInstanceNames(js), ['a', 'b']);
    assert.deepEqual(instanceInputs(js, 'a'), { x: 1 });
    assert.deepEqual(instanceInputs(js, 'b'), {});
    assert.deepEqual(instanceInputs(js, 'nobody'), {});
  });
});
