/** Builders for the container rules' tests. */
export const TD = 'aws_ecs_task_definition';

/** A task definition body with these containers, as JSON.stringify synthesizes them. */
export const task = (containers: unknown[], extra: Record<string, unknown> = {}) => ({
  family: 'app',
  container_definitions: JSON.stringify(containers),
  ...extra,
});

export const policy = (statement: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: statement });
