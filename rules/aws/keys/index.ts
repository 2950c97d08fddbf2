/** The AWS KMS and Secrets Manager rules, in catalog order. */
import type { Rule } from '../../../engine/rule';
import { kmsDeletionWindow } from './kms-deletion-window';
import { kmsKeyRotation } from './kms-key-rotation';
import { kmsNoWildcardPrincipal } from './kms-no-wildcard-principal';
import { secretsManagerCmk } from './secrets-manager-cmk';
import { secretsManagerRecoveryWindow } from './secrets-manager-recovery-window';
import { secretsManagerRotation } from './secrets-manager-rotation';

export const awsKeyRules: readonly Rule[] = [
  kmsKeyRotation,
  kmsDeletionWindow,
  kmsNoWildcardPrincipal,
  secretsManagerCmk,
  secretsManagerRecoveryWindow,
  secretsManagerRotation,
];
