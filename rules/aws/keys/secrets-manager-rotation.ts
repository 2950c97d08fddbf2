/** In a stack that can rotate secrets, every secret is rotated. */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable, unknown } from '../../../engine/results';
import { describeExpression, isExpression, known, maybe, NO, or, type Answer } from '../../../engine/values';
import { companionResult, companionsOf } from '../data/companions';
import { literalOf } from '../policy/template';

const ROTATION = 'aws_secretsmanager_secret_rotation';
const SECRETS_MANAGER = 'secretsmanager.amazonaws.com';

export const secretsManagerRotation = defineRule({
  id: 'secrets-manager-rotation',
  title: 'Where the stack has a rotation Lambda, every Secrets Manager secret has rotation configured',
  severity: 'error',
  profile: 'strict',
  category: 'keys',
  resourceTypes: ['aws_secretsmanager_secret'],
  rationale:
    "A secret that never changes stays valid for as long as a copy of it exists: in a laptop's shell history, " +
    "an old container image, a former employee's notes. Rotation bounds that. The rule applies only to stacks " +
    `that already run a rotation Lambda (an aws_lambda_permission for ${SECRETS_MANAGER}): there, a secret ` +
    'left out of rotation is an oversight, not a missing capability.',
  fix: `Add an ${ROTATION} with \`secret_id = <secret>.id\`, the rotation Lambda's ARN and \`rotation_rules { automatically_after_days = 30 }\` (or a schedule_expression).`,
  references: {
    checkov: ['CKV2_AWS_57'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV2_AWS_57',
        kind: 'looser',
        why: 'applies only when the stack has an aws_lambda_permission for secretsmanager.amazonaws.com: without a rotation function, a rotation resource cannot be demanded of every secret (checkov does)',
      },
    ],
    docs: ['https://docs.aws.amazon.com/secretsmanager/latest/userguide/rotating-secrets.html'],
  },
  examples: {
    failing: {
      resourceType: 'aws_secretsmanager_secret',
      body: { name: 'db-password' },
      others: {
        aws_lambda_permission: {
          rotation: { action: 'lambda:InvokeFunction', function_name: '${aws_lambda_function.rotate.function_name}', principal: SECRETS_MANAGER },
        },
      },
    },
    passing: {
      resourceType: 'aws_secretsmanager_secret',
      body: { name: 'db-password' },
      others: {
        aws_lambda_permission: {
          rotation: { action: 'lambda:InvokeFunction', function_name: '${aws_lambda_function.rotate.function_name}', principal: SECRETS_MANAGER },
        },
        [ROTATION]: {
          example: {
            secret_id: '${aws_secretsmanager_secret.example.id}',
            rotation_lambda_arn: '${aws_lambda_function.rotate.arn}',
            rotation_rules: { automatically_after_days: 30 },
          },
        },
      },
    },
  },
  check(secret, context) {
    const canRotate = stackHasRotationLambda(context);
    if (canRotate.state === 'known' && !canRotate.value) return notApplicable(`no aws_lambda_permission for ${SECRETS_MANAGER} in this stack`);
    const companions = companionsOf(secret, context, ROTATION, 'secret_id', ['name']);
    if (companions.found.length === 0 && companions.uncertain.length === 0 && canRotate.state === 'unknown') {
      return unknown(`no ${ROTATION} points at it, and whether the stack has a rotation Lambda depends on ${canRotate.expression}`);
    }
    return companionResult(companions, ROTATION, 'though this stack runs a rotation Lambda');
  },
});

/** Whether an aws_lambda_permission in the stack lets Secrets Manager invoke a function. */
function stackHasRotationLambda(context: RuleContext): Answer {
  return or(
    ...context.resourcesOfType('aws_lambda_permission').map((permission): Answer => {
      const principal = permission.body.principal;
      if (typeof principal !== 'string') return NO;
      if (isExpression(principal)) return maybe(`${permission.address}.principal = ${describeExpression(principal)}`);
      return known((literalOf(principal) ?? '').trim().toLowerCase() === SECRETS_MANAGER);
    }),
  );
}
