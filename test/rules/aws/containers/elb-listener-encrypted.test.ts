import { elbListenerEncrypted as rule } from '../../../../rules/aws/containers/elb-listener-encrypted';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';

const listener = (lb_protocol: unknown, lb_port: unknown = 443) => ({ lb_port, lb_protocol, instance_port: 8080, instance_protocol: 'http' });

describe('elb-listener-encrypted', () => {
  itHonoursItsExamples(rule);

  it('fires for HTTP listeners and TCP on port 80 of an internet-facing load balancer', () => {
    expect(kinds(findingsFor(rule, 'aws_elb', { listener: [listener('http', 80)] }))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, 'aws_elb', { internal: false, listener: [listener('HTTPS'), listener('TCP', 80)] }))).toEqual(['violation']);
  });

  it('is quiet for HTTPS, SSL, TCP elsewhere, and internal load balancers', () => {
    expect(findingsFor(rule, 'aws_elb', { listener: [listener('https'), listener('ssl', 8443), listener('tcp', 5432)] })).toEqual([]);
    expect(findingsFor(rule, 'aws_elb', { internal: true, listener: [listener('http', 80)] })).toEqual([]);
  });

  it('is unknown for expressions', () => {
    expect(kinds(findingsFor(rule, 'aws_elb', { listener: [listener('${var.protocol}')] }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_elb', { listener: [listener('tcp', '${var.port}')] }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_elb', { internal: '${var.internal}', listener: [listener('http', 80)] }))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, 'aws_elb', { listener: '${local.listeners}' }))).toEqual(['unknown']);
  });
});
