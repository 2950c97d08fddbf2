/** ECS tasks get public IP addresses only with the same approval tag as any other public host. */
import { defineRule } from '../../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { boolAttr, describeExpression } from '../../../engine/values';
import { forEachBlock } from '../../common/shapes';
import { awsTags, hasTag } from '../../common/tags';

export const ecsPublicIpRequiresApproval = defineRule({
  id: 'ecs-public-ip-requires-approval',
  title: 'ECS services and task sets that give tasks public IPs carry the public-exposure approval tag',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['aws_ecs_service', 'aws_ecs_task_set'],
  rationale:
    'With `assign_public_ip = true` every task of the service gets its own public IPv4 address: its ports are ' +
    'as reachable from the internet as its security groups allow, like an instance with ' +
    'associate_public_ip_address. The same approval as public-ip-requires-approval applies (the approval tag, ' +
    'AWS `exposure = public` by default, configurable with `publicExposureTag`), on the service or the task ' +
    "set, or in the provider's default_tags. Tasks usually need a public IP only to reach the internet from a " +
    'public subnet, which a NAT gateway or VPC endpoints do without exposing them. Unset is false.',
  fix:
    'Run the tasks in private subnets with `assign_public_ip = false` (a NAT gateway or VPC endpoints for ' +
    'outbound traffic) and put a load balancer in front; or, if the exposure is intended, add the approval tag.',
  references: {
    checkov: ['CKV_AWS_333'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_333',
        kind: 'looser',
        why: 'checkov forbids assign_public_ip = true outright; here it is allowed with the public-exposure approval tag, as public-ip-requires-approval does for instances.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-networking.html'],
  },
  examples: {
    failing: { resourceType: 'aws_ecs_service', body: { name: 'web', network_configuration: { subnets: ['subnet-1'], assign_public_ip: true } } },
    passing: { resourceType: 'aws_ecs_service', body: { name: 'web', network_configuration: { subnets: ['subnet-1'], assign_public_ip: false } } },
  },
  check(resource, context) {
    return forEachBlock(resource.body, 'network_configuration', (block): CheckResult => {
      const attribute = `${block.path}.assign_public_ip`;
      const assign = boolAttr(block.body, 'assign_public_ip');
      if (assign.state === 'unknown') return unknown(`whether its tasks are public: ${attribute} is ${describeExpression(assign.expression)}`, attribute);
      if (assign.state !== 'known' || !assign.value) return notApplicable(`${attribute} is not true: its tasks get no public IP`);
      const { key, value } = context.tags.awsExposure;
      const tagged = hasTag(awsTags(resource, context), key, value);
      const why = `its tasks are public because ${attribute} = true`;
      if (tagged.state === 'unknown') return unknown(`${why}, and its tags are not known (${describeExpression(tagged.expression)})`, 'tags');
      return tagged.state === 'known' && tagged.value
        ? pass(`${why} and it carries the approval tag ${key} = ${value}`)
        : violation(`${why} but it lacks the approval tag ${key} = ${value}`, 'tags');
    });
  },
});
