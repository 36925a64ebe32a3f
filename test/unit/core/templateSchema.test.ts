// The OpenAPI-subset validator shared by the emulator and the checker: the problems a schema author and a spec
// writer see, with the codes and paths the diagnostics will be placed by.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import {
  parseTemplateSchema,
  tryParseTemplateSchema,
  validateInputs,
  withDefaults,
  formatPath,
  type SchemaProblem,
} from '../../../src/core/templateSchema';

const SCHEMA = `
schema:
  format:
    openapi: "3.0.0"
  service_input_type: "SvcInput"
  pipeline_input_type: "PipelineInput"
  types:
    SvcInput:
      type: object
      properties:
        port: {type: number, default: 80, minimum: 0, maximum: 65535}
        replicas: {type: integer, minimum: 1}
        task_size: {type: string, enum: [x-small, small], default: x-small}
        image: {type: string, minLength: 1, maxLength: 20}
        cidr: {type: string, pattern: "([0-9]{1,3}\\\\.){3}[0-9]{1,3}($|/(16|24))"}
        tag: {type: string, pattern: "^[a-z\\\\_]+$"}
        public: {type: boolean}
        subnets: {type: array, items: {type: string, minLength: 3}, maxItems: 2}
        health: {$ref: "#/Health"}
      required: [image, port]
    Health:
      type: object
      properties:
        path: {type: string, default: "/"}
        interval: {type: number, minimum: 5}
      required: [interval]
    PipelineInput:
      type: object
      properties:
        dockerfile: {type: string}
`;

const schema = parseTemplateSchema(SCHEMA);
const codes = (ps: SchemaProblem[]) => ps.map((p) => `${p.code}@${formatPath(p.path)}`).sort();

describe('parseTemplateSchema', () => {
  test('reads the input type names and the types', () => {
    assert.equal(schema.serviceInputType, 'SvcInput');
    assert.equal(schema.pipelineInputType, 'PipelineInput');
    assert.deepEqual(Object.keys(schema.types).sort(), ['Health', 'PipelineInput', 'SvcInput']);
  });

  for (const [name, text, message] of [
    ['not YAML', 'schema: [', /not valid YAML/],
    ['no schema key', 'types: {}', /top-level "schema"/],
    ['an input type that is not defined', 'schema: {service_input_type: Nope, types: {A: {type: object}}}', /"Nope" is not defined/],
    ['a $ref to nowhere', 'schema: {service_input_type: A, types: {A: {type: object, properties: {x: {$ref: "#/B"}}}}}', /\$ref "#\/B"/],
    ['an unknown type', 'schema: {service_input_type: A, types: {A: {type: object, properties: {x: {type: text}}}}}', /type "text"/],
    ['a broken pattern', 'schema: {service_input_type: A, types: {A: {type: object, properties: {x: {type: string, pattern: "("}}}}}', /not a valid regular expression/],
  ] as const) {
    test(`refuses ${name}, saying what is wrong`, () => {
      assert.throws(() => parseTemplateSchema(text), message);
      const r = tryParseTemplateSchema(text);
      assert.ok('error' in r && message.test(r.error));
    });
  }
});

describe('validateInputs', () => {
  test('accepts valid inputs; a required input with a default may be left out', () => {
    assert.deepEqual(validateInputs(schema, 'SvcInput', { image: 'nginx', health: { interval: 10 } }), []);
  });

  test('flags every problem, each with its code and path', () => {
    const problems = validateInputs(schema, 'SvcInput', {
      port: 70000,
      replicas: 1.5,
      task_size: 'large',
      image: '',
      cidr: 'ten.0.0.1',
      public: 'yes',
      subnets: ['a', 'subnet-1', 'subnet-2'],
      health: { path: '/up' },
      colour: 'blue',
    });
    assert.deepEqual(codes(problems), [
      'input-enum@task_size',
      'input-length@image',
      'input-length@subnets',
      'input-length@subnets[0]',
      'input-pattern@cidr',
      'input-range@port',
      'input-required@health.interval',
      'input-type@public',
      'input-type@replicas',
      'input-unknown@colour',
    ]);
    for (const p of problems) assert.ok(p.message.length > 10, `a readable message for ${p.code}: ${p.message}`);
  });

  test('a missing required input without a default is input-required', () => {
    assert.deepEqual(codes(validateInputs(schema, 'SvcInput', { port: 8080 })), ['input-required@image']);
  });

  test('patterns are unanchored, as in JSON Schema', () => {
    assert.deepEqual(validateInputs(schema, 'SvcInput', { image: 'x', cidr: 'net 10.0.0.0/16' }), []);
  });

  test('patterns with identity escapes that only non-Unicode regexes accept still work', () => {
    assert.deepEqual(validateInputs(schema, 'SvcInput', { image: 'x', tag: 'a_b' }), []);
    assert.deepEqual(codes(validateInputs(schema, 'SvcInput', { image: 'x', tag: 'A-B' })), ['input-pattern@tag']);
  });

  test('lengths count characters, not UTF-16 units', () => {
    assert.deepEqual(validateInputs(schema, 'SvcInput', { image: '🚀'.repeat(20) }), []);
    assert.deepEqual(codes(validateInputs(schema, 'SvcInput', { image: '🚀'.repeat(21) })), ['input-length@image']);
  });

  test('non-finite numbers are named for what they are', () => {
    const [p] = validateInputs(schema, 'SvcInput', { image: 'x', port: Infinity });
    assert.equal(p.code, 'input-type');
    assert.match(p.message, /not infinity/);
  });

  test('inputs that are not a mapping at all', () => {
    assert.deepEqual(codes(validateInputs(schema, 'SvcInput', ['image'])), ['input-type@']);
  });

  test('withDefaults fills in what the schema defaults, without touching given values', () => {
    assert.deepEqual(withDefaults(schema, 'SvcInput', { image: 'x', port: 81 }), { image: 'x', port: 81, task_size: 'x-small' });
  });

  test('withDefaults fills nested objects that are present, as its comment says', () => {
    assert.deepEqual(withDefaults(schema, 'SvcInput', { image: 'x', health: { interval: 5 } }), {
      image: 'x',
      port: 80,
      task_size: 'x-small',
      health: { interval: 5, path: '/' },
    });
    assert.deepEqual(withDefaults(schema, 'NoSuchType', { a: 1 }), { a: 1 });
  });
});
