import { apigatewayStageWaf as rule } from '../../../../rules/aws/edge/apigateway-stage-waf';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const S = 'aws_api_gateway_stage';
const stage = { rest_api_id: 'a', deployment_id: 'd', stage_name: 'prod' };
const association = (arn: string) => ({ resource: { aws_wafv2_web_acl_association: { w: { resource_arn: arn, web_acl_arn: '${aws_wafv2_web_acl.a.arn}' } } } });

describe('apigateway-stage-waf', () => {
  itHonoursItsExamples(rule);
  it('fires without an association for the stage', () => {
    expect(kinds(findingsFor(rule, S, stage))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, S, stage, association('${aws_api_gateway_stage.other.arn}')))).toEqual(['violation']);
  });
  it('is quiet with an association that references it', () =>
    expect(findingsFor(rule, S, stage, association('${aws_api_gateway_stage.subject.arn}'))).toEqual([]));
  it('is unknown when an association may be for it', () => expect(kinds(findingsFor(rule, S, stage, association('${var.stage_arn}')))).toEqual(['unknown']));
});
