/** Symmetric customer-managed KMS keys rotate their key material automatically. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, unknownValue } from '../../../engine/results';
import { attr, stringAttr } from '../../../engine/values';
import { requireBool } from '../../common/shapes';

export const kmsKeyRotation = defineRule({
  id: 'kms-key-rotation',
  title: 'Symmetric KMS keys have automatic rotation enabled',
  severity: 'error',
  profile: 'baseline',
  category: 'keys',
  resourceTypes: ['aws_kms_key'],
  rationale:
    'Rotation gives a key new backing material every year (or rotation_period_in_days) while old material ' +
    'still decrypts old data: it limits how much data any one piece of key material protects, and it is what ' +
    'auditors (CIS, PCI DSS 3.6.4) ask for. It costs nothing to turn on for symmetric keys, the only kind KMS ' +
    'can rotate automatically.',
  fix:
    'Set `enable_key_rotation = true` (it defaults to false). Asymmetric and HMAC keys, and keys in a custom ' +
    'key store, cannot rotate automatically and are not checked.',
  references: {
    checkov: ['CKV_AWS_7'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_7',
        kind: 'looser',
        why: 'HMAC keys and keys in a custom key store are not applicable, since KMS cannot rotate them automatically; checkov fails both',
      },
    ],
    docs: ['https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html'],
  },
  examples: {
    failing: { resourceType: 'aws_kms_key', body: { description: 'data' } },
    passing: { resourceType: 'aws_kms_key', body: { description: 'data', enable_key_rotation: true } },
  },
  check(resource) {
    const body = resource.body;
    const spec = stringAttr(body, 'customer_master_key_spec');
    if (spec.state === 'unknown') return unknownValue('customer_master_key_spec', spec);
    if (spec.state === 'known' && spec.value !== 'SYMMETRIC_DEFAULT') {
      return notApplicable(`a ${spec.value} key: KMS rotates only symmetric encryption keys automatically`);
    }
    // Keys in a CloudHSM or external key store cannot rotate automatically (even an expression here means one is used).
    if (attr(body, 'custom_key_store_id').state !== 'absent') return notApplicable('a key in a custom key store cannot rotate automatically');
    return requireBool(body, 'enable_key_rotation', 'automatic key rotation', { defaultValue: false });
  },
});
