import { ecsNoHostPidIpc as rule } from '../../../../rules/aws/containers/ecs-no-host-pid-ipc';
import { itHonoursItsExamples } from '../../../helpers/examples';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { task, TD } from './helpers';

describe('ecs-no-host-pid-ipc', () => {
  itHonoursItsExamples(rule);

  it('fires for pid_mode or ipc_mode host, each', () => {
    expect(kinds(findingsFor(rule, TD, task([], { pid_mode: 'host' })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, TD, task([], { pid_mode: 'host', ipc_mode: 'host' })))).toEqual(['violation', 'violation']);
  });

  it('is quiet for task, none and unset', () => {
    expect(findingsFor(rule, TD, task([], { pid_mode: 'task', ipc_mode: 'none' }))).toEqual([]);
    expect(findingsFor(rule, TD, task([]))).toEqual([]);
  });

  it('is unknown for an expression', () => {
    expect(kinds(findingsFor(rule, TD, task([], { ipc_mode: '${var.ipc}' })))).toEqual(['unknown']);
  });
});
