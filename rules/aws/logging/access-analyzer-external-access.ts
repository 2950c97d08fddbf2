/** IAM Access Analyzer analyzers look for external access: the unused- and internal-access kinds do not. */
import { defineRule } from '../../../engine/rule';
import { requireOneOf } from '../../common/shapes';

/** The analyzer types that report resources shared outside the account or organization (the zone of trust). */
const EXTERNAL_ACCESS_TYPES = ['ACCOUNT', 'ORGANIZATION'];

export const accessAnalyzerExternalAccess = defineRule({
  id: 'access-analyzer-external-access',
  title: 'IAM Access Analyzer analyzers detect external access (type ACCOUNT or ORGANIZATION)',
  severity: 'error',
  profile: 'baseline',
  category: 'logging',
  resourceTypes: ['aws_accessanalyzer_analyzer'],
  rationale:
    'An external access analyzer reports every bucket, key, role, queue, snapshot or secret whose policy lets a ' +
    'principal outside the account (or organization) in, including the public ones: it is how an accidental ' +
    '"Principal": "*" is noticed. The ACCOUNT_UNUSED_ACCESS / ORGANIZATION_UNUSED_ACCESS analyzers report ' +
    'unused roles and permissions, and the *_INTERNAL_ACCESS ones access from inside; none of them raises an ' +
    'external-access finding, so a stack that has only those looks covered while nothing watches for sharing.',
  fix:
    'Leave `type` out (it defaults to ACCOUNT) or set it to "ACCOUNT", or "ORGANIZATION" in the organization\'s ' +
    'management or delegated administrator account. Keep an unused-access analyzer as a second, separate analyzer.',
  references: {
    docs: [
      'https://docs.aws.amazon.com/IAM/latest/UserGuide/what-is-access-analyzer.html',
      'https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/accessanalyzer_analyzer',
    ],
  },
  examples: {
    failing: { resourceType: 'aws_accessanalyzer_analyzer', body: { analyzer_name: 'unused', type: 'ACCOUNT_UNUSED_ACCESS' } },
    passing: { resourceType: 'aws_accessanalyzer_analyzer', body: { analyzer_name: 'external', type: 'ORGANIZATION' } },
  },
  check(resource) {
    return requireOneOf(resource.body, 'type', 'an analyzer that reports external access', EXTERNAL_ACCESS_TYPES, { defaultValue: 'ACCOUNT' });
  },
});
