/** ECS tasks do not share the host's network namespace. */
import { defineRule } from '../../../engine/rule';
import { pass, unknownValue, violation } from '../../../engine/results';
import { stringAttr } from '../../../engine/values';
import { TASK_DEFINITION } from './container-definitions';

export const ecsNoHostNetworkMode = defineRule({
  id: 'ecs-no-host-network-mode',
  title: 'ECS task definitions do not use the host network mode',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: [TASK_DEFINITION],
  rationale:
    'With `network_mode = "host"` the containers use the instance\'s network stack: they can bind any port ' +
    "on the instance, see and talk to every service listening on localhost there (the ECS agent's " +
    "introspection port, other tasks' local endpoints), and the task's own security groups no longer " +
    'apply (awsvpc gives each task its own interface and security groups). Unset is `bridge` on EC2 (Fargate ' +
    'requires awsvpc). Strict: host networking is a legitimate choice for some agents and latency-bound ' +
    'services, recorded as a suppression with its reason.',
  fix: 'Use `network_mode = "awsvpc"` (each task gets its own interface and security groups), or `bridge`.',
  references: {
    docs: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html'],
  },
  examples: {
    failing: { resourceType: TASK_DEFINITION, body: { family: 'app', network_mode: 'host', container_definitions: '[]' } },
    passing: { resourceType: TASK_DEFINITION, body: { family: 'app', network_mode: 'awsvpc', container_definitions: '[]' } },
  },
  check(resource) {
    const mode = stringAttr(resource.body, 'network_mode');
    if (mode.state === 'unknown') return unknownValue('network_mode', mode);
    if (mode.state === 'known' && mode.value.trim().toLowerCase() === 'host')
      return violation("network_mode is host: the containers share the instance's network stack", 'network_mode');
    return pass(`network_mode is ${mode.state === 'known' ? mode.value : 'unset (bridge)'}`, 'network_mode');
  },
});
