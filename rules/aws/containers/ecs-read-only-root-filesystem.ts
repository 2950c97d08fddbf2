/** ECS containers mount their root filesystem read-only. */
import { defineRule } from '../../../engine/rule';
import { requireBool } from '../../common/shapes';
import { checkContainers, TASK_DEFINITION } from './container-definitions';

export const ecsReadOnlyRootFilesystem = defineRule({
  id: 'ecs-read-only-root-filesystem',
  title: 'ECS containers have a read-only root filesystem',
  severity: 'warning',
  profile: 'strict',
  category: 'compute',
  resourceTypes: [TASK_DEFINITION],
  rationale:
    'With a writable root filesystem, an attacker who gets code execution in the container can drop tools, ' +
    'replace binaries and persist until the task is replaced. A read-only root (with named volumes or tmpfs ' +
    'for the paths the application writes) turns that into a foothold that disappears. It is unset, so ' +
    'writable, by default. Strict: many images write to their root filesystem and need work first.',
  fix: 'Set `readonlyRootFilesystem: true` in every container definition and mount a volume or tmpfs where the application writes.',
  references: {
    checkov: ['CKV_AWS_336'],
    docs: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_storage'],
  },
  examples: {
    failing: { resourceType: TASK_DEFINITION, body: { family: 'app', container_definitions: JSON.stringify([{ name: 'app', image: 'app:1' }]) } },
    passing: {
      resourceType: TASK_DEFINITION,
      body: { family: 'app', container_definitions: JSON.stringify([{ name: 'app', image: 'app:1', readonlyRootFilesystem: true }]) },
    },
  },
  check(resource) {
    return checkContainers(
      resource,
      (c) => requireBool(c.body, 'readonlyRootFilesystem', 'a read-only root filesystem', { path: c.path, defaultValue: false }),
      'every container has a read-only root filesystem',
    );
  },
});
