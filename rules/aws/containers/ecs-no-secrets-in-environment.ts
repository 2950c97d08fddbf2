/** ECS containers get secrets through `secrets` (valueFrom), never as plain-text `environment` values. */
import { defineRule } from '../../../engine/rule';
import { unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { describeExpression, isExpression, isObject, listAttr } from '../../../engine/values';
import { findLiteralSecrets } from '../../common/user-data/literal-secrets';
import { checkContainers, TASK_DEFINITION } from './container-definitions';

/** Names whose value is a secret (as in rules/common/user-data/literal-secrets.ts, which does not export its pattern). */
const SECRET_NAME = /(?:password|passwd|secret|token|api_?key|auth_?key|access_?key|secret_?key|private_?key|credentials?)$/;

/** A reference to a resource's ARN, id or name (a secret's ARN in SECRET_ARN, say): a pointer, not the secret. */
const POINTER = /^\$\{[^{}]*\.(?:arn|id|name)\s*\}$/;

export const ecsNoSecretsInEnvironment = defineRule({
  id: 'ecs-no-secrets-in-environment',
  title: 'ECS containers take secrets from `secrets` (valueFrom), not plain-text environment values',
  severity: 'error',
  profile: 'baseline',
  category: 'compute',
  resourceTypes: [TASK_DEFINITION],
  rationale:
    "A value in a container's `environment` is stored in the task definition in plain text: anyone with " +
    'ecs:DescribeTaskDefinition, the Terraform state and every revision ever registered (they cannot be ' +
    'deleted, only deregistered) have it. `secrets` with `valueFrom` (Secrets Manager or SSM Parameter Store) ' +
    'keeps only a pointer there, and the value is fetched with the execution role at start. A literal value is ' +
    'reported when it is a known credential format or a high-entropy value under a secret-sounding name (the ' +
    'detectors of no-secrets-in-user-data); a secret-sounding name whose value is an expression (a variable, ' +
    '`random_password.x.result`) is unknown, as it may put a secret in plain text.',
  fix:
    'Move the value to Secrets Manager or SSM Parameter Store and reference it: `secrets: [{ name: "DB_PASSWORD", ' +
    'valueFrom: "<secret ARN>" }]`; the task execution role needs secretsmanager:GetSecretValue on it.',
  references: {
    docs: ['https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html'],
  },
  examples: {
    failing: {
      resourceType: TASK_DEFINITION,
      body: {
        family: 'app',
        container_definitions: JSON.stringify([{ name: 'app', image: 'app:1', environment: [{ name: 'API_TOKEN', value: 'q8Zr4TnW2pXv7LmK9sBd' }] }]),
      },
    },
    passing: {
      resourceType: TASK_DEFINITION,
      body: {
        family: 'app',
        container_definitions: JSON.stringify([
          {
            name: 'app',
            image: 'app:1',
            environment: [{ name: 'LOG_LEVEL', value: 'info' }],
            secrets: [{ name: 'API_TOKEN', valueFrom: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:api-token' }],
          },
        ]),
      },
    },
  },
  check(resource) {
    return checkContainers(
      resource,
      (c) => {
        const environment = listAttr(c.body, 'environment');
        if (environment.state === 'unknown') return unknown(`${c.path}.environment is ${describeExpression(environment.expression)}`, 'container_definitions');
        if (environment.state === 'absent') return undefined;
        return environment.value.flatMap((entry, i) => variableFindings(entry, `${c.path}.environment[${i}]`));
      },
      'no environment variable holds a secret in plain text',
    );
  },
});

function variableFindings(entry: unknown, path: string): CheckResult[] {
  if (!isObject(entry)) return [unknown(`${path} is ${typeof entry === 'string' ? describeExpression(entry) : 'not an object'}`, 'container_definitions')];
  const rawName: unknown = entry.name;
  const value: unknown = entry.value;
  if (typeof value !== 'string' || value === '') return [];
  // A name that is an expression (or missing) is not a name to judge by; the credential formats still match.
  const name: string | undefined = typeof rawName === 'string' && !isExpression(rawName as unknown) ? rawName : undefined;
  const shown = name ?? 'the variable';
  const evaluated: boolean = isExpression(value as unknown);
  if (evaluated) {
    const secretName = name !== undefined && SECRET_NAME.test(name.toLowerCase().replace(/[-.]/g, '_'));
    if (!secretName || POINTER.test(value.trim())) return [];
    return [
      unknown(
        `${path}: ${shown} is set from ${describeExpression(value)}, which may put a secret in plain text (use secrets with valueFrom)`,
        'container_definitions',
      ),
    ];
  }
  // The literal-secret detectors read `NAME=value` (quoted, so a value with spaces stays whole).
  const assigned = value.includes('"') ? value : `"${value}"`;
  const found = findLiteralSecrets(`${name ?? 'VALUE'}=${assigned}`);
  return found.map((s) => violation(`${path}: ${shown} holds ${s.kind} in plain text (${s.masked}); use secrets with valueFrom`, 'container_definitions'));
}
