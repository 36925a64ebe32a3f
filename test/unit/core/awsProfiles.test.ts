// Profiles of the shared AWS files, read as the AWS CLI reads them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { parseProfiles } from '../../../src/core/awsProfiles';

const config = `
# comment
[default]
region = us-west-2

[profile dev]
region=eu-west-1
sso_session = corp
s3 =
  max_concurrent_requests = 20

[sso-session corp]
sso_region = us-east-1
sso_start_url = https://corp.awsapps.com/start

[profile tools]
credential_process = /usr/bin/creds
[services local]
proton =
  endpoint_url = http://127.0.0.1:4566
`;

const credentials = `
[default]
aws_access_key_id = AKIDEXAMPLE
aws_secret_access_key = secret
[ci]
aws_access_key_id = AKIDCI
`;

test('lists every profile once, default first, with its region and sources; sso-session and services sections are not profiles', () => {
  assert.deepEqual(parseProfiles(config, credentials), [
    { name: 'default', region: 'us-west-2', sources: ['config', 'credentials'] },
    { name: 'ci', sources: ['credentials'] },
    { name: 'dev', region: 'eu-west-1', sources: ['config'], sso: true },
    { name: 'tools', sources: ['config'] },
  ]);
});

test('missing files count as empty', () => {
  assert.deepEqual(parseProfiles(undefined, undefined), []);
  assert.deepEqual(parseProfiles('', '[x]\n').map((p) => p.name), ['x']);
});

test('a nested key never overrides the profile region', () => {
  const text = '[profile p]\nregion = ap-south-1\ns3 =\n  region = us-east-1\n';
  assert.equal(parseProfiles(text, undefined)[0].region, 'ap-south-1');
});
