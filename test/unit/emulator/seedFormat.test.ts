// Seeds in JSON (a .json file): read with JSON.parse, and the spec texts the emulator makes up are JSON too, so a
// large generated account loads without any YAML; the state is the same as from the same seed in YAML.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { instanceInputs } from '../../../src/core/serviceSpec';
import { readSeed, SeedError, stateFromSeed } from '../../../src/emulator/seed';
import { seedPath } from '../helpers/emulator';

describe('JSON seeds', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'proton-seed-json-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const data = parseYaml(readFileSync(seedPath('account.yaml'), 'utf8')) as { services: { spec?: unknown; instances?: { spec?: unknown }[] }[] };
  // One service whose specs the emulator has to make up.
  delete data.services[0].spec;
  for (const i of data.services[0].instances ?? []) delete i.spec;
  const jsonFile = path.join(dir, 'account.json');
  writeFileSync(jsonFile, JSON.stringify(data));
  const yamlFile = path.join(dir, 'account.yaml');
  writeFileSync(yamlFile, stringifyYaml(data));

  test('the same account as its YAML twin; made-up spec texts are JSON, with the same inputs', () => {
    const fromJson = stateFromSeed(readSeed(jsonFile), 1_700_000_000);
    const fromYaml = stateFromSeed(readSeed(yamlFile), 1_700_000_000);
    const strip = (s: typeof fromJson) => ({ ...s, services: s.services.map((x) => ({ ...x, spec: '' })), instances: s.instances.map((x) => ({ ...x, spec: '' })) });
    assert.deepEqual(strip(fromJson), strip(fromYaml));
    assert.ok(fromJson.instances.length > 5);
    for (const [n, inst] of fromJson.instances.entries()) {
      const twin = fromYaml.instances[n];
      assert.deepEqual(instanceInputs(parseYaml(inst.spec), inst.name), instanceInputs(parseYaml(twin.spec), twin.name), inst.name);
    }
    assert.ok(fromJson.services[0].spec.startsWith('{'), 'the made-up service spec is JSON');
    assert.ok(fromJson.instances.some((i) => i.serviceName === fromJson.services[0].name && i.spec.startsWith('{')), 'so are the instances\'');
    assert.ok(!fromYaml.services[0].spec.startsWith('{'), 'from YAML, YAML');
  });

  test('a .json seed that is not JSON is refused as such', () => {
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, 'accountId: "123456789012"\n');
    assert.throws(() => readSeed(bad), (e: unknown) => e instanceof SeedError && /not valid JSON/.test(e.message) && e.message.includes(bad));
  });
});
