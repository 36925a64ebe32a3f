// The texts of the update flow: the confirmation, Proton's errors as actionable messages, and the outcome.
import { test, describe } from 'node:test';
import * as assert from 'node:assert/strict';
import { confirmationText, describeConnection } from '../../../src/core/updateConfirmation';
import { isRetryableFailure, updateFailureMessage } from '../../../src/core/updateErrors';
import { batchSummary, deploymentOutcome, outcomeMessage, pollDelay } from '../../../src/core/deploymentOutcome';

const EMU = { region: 'us-east-1', endpoint: 'http://127.0.0.1:4566', isEmulator: true };

describe('confirmation', () => {
  test('names the connection, service, instance, type, version change and the unsaved edits', () => {
    const t = confirmationText(
      { serviceName: 'web', name: 'dev', deploymentType: 'MINOR_VERSION', from: { major: '1', minor: '2' }, to: { major: '1', minor: '4' }, source: 'spec.yaml', unsaved: true },
      EMU,
    );
    assert.equal(t.message, 'Deploy to service instance web/dev?');
    assert.equal(t.detail, [
      'Connection: Proton emulator · us-east-1 · http://127.0.0.1:4566',
      'Service: web',
      'Instance: dev',
      'Deployment type: MINOR_VERSION',
      'Version: v1.2 → v1.4',
      'Spec: spec.yaml (unsaved changes included)',
    ].join('\n'));
  });

  test('NONE says no deployment; a profile on AWS is named without secrets', () => {
    const t = confirmationText(
      { serviceName: 'web', name: 'dev', deploymentType: 'NONE', from: { major: '1', minor: '2' }, to: { major: '1', minor: '2' }, source: 'Untitled-1', unsaved: false },
      { profile: 'prod', region: 'eu-west-1', isEmulator: false },
    );
    assert.equal(t.message, 'Update the spec of service instance web/dev?');
    assert.match(t.detail, /^Connection: profile prod · eu-west-1 · AWS endpoint$/m);
    assert.match(t.detail, /^Version: stays on v1\.2 \(metadata only, no deployment\)$/m);
    assert.match(t.detail, /^Spec: Untitled-1$/m);
    assert.equal(describeConnection({ region: 'us-east-1', isEmulator: false }), 'default credentials · us-east-1 · AWS endpoint');
  });
});

describe('errors', () => {
  const ctx = { serviceName: 'web', name: 'dev', connection: 'profile prod', attempts: 4 };
  test('each Proton error says what to do, Proton\'s words last', () => {
    assert.equal(
      updateFailureMessage({ errorName: 'ConflictException', message: 'busy' }, ctx),
      'Proton did not update web/dev: a deployment is in progress — wait or cancel it. busy',
    );
    assert.equal(updateFailureMessage({ errorName: 'ValidationException', message: 'bad input x' }, ctx), 'Proton refused the update of web/dev: bad input x');
    assert.match(updateFailureMessage({ errorName: 'ResourceNotFoundException', message: 'service template t 9.0' }, ctx), /could not find: service template t 9\.0$/);
    assert.match(updateFailureMessage({ errorName: 'ThrottlingException', message: 'slow down' }, ctx), /after 4 attempts with the same client token; nothing was deployed twice/);
    assert.match(updateFailureMessage({ errorName: 'AccessDeniedException', message: 'no' }, ctx), /profile prod need proton:UpdateServiceInstance/);
    assert.match(updateFailureMessage({ errorName: 'CredentialsError', message: 'expired' }, ctx), /aws sso login/);
    assert.match(updateFailureMessage({ errorName: 'Weird', message: 'x' }, ctx), /^The update of web\/dev failed: x$/);
  });

  test('only network drops, throttling and internal errors are retried', () => {
    const names = ['NetworkError', 'ThrottlingException', 'InternalServerException', 'ConflictException', 'ValidationException', 'AccessDeniedException'];
    assert.deepEqual(names.map((errorName) => isRetryableFailure({ errorName, message: '' })), [true, true, true, false, false, false]);
  });
});

describe('outcome', () => {
  const inst = (deploymentStatus: string, deploymentStatusMessage?: string) => ({
    deploymentStatus, deploymentStatusMessage, templateMajorVersion: '1', templateMinorVersion: '4',
  });
  test('busy statuses keep following; settled ones end it', () => {
    assert.equal(deploymentOutcome(inst('IN_PROGRESS')), undefined);
    assert.equal(deploymentOutcome(inst('CANCELLING')), undefined);
    assert.equal(deploymentOutcome(inst('SUCCEEDED')), 'SUCCEEDED');
    assert.equal(deploymentOutcome(inst('CANCELLED')), 'CANCELLED');
    assert.equal(deploymentOutcome(inst('FAILED')), 'FAILED');
    assert.equal(deploymentOutcome(inst('DELETE_FAILED')), 'FAILED');
  });
  test('messages name the instance, the version it runs and Proton\'s status message for failures', () => {
    const who = { serviceName: 'web', name: 'dev' };
    assert.equal(outcomeMessage('SUCCEEDED', who, inst('SUCCEEDED')), 'Deployed web/dev: it runs v1.4.');
    assert.equal(outcomeMessage('CANCELLED', who, inst('CANCELLED')), 'The deployment of web/dev was cancelled; it stays on v1.4.');
    assert.equal(
      outcomeMessage('FAILED', who, inst('FAILED', 'stack rolled back'), { major: '2', minor: '0' }),
      'The deployment of web/dev to v2.0 failed: stack rolled back',
    );
  });
  test('polling starts quick and settles at the maximum', () => {
    assert.deepEqual([0, 1, 2, 3, 10].map((a) => pollDelay(a, 3000)), [500, 1000, 2000, 3000, 3000]);
  });
});

describe('"All N, one after another" summary', () => {
  const t = (name: string) => ({ serviceName: 'shop', name });
  const targets = [t('a'), t('b'), t('c')];
  test('none for a single target; all succeeded names them', () => {
    assert.equal(batchSummary([t('a')], [{ ...t('a'), result: 'FAILED' }]), undefined);
    assert.deepEqual(batchSummary(targets, targets.map((x) => ({ ...x, result: 'SUCCEEDED' }))), {
      text: 'All 3 instances updated: shop/a, shop/b, shop/c.',
      allSucceeded: true,
    });
  });
  test('where it stopped, why, and what was not started', () => {
    assert.equal(
      batchSummary(targets, [{ ...t('a'), result: 'SUCCEEDED' }, { ...t('b'), result: 'FAILED' }])?.text,
      '1 of 3 instances updated (shop/a); shop/b failed; so shop/c was not started.',
    );
    assert.equal(
      batchSummary(targets, [{ ...t('a'), result: 'declined' }])?.text,
      '0 of 3 instances updated; shop/a was declined at the confirmation; so shop/b, shop/c were not started.',
    );
    assert.equal(batchSummary(targets, [])?.text, '0 of 3 instances updated; shop/a, shop/b, shop/c were not started.');
  });
});
