/** No ECS container runs privileged: root on the host, not just in the container. */
import { defineRule } from '../../../engine/rule';
import { unknownValue, violation } from '../../../engine/results';
import { boolAttr } from '../../../engine/values';
import { checkContainers, TASK_DEFINITION } from './container-definitions';

export const ecsNoPrivilegedContainers = defineRule({
  id: 'ecs-no-privileged-containers',
  title: 'ECS containers do not run privileged',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: [TASK_DEFINITION],
  rationale:
    "A privileged container gets every Linux capability and the host's devices: whoever runs code in it (an " +
    "exploited dependency, a poisoned image) mounts the host's disk, loads kernel modules and takes over the " +
    'instance, its other tasks and its instance role. A container_definitions value that is an expression ' +
    '(jsonencode, a variable) cannot be read and is unknown.',
  fix: 'Remove `privileged: true` from the container definition; grant the one capability needed with `linuxParameters.capabilities.add`.',
  references: {
    checkov: ['CKV_AWS_334'],
    docs: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security'],
  },
  examples: {
    failing: {
      resourceType: TASK_DEFINITION,
      body: { family: 'app', container_definitions: JSON.stringify([{ name: 'app', image: 'app:1', privileged: true }]) },
    },
    passing: {
      resourceType: TASK_DEFINITION,
      body: { family: 'app', container_definitions: JSON.stringify([{ name: 'app', image: 'app:1', privileged: false }]) },
    },
  },
  check(resource) {
    return checkContainers(
      resource,
      (c) => {
        const privileged = boolAttr(c.body, 'privileged');
        if (privileged.state === 'unknown') return unknownValue(`${c.path}.privileged`, privileged);
        if (privileged.state === 'known' && privileged.value) return violation(`${c.path} runs privileged`, 'container_definitions');
        return undefined;
      },
      'no container runs privileged',
    );
  },
});
