import { apigatewayDomainTls12 as rule } from '../../../../rules/aws/edge/apigateway-domain-tls12';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const REST = 'aws_api_gateway_domain_name';
const V2 = 'aws_apigatewayv2_domain_name';
const v2 = (policy: unknown) =>
  kinds(
    findingsFor(rule, V2, {
      domain_name: 'api.example.com',
      domain_name_configuration: { certificate_arn: 'c', endpoint_type: 'REGIONAL', security_policy: policy },
    }),
  );

describe('apigateway-domain-tls12', () => {
  itHonoursItsExamples(rule);

  describe(REST, () => {
    it('fires for TLS_1_0 or an unset policy', () => {
      expect(kinds(findingsFor(rule, REST, { domain_name: 'd', security_policy: 'TLS_1_0' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, REST, { domain_name: 'd' }))).toEqual(['violation']);
    });
    it('is quiet for TLS_1_2 and the enhanced policies', () => {
      expect(findingsFor(rule, REST, { domain_name: 'd', security_policy: 'TLS_1_2' })).toEqual([]);
      expect(findingsFor(rule, REST, { domain_name: 'd', security_policy: 'SecurityPolicy_TLS13_1_3_2025_09' })).toEqual([]);
    });
    it('is unknown for an expression', () => expect(kinds(findingsFor(rule, REST, { domain_name: 'd', security_policy: '${var.p}' }))).toEqual(['unknown']));
  });

  describe(V2, () => {
    it('fires for TLS_1_0', () => expect(v2('TLS_1_0')).toEqual(['violation']));
    it('is quiet for TLS_1_2', () => expect(v2('TLS_1_2')).toEqual([]));
    it('is unknown for an expression', () => expect(v2('${var.p}')).toEqual(['unknown']));
  });
});
