import { vpcFlowLogsEnabled as rule } from '../../../../rules/aws/network/vpc-flow-logs-enabled';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const vpc = { cidr_block: '10.0.0.0/16' };
const flowLog = (vpcId: string) => ({ resource: { aws_flow_log: { log: { vpc_id: vpcId, traffic_type: 'ALL' } } } });

describe('vpc-flow-logs-enabled', () => {
  itHonoursItsExamples(rule);

  it('fires on a VPC with no flow log, or with flow logs only for other VPCs or subnets', () => {
    expect(kinds(findingsFor(rule, 'aws_vpc', vpc))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_vpc', vpc, flowLog('${aws_vpc.other.id}')))).toEqual(['violation']);
    const subnetOnly = { resource: { aws_flow_log: { log: { subnet_id: '${aws_subnet.a.id}' } } } };
    expect(kinds(findingsFor(rule, 'aws_vpc', vpc, subnetOnly))).toEqual(['violation']);
  });
  it('stays quiet when an aws_flow_log references it', () => expect(findingsFor(rule, 'aws_vpc', vpc, flowLog('${aws_vpc.subject.id}'))).toEqual([]));
  it('is unknown when a flow log vpc_id is an expression that is not a plain reference', () => {
    expect(kinds(findingsFor(rule, 'aws_vpc', vpc, flowLog('${var.vpc_id}')))).toEqual(['unknown']);
  });
});
