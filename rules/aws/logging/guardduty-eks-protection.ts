/** GuardDuty keeps EKS audit log monitoring on. */
import { defineRule } from '../../../engine/rule';
import { checkProtection, DETECTOR, DETECTOR_FEATURE } from './guardduty';

export const guarddutyEksProtection = defineRule({
  id: 'guardduty-eks-protection',
  title: 'GuardDuty EKS audit log monitoring is not turned off',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: [DETECTOR, DETECTOR_FEATURE],
  rationale:
    'GuardDuty EKS Protection reads the Kubernetes audit logs of every EKS cluster in the account: anonymous ' +
    'access to the API server, a pod that mounts the host file system, a known-malicious container image, service ' +
    'account tokens used from outside. Without it, cluster compromises raise no finding. Strict: an account ' +
    'without EKS clusters has nothing for it to read.',
  fix:
    'Remove the setting that turns it off: an aws_guardduty_detector_feature with `name = "EKS_AUDIT_LOGS"` must have ' +
    '`status = "ENABLED"`, and the deprecated `datasources` block must not set its `enable = false` (a new detector turns it on by default).',
  references: {
    docs: ['https://docs.aws.amazon.com/guardduty/latest/ug/kubernetes-protection.html'],
  },
  examples: {
    failing: { resourceType: DETECTOR_FEATURE, body: { detector_id: '${aws_guardduty_detector.main.id}', name: 'EKS_AUDIT_LOGS', status: 'DISABLED' } },
    passing: { resourceType: DETECTOR_FEATURE, body: { detector_id: '${aws_guardduty_detector.main.id}', name: 'EKS_AUDIT_LOGS', status: 'ENABLED' } },
  },
  check(resource) {
    return checkProtection(resource, { feature: 'EKS_AUDIT_LOGS', datasource: ['kubernetes', 'audit_logs'], what: 'EKS audit log monitoring' });
  },
});
