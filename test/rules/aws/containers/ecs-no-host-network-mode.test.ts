import { ecsNoHostNetworkMode as rule } from '../../../../rules/aws/containers/ecs-no-host-network-mode';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { task, TD } from './helpers';

describe('ecs-no-host-network-mode', () => {
  itHonoursItsExamples(rule);

  it('fires for network_mode host', () => {
    expect(kinds(findingsFor(rule, TD, task([], { network_mode: 'host' })))).toEqual(['violation']);
  });

  it('is quiet for awsvpc, bridge and unset', () => {
    for (const mode of ['awsvpc', 'bridge', undefined]) expect(findingsFor(rule, TD, task([], mode ? { network_mode: mode } : {}))).toEqual([]);
  });

  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, TD, task([], { network_mode: '${var.mode}' })))).toEqual(['unknown']);
  });
});
