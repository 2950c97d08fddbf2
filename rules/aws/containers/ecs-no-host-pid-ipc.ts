/** ECS tasks do not share the host's process or IPC namespace. */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { stringAttr } from '../../../engine/values';
import { TASK_DEFINITION } from './container-definitions';

export const ecsNoHostPidIpc = defineRule({
  id: 'ecs-no-host-pid-ipc',
  title: "ECS task definitions do not share the host's process or IPC namespace",
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: [TASK_DEFINITION],
  rationale:
    'With `pid_mode = "host"` the containers see every process on the instance, other tasks\' included, with ' +
    'their command lines and (as the same user, or with CAP_SYS_PTRACE) their environment and memory, where ' +
    'credentials live; a signal stops them. `ipc_mode = "host"` shares the host\'s shared memory segments and ' +
    'message queues with the containers. Both break the isolation between tasks on the same instance.',
  fix: 'Leave `pid_mode` and `ipc_mode` unset, or set them to `task` to share only between the containers of one task.',
  references: {
    checkov: ['CKV_AWS_335'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_AWS_335',
        kind: 'different',
        why:
          'checkov looks for pidMode inside the container definitions, where ECS does not read it; here the task-level pid_mode attribute is read, ' +
          'and ipc_mode = "host" counts too.',
      },
    ],
    docs: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_definition_pidmode'],
  },
  examples: {
    failing: { resourceType: TASK_DEFINITION, body: { family: 'app', pid_mode: 'host', container_definitions: '[]' } },
    passing: { resourceType: TASK_DEFINITION, body: { family: 'app', pid_mode: 'task', container_definitions: '[]' } },
  },
  check(resource) {
    return ['pid_mode', 'ipc_mode'].map((attribute): CheckResult => {
      const mode = stringAttr(resource.body, attribute);
      if (mode.state === 'unknown') return unknownValue(attribute, mode);
      if (mode.state === 'known' && mode.value.trim().toLowerCase() === 'host')
        return violation(`${attribute} is host: the containers share the instance's namespace`, attribute);
      return pass(`${attribute} is ${mode.state === 'known' ? mode.value : 'unset'}`, attribute);
    });
  },
});
