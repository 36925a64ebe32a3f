// `# proton-update:` directives and the target rules of design §4: what the checker, the CodeLens and the update
// command read from a spec file, with the offsets their ranges and quick fixes use.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseDirectives, formatDirective, directiveTarget } from '../../../src/core/directives';
import { normalizePath, parseProtonOps, specTargets } from '../../../src/core/specTargets';
import { closest, editDistance } from '../../../src/core/suggest';

const at = (text: string, span: { start: number; end: number } | undefined) => span && text.slice(span.start, span.end);

describe('parseDirectives', () => {
  test('reads every field with the offsets of each key and value', () => {
    const text = 'proton: ServiceSpec\n# proton-update: serviceName=svc name=dev deploymentType=MINOR_VERSION templateMinorVersion=2\n';
    const { directives, problems } = parseDirectives(text);
    assert.deepEqual(problems, []);
    assert.equal(directives.length, 1);
    const d = directives[0];
    assert.equal(d.line, 1);
    assert.equal(d.valid, true);
    assert.deepEqual(directiveTarget(d), { serviceName: 'svc', name: 'dev', deploymentType: 'MINOR_VERSION', templateMinorVersion: '2' });
    assert.equal(at(text, d.markerSpan), 'proton-update');
    assert.deepEqual(d.fields.map((f) => [at(text, f.keySpan), at(text, f.valueSpan)]), [
      ['serviceName', 'svc'], ['name', 'dev'], ['deploymentType', 'MINOR_VERSION'], ['templateMinorVersion', '2'],
    ]);
  });

  test('several directives, CRLF line ends, indented comments and trailing remarks', () => {
    const text = '# proton-update: serviceName=a name=dev\r\nx: 1\r\n  #proton-update:serviceName=a name=prod  # prod too\r\n';
    const { directives, problems } = parseDirectives(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(directives.map((d) => [d.line, d.name]), [[0, 'dev'], [2, 'prod']]);
    assert.equal(at(text, directives[0].lineSpan), '# proton-update: serviceName=a name=dev');
  });

  test('an unknown key says which key was meant, on the key', () => {
    const text = '# proton-update: servicename=a name=b deploymentTyp=NONE';
    const { directives, problems } = parseDirectives(text);
    assert.deepEqual(problems.map((p) => [p.code, at(text, p.span), p.data?.replacement]), [
      ['directive-invalid', 'servicename', 'serviceName'],
      ['directive-invalid', 'deploymentTyp', 'deploymentType'],
    ]);
    assert.match(problems[0].message, /did you mean "serviceName"/);
    assert.equal(directives[0].valid, false);
    assert.equal(directiveTarget(directives[0]), undefined);
  });

  test('bad values, each on its value word', () => {
    const text = '# proton-update: serviceName=a! name=dev deploymentType=minor templateMajorVersion=01 templateMinorVersion=x';
    const { directives, problems } = parseDirectives(text);
    assert.deepEqual(problems.map((p) => at(text, p.span)), ['a!', 'minor', '01', 'x']);
    assert.match(problems[1].message, /must be one of NONE, CURRENT_VERSION, MINOR_VERSION, MAJOR_VERSION; got "minor" \(did you mean MINOR_VERSION\?\)/);
    assert.equal(directives[0].name, 'dev');
    assert.equal(directives[0].serviceName, undefined);
  });

  test('missing serviceName/name, duplicate keys and words without "=" are reported', () => {
    const text = '# proton-update: name=a name=b oops';
    const { problems } = parseDirectives(text);
    assert.deepEqual(problems.map((p) => [at(text, p.span), p.data?.kind]), [
      ['name', 'duplicate'], ['oops', 'syntax'], ['proton-update', 'missing'],
    ]);
  });

  test('a misspelt marker with key=value words is flagged; other comments are not', () => {
    const text = '# proton-updte: serviceName=a name=b\n# note: see x=y\n# protonupdate is great\n';
    const { directives, problems } = parseDirectives(text);
    assert.equal(directives.length, 0);
    assert.deepEqual(problems.map((p) => at(text, p.span)), ['proton-updte']);
  });

  test('formatDirective writes what parseDirectives reads', () => {
    const t = { serviceName: 's', name: 'i', deploymentType: 'MAJOR_VERSION' as const, templateMajorVersion: '3', templateMinorVersion: '1' };
    const line = formatDirective(t);
    assert.equal(line, '# proton-update: serviceName=s name=i deploymentType=MAJOR_VERSION templateMajorVersion=3 templateMinorVersion=1');
    assert.deepEqual(directiveTarget(parseDirectives(line).directives[0]), t);
  });

  test('a large text with no comments is read in linear time', () => {
    const text = 'a: 1\n'.repeat(200_000);
    const t0 = performance.now();
    assert.equal(parseDirectives(text).directives.length, 0);
    assert.ok(performance.now() - t0 < 500);
  });
});

describe('suggest', () => {
  test('edit distance and the closest candidate', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(closest('taks_size', ['task_size', 'image']), 'task_size');
    assert.equal(closest('zzz', ['task_size', 'image']), undefined);
  });
});

describe('specTargets', () => {
  const ops = `sync:\n  services:\n    checkout-api:\n      dev: {branch: main, spec: ./services/checkout-api/spec.yaml}\n      prod: {spec: services/checkout-api/../checkout-api/spec.yaml}\n    other:\n      x: {spec: ./other.yaml}\n`;
  const spec = 'proton: ServiceSpec\ninstances:\n  - name: dev\n  - name: canary\n';

  test('parseProtonOps resolves spec paths from the ops file folder', () => {
    assert.deepEqual(parseProtonOps(ops, 'repo'), [
      { serviceName: 'checkout-api', name: 'dev', specPath: 'repo/services/checkout-api/spec.yaml' },
      { serviceName: 'checkout-api', name: 'prod', specPath: 'repo/services/checkout-api/spec.yaml' },
      { serviceName: 'other', name: 'x', specPath: 'repo/other.yaml' },
    ]);
    assert.deepEqual(parseProtonOps('sync: [', ''), []);
    assert.equal(normalizePath('C:\\ws\\a\\..\\b.yaml'), 'C:/ws/b.yaml');
    assert.equal(normalizePath('/ws/./a//b/'), '/ws/a/b');
  });

  test('directives first, even when proton-ops maps the file', () => {
    const text = `# proton-update: serviceName=s name=dev deploymentType=NONE\n${spec}`;
    const r = specTargets({ text, specPath: 'repo/services/checkout-api/spec.yaml', opsMappings: parseProtonOps(ops, 'repo') });
    assert.equal(r.source, 'directive');
    assert.deepEqual(r.targets.map((t) => [t.serviceName, t.name, t.deploymentType]), [['s', 'dev', 'NONE']]);
    assert.equal(r.targets[0].directive?.line, 0);
  });

  test('a broken directive still claims the file', () => {
    const r = specTargets({ text: `# proton-update: name=dev\n${spec}`, knownInstances: [{ serviceName: 'a', name: 'canary' }] });
    assert.deepEqual(r, { targets: [], source: 'directive' });
  });

  test('proton-ops next', () => {
    const r = specTargets({ text: spec, specPath: './repo/services/checkout-api/spec.yaml', opsMappings: parseProtonOps(ops, 'repo') });
    assert.equal(r.source, 'proton-ops');
    assert.deepEqual(r.targets, [{ serviceName: 'checkout-api', name: 'dev' }, { serviceName: 'checkout-api', name: 'prod' }]);
  });

  test('then exactly one known instance named in the file, else none', () => {
    const known = [{ serviceName: 'a', name: 'canary' }, { serviceName: 'b', name: 'prod' }];
    assert.deepEqual(specTargets({ text: spec, specPath: 'x.yaml', knownInstances: known }), {
      targets: [{ serviceName: 'a', name: 'canary' }],
      source: 'unique-name',
    });
    const two = [...known, { serviceName: 'c', name: 'dev' }];
    assert.deepEqual(specTargets({ text: spec, knownInstances: two }), { targets: [], source: 'none' });
    assert.deepEqual(specTargets({ text: 'a: [', knownInstances: known }), { targets: [], source: 'none' });
  });
});
