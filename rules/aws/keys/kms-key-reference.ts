/**
 * Is a `kms_key_id` a customer-managed key? Set to a key, alias or replica this stack creates: yes. An
 * `alias/aws/...` name or ARN: no, that is the AWS managed key, whose policy nobody can narrow. A
 * variable or function result: unknown (it may be null, which means the AWS managed key, or an aws/ alias).
 */
import type { RuleContext } from '../../../engine/rule';
import { pass, unknown, violation } from '../../../engine/results';
import type { CheckResult } from '../../../engine/types';
import { describeExpression, isExpression } from '../../../engine/values';
import { isConcreteReference, literalOf } from '../policy/template';

/** Resources whose ARN / ID is always a customer-managed key (or an alias of one: `alias/aws/` is reserved). */
const CUSTOMER_KEY_TYPES = ['aws_kms_key', 'aws_kms_replica_key', 'aws_kms_external_key', 'aws_kms_replica_external_key', 'aws_kms_alias'];

const REFERENCE = /^\$\{\s*(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)/;

const isAwsManaged = (value: string) => /(^|:)alias\/aws\//.test(value.trim());

/**
 * @param what the thing the key protects, for messages (`the secret`)
 */
export function requireCustomerManagedKey(value: unknown, attribute: string, what: string, context: RuleContext): CheckResult {
  if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
    return violation(`${attribute} is not set: ${what} is encrypted with a key AWS manages, whose policy you cannot narrow`, attribute);
  }
  if (typeof value !== 'string') return unknown(`${attribute} is ${JSON.stringify(value)}`, attribute);
  if (!isExpression(value)) {
    const literal = literalOf(value) ?? value;
    return isAwsManaged(literal)
      ? violation(`${attribute} = "${literal}" is the AWS managed key`, attribute)
      : pass(`${attribute} names a customer-managed key`, attribute);
  }
  const ref = REFERENCE.exec(value);
  if (ref && isConcreteReference(value)) {
    const [, data, type, name] = ref;
    if (!data && CUSTOMER_KEY_TYPES.includes(type)) return pass(`${attribute} is a key from ${type}.${name}`, attribute);
    const source = data ? context.resourceAt(`data.${type}.${name}`) : undefined;
    // data "aws_kms_key" { key_id = "alias/aws/s3" } and data "aws_kms_alias" { name = "alias/aws/s3" } look up AWS managed keys.
    const lookup = source?.type === 'aws_kms_key' ? source.body.key_id : source?.type === 'aws_kms_alias' ? source.body.name : undefined;
    if (typeof lookup === 'string' && !isExpression(lookup)) {
      return isAwsManaged(lookup)
        ? violation(`${attribute} is data.${type}.${name}, which looks up the AWS managed key ${lookup}`, attribute)
        : pass(`${attribute} is the customer-managed key ${lookup} (data.${type}.${name})`, attribute);
    }
  }
  return unknown(`${attribute} is ${describeExpression(value)}: it may be null or an AWS managed key`, attribute);
}
