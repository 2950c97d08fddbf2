/** Every VPC records its traffic, so an intrusion or exfiltration can be reconstructed afterwards. */
import { defineRule } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import { stackReferenceTo } from './references';

export const vpcFlowLogsEnabled = defineRule({
  id: 'vpc-flow-logs-enabled',
  title: 'Every VPC has a flow log',
  severity: 'error',
  profile: 'baseline',
  category: 'network',
  resourceTypes: ['aws_vpc'],
  rationale:
    'Flow logs are the only record of which addresses talked to which, on which ports. Without them an ' +
    'incident cannot be scoped (what did the compromised host reach? where did data go?), and scanning or ' +
    'exfiltration goes unnoticed. They cannot be turned on retroactively.',
  fix: 'Add an `aws_flow_log` with `vpc_id = aws_vpc.<name>.id` and `traffic_type = "ALL"`, delivering to CloudWatch Logs or S3.',
  references: {
    checkov: ['CKV2_AWS_11'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_11',
        kind: 'different',
        why: 'a flow log must reference the VPC through vpc_id in the same stack; an aws_flow_log whose vpc_id is an unresolved expression makes the VPC unknown rather than failed',
      },
    ],
    docs: ['https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html'],
  },
  examples: {
    failing: { resourceType: 'aws_vpc', body: { cidr_block: '10.0.0.0/16' } },
    passing: {
      resourceType: 'aws_vpc',
      body: { cidr_block: '10.0.0.0/16' },
      others: { aws_flow_log: { all: { vpc_id: '${aws_vpc.example.id}', traffic_type: 'ALL', log_destination: 'arn:aws:s3:::flow-logs' } } },
    },
  },
  check(resource, context) {
    const flowLog = stackReferenceTo(resource, context.resourcesOfType('aws_flow_log'), 'vpc_id');
    if (flowLog.state === 'known') return pass(`flow log ${flowLog.value.address} records this VPC`);
    if (flowLog.state === 'unknown') return unknown(`${flowLog.expression}, so whether it records this VPC cannot be told`);
    return violation('no aws_flow_log in this stack has vpc_id referencing this VPC');
  },
});
