/** Redshift clusters record connections, users and queries (audit logging). */
import { defineRule } from '../../../engine/rule';
import { blocks } from '../../../engine/values';
import { forEachBlock, requireBool } from '../../common/shapes';
import { companionResult, companionsOf } from '../data/companions';

const LOGGING = 'aws_redshift_logging';

export const redshiftAuditLogging = defineRule({
  id: 'redshift-audit-logging',
  title: 'Redshift clusters have audit logging',
  severity: 'warning',
  profile: 'strict',
  category: 'logging',
  resourceTypes: ['aws_redshift_cluster'],
  rationale:
    'CloudTrail records API calls about the cluster, not the database: without audit logging there is no ' +
    'record of who connected, from where, or which user ran which query, so a credential misuse or data ' +
    'exfiltration through SQL leaves no trace. Audit logging is configured by an aws_redshift_logging ' +
    'resource pointing at the cluster (or the deprecated inline `logging` block). Strict: the logs cost ' +
    'storage and need a bucket policy or CloudWatch log groups.',
  fix: `Add an ${LOGGING} with \`cluster_identifier = <cluster>.id\` and \`log_destination_type = "cloudwatch"\` (with \`log_exports\`) or an S3 bucket.`,
  references: {
    checkov: ['CKV_AWS_71'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_71',
        kind: 'different',
        why: `checkov reads only the inline logging block; an ${LOGGING} resource pointing at the cluster counts here too.`,
      },
    ],
    docs: ['https://docs.aws.amazon.com/redshift/latest/mgmt/db-auditing.html'],
  },
  examples: {
    failing: { resourceType: 'aws_redshift_cluster', body: { cluster_identifier: 'warehouse', node_type: 'ra3.xlplus' } },
    passing: {
      resourceType: 'aws_redshift_cluster',
      body: { cluster_identifier: 'warehouse', node_type: 'ra3.xlplus' },
      others: {
        [LOGGING]: {
          warehouse: {
            cluster_identifier: '${aws_redshift_cluster.example.id}',
            log_destination_type: 'cloudwatch',
            log_exports: ['connectionlog', 'userlog'],
          },
        },
      },
    },
  },
  check(resource, context) {
    const companions = companionsOf(resource, context, LOGGING, 'cluster_identifier', ['cluster_identifier']);
    const withoutInline = () => companionResult(companions, LOGGING, 'so connections and queries are not recorded');
    if (companions.found.length === 0 && blocks(resource.body, 'logging').occurrences.length > 0) {
      return forEachBlock(
        resource.body,
        'logging',
        (l) => requireBool(l.body, 'enable', 'audit logging', { path: l.path, defaultValue: false }),
        withoutInline,
      );
    }
    return withoutInline();
  },
});
