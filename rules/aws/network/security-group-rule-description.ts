/** Every security-group rule says why it exists, so a reviewer can tell a needed opening from a leftover. */
import { defineRule } from '../../../engine/rule';
import { pass } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { forEachBlock, requirePresent } from '../../common/shapes';

export const securityGroupRuleDescription = defineRule({
  id: 'security-group-rule-description',
  title: 'Every security-group rule has a description',
  severity: 'warning',
  profile: 'strict',
  category: 'network',
  resourceTypes: ['aws_security_group', 'aws_security_group_rule', 'aws_vpc_security_group_ingress_rule', 'aws_vpc_security_group_egress_rule'],
  rationale:
    'Firewall rules outlive the people who wrote them. A rule without a description cannot be reviewed or ' +
    'safely removed, so openings accumulate; the description also shows up in the console and in audits.',
  fix: 'Set `description` on every inline ingress/egress block and on every security-group rule resource (what it allows and why).',
  references: {
    checkov: ['CKV_AWS_23'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_23',
        kind: 'looser',
        why: 'requires descriptions on rules only, not the group\'s own description (it defaults to "Managed by Terraform" and changing it replaces the group); the EC2-Classic db/elasticache/redshift security group types checkov also covers are gone from provider v5',
      },
    ],
  },
  examples: {
    failing: { resourceType: 'aws_security_group', body: { ingress: [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'] }] } },
    passing: {
      resourceType: 'aws_security_group',
      body: { ingress: [{ protocol: 'tcp', from_port: 443, to_port: 443, cidr_blocks: ['10.0.0.0/8'], description: 'HTTPS from the VPC' }] },
    },
  },
  check(resource) {
    if (resource.type !== 'aws_security_group') return requirePresent(resource.body, 'description', 'a rule description');
    const results: CheckResult[] = [];
    for (const kind of ['ingress', 'egress']) {
      results.push(
        ...forEachBlock(resource.body, kind, (block) => requirePresent(block.body, 'description', `a description on ${kind}`, { path: block.path })),
      );
    }
    return results.length > 0 ? results : pass('no inline rules');
  },
});
