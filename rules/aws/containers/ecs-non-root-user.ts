/** ECS containers name a non-root user instead of inheriting the image's (usually root). */
import { defineRule } from '../../../engine/rule';
import { unknownValue, violation } from '../../../engine/results';
import { stringAttr } from '../../../engine/values';
import { checkContainers, TASK_DEFINITION } from './container-definitions';

/** `root`, `0`, `root:…`, `0:…`. */
const ROOT = /^\s*(root|0)\s*(:.*)?$/i;

export const ecsNonRootUser = defineRule({
  id: 'ecs-non-root-user',
  title: 'ECS containers run as a named non-root user',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: [TASK_DEFINITION],
  rationale:
    'A process running as root in the container is one kernel or runtime bug away from root on the host, and ' +
    "can read and change everything in the container. Without `user`, the container runs as the image's USER, " +
    'which is root for most images; the task definition is where that can be pinned and reviewed. Strict: ' +
    'some images need root at start (binding low ports, fixing volume ownership) and must be rebuilt first.',
  fix: 'Set `user: "1000"` (or `"1000:1000"`, or a named user the image defines) in every container definition.',
  references: {
    docs: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security'],
  },
  examples: {
    failing: { resourceType: TASK_DEFINITION, body: { family: 'app', container_definitions: JSON.stringify([{ name: 'app', image: 'app:1', user: 'root' }]) } },
    passing: {
      resourceType: TASK_DEFINITION,
      body: { family: 'app', container_definitions: JSON.stringify([{ name: 'app', image: 'app:1', user: '1000:1000' }]) },
    },
  },
  check(resource) {
    return checkContainers(
      resource,
      (c) => {
        const user = stringAttr(c.body, 'user');
        if (user.state === 'unknown') return unknownValue(`${c.path}.user`, user);
        if (user.state === 'absent')
          return violation(`${c.path} sets no user: it runs as the image's user, root unless the image says otherwise`, 'container_definitions');
        if (ROOT.test(user.value)) return violation(`${c.path} runs as root (user = "${user.value}")`, 'container_definitions');
        return undefined;
      },
      'every container runs as a named non-root user',
    );
  },
});
