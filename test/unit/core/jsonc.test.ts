// JSONC as VS Code's settings files hold it: comments and trailing commas, never inside strings.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseJsonc } from '../../../src/core/jsonc';

test('comments and trailing commas are dropped; strings keep // and /* and escaped quotes', () => {
  const text = `{
    // the emulator
    "proton.endpoint": "http://127.0.0.1:4566", /* block
    comment */ "proton.region": "eu-west-2",
    "note": "a // not a comment /* nor this */ \\"quoted\\"",
    "list": [1, 2,],
  }`;
  assert.deepEqual(parseJsonc(text), {
    'proton.endpoint': 'http://127.0.0.1:4566',
    'proton.region': 'eu-west-2',
    note: 'a // not a comment /* nor this */ "quoted"',
    list: [1, 2],
  });
});

test('what does not parse is undefined, not an exception', () => {
  assert.equal(parseJsonc('{ "a": '), undefined);
  assert.equal(parseJsonc(''), undefined);
});
