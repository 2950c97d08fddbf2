import { kmsKeyRotation as rule } from '../../../../rules/aws/keys/kms-key-rotation';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { exampleFindings } from '../policy/helpers';

const T = 'aws_kms_key';

describe('kms-key-rotation', () => {
  it('fires for a symmetric key without rotation (unset means false)', () => {
    expect(kinds(findingsFor(rule, T, {}))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, { enable_key_rotation: false, customer_master_key_spec: 'SYMMETRIC_DEFAULT' }))).toEqual(['violation']);
  });

  it('is quiet with rotation on', () => {
    expect(findingsFor(rule, T, { enable_key_rotation: true })).toEqual([]);
    expect(findingsFor(rule, T, { enable_key_rotation: 'true', customer_master_key_spec: 'SYMMETRIC_DEFAULT' })).toEqual([]);
  });

  it('leaves keys KMS cannot rotate alone: asymmetric, HMAC, custom key store', () => {
    expect(findingsFor(rule, T, { customer_master_key_spec: 'RSA_2048', key_usage: 'SIGN_VERIFY' })).toEqual([]);
    expect(findingsFor(rule, T, { customer_master_key_spec: 'HMAC_256', key_usage: 'GENERATE_VERIFY_MAC' })).toEqual([]);
    expect(findingsFor(rule, T, { custom_key_store_id: '${aws_kms_custom_key_store.hsm.id}' })).toEqual([]);
  });

  it('is unknown when rotation or the key spec is an expression', () => {
    expect(kinds(findingsFor(rule, T, { enable_key_rotation: '${var.rotate}' }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, { customer_master_key_spec: '${var.spec}' }))).toEqual(['unknown']);
  });

  it('has examples that behave', () => {
    const { failing, passing } = exampleFindings(rule);
    expect(kinds(failing)).toEqual(['violation']);
    expect(passing).toEqual([]);
  });
});
