// Completion, hover and CodeLens data in spec files: from the schema of the version the update lands on and the
// cached Proton data.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkSpecDocument } from '../../../src/core/checker';
import { parseSpecDocument } from '../../../src/core/specDocument';
import { completionSite, specCompletions, specHover } from '../../../src/core/specAssist';
import { specLenses } from '../../../src/core/specLenses';
import { accountFacts } from '../helpers/checkerAccount';

const facts = accountFacts();
const DIR = '# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION\n';
const text = `${DIR}proton: ServiceSpec\ninstances:\n  - name: dev\n    environment: dev\n    spec:\n      image: app\n      size: medium\n      \n`;

function complete(t: string, at: string | number) {
  const offset = typeof at === 'number' ? at : t.indexOf(at) + at.length;
  const result = checkSpecDocument(t, { facts });
  return specCompletions(t, offset, result, facts.snapshot);
}

describe('completion', () => {
  test('input names of the landing version, minus those present, required first', () => {
    const offset = text.length - 1;
    const items = complete(text, offset);
    assert.deepEqual(items.map((i) => i.label), ['count', 'tag', 'public', 'health']);
    assert.equal(items[0].detail, 'integer = 1');
    assert.match(items[0].documentation ?? '', /svc-tpl 1\.1/);
    assert.deepEqual(items[0].span, { start: offset, end: offset });
  });

  test('a partial name is replaced', () => {
    const t = text.replace('      \n', '      pu\n');
    const items = complete(t, '      pu');
    assert.deepEqual(items.find((i) => i.label === 'public')?.span, { start: t.indexOf('      pu') + 6, end: t.indexOf('      pu') + 8 });
  });

  test('enum values and booleans', () => {
    assert.deepEqual(complete(text, 'size: ').map((i) => i.label), ['small', 'medium', 'large']);
    const t = text.replace('      \n', '      public: \n');
    assert.deepEqual(complete(t, 'public: ').map((i) => i.label), ['true', 'false']);
  });

  test('completionSite finds nested paths', () => {
    const t = 'instances:\n  - name: a\n    spec:\n      health:\n        pa\n';
    assert.deepEqual(completionSite(t, t.length - 1)?.path, ['instances', 0, 'spec', 'health']);
  });

  test('directive keys and values', () => {
    const t = `# proton-update: serviceName=web name=dev \n${text.slice(DIR.length)}`;
    assert.deepEqual(complete(t, 'name=dev ').map((i) => i.label), ['deploymentType', 'templateMajorVersion', 'templateMinorVersion']);
    const v = `# proton-update: serviceName=web name=dev deploymentType=\n${text.slice(DIR.length)}`;
    assert.deepEqual(complete(v, 'deploymentType=').map((i) => i.label), ['NONE', 'CURRENT_VERSION', 'MINOR_VERSION', 'MAJOR_VERSION']);
    assert.deepEqual(complete(v, 'serviceName=').map((i) => i.label).sort(), ['api', 'web']);
    assert.deepEqual(complete(v, 'name=').map((i) => i.label), ['dev', 'old', 'busy', 'comp']);
    const m = `# proton-update: serviceName=web name=dev deploymentType=MINOR_VERSION templateMinorVersion=\n${text.slice(DIR.length)}`;
    assert.deepEqual(complete(m, 'templateMinorVersion=').map((i) => i.label), ['2', '1', '0']);
  });
});

describe('hover and CodeLens', () => {
  test('hover on an input describes it from the schema', () => {
    const sd = parseSpecDocument(text);
    const result = checkSpecDocument(sd, { facts });
    const h = specHover(sd.doc?.contents, text.indexOf('size:') + 1, result);
    assert.match(h?.markdown ?? '', /\*\*size\*\* `string`/);
    assert.match(h?.markdown ?? '', /Task size/);
    assert.match(h?.markdown ?? '', /default `small` · one of `small`, `medium`, `large`/);
    assert.equal(text.slice(h?.span.start, h?.span.end), 'size');
    const d = specHover(sd.doc?.contents, text.indexOf('MINOR_VERSION'), result);
    assert.match(d?.markdown ?? '', /Deploy a newer minor version/);
  });

  test('lenses: status and version, update available (a minor, and the compatible major too), Update…', () => {
    const t = `# proton-update: serviceName=web name=dev deploymentType=CURRENT_VERSION\n${text.slice(DIR.length)}`;
    const sd = parseSpecDocument(t);
    const lenses = specLenses(sd, checkSpecDocument(sd, { facts }));
    assert.deepEqual(lenses.map((l) => [l.title, l.span.start, l.update]), [
      ['web/dev · SUCCEEDED · svc-tpl 1.0', 2, undefined],
      ['$(arrow-up) 1.1 available (minor) · 2.0 (major)', 2, undefined],
      ['Update…', 2, { serviceName: 'web', name: 'dev' }],
    ]);
  });
});
