/**
 * A SecretReference prop (a Secrets Manager secret from SecretStore.secretReference): the same checks
 * wherever a construct takes one.
 */
import type { SecretReference } from '../contracts/secret-reference';
import { validateAwsRegion } from '../boot/validate';
import type { PropValidator } from './index';

/** An AWS partition this construct knows the service names of. */
export type AwsPartition = 'aws' | 'aws-us-gov';

const SECRET_NAME = /^[A-Za-z0-9/_+=.@-]{1,512}$/;
const SECRET_ARN_PREFIX = /^arn:(aws|aws-us-gov):secretsmanager:([a-z0-9-]+):([0-9]{12}):secret:/;
const KMS_KEY_ARN =
  /^arn:(aws|aws-us-gov):kms:([a-z0-9-]+):([0-9]{12}):(?:key\/((?:mrk-)?[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})|(alias\/[A-Za-z0-9/_-]{1,250}))$/;

/** A validated secret reference, with the partition taken from its ARN. */
export interface ValidSecretReference extends SecretReference {
  readonly partition: AwsPartition;
  /** Set when kmsKeyArn is an alias ARN (SecretStore hands these out: the key's own ARN is known only after apply). */
  readonly kmsKeyAlias?: string;
  readonly kmsKeyAccount?: string;
}

/**
 * The auth-key secret. Everything must be a literal: the instance role's policy is written as literal
 * JSON, scoped to exactly this ARN and key, so that a reviewer and the guardrails can read it.
 */
export function validateSecretReference(v: PropValidator, prop: string, ref: SecretReference | undefined): ValidSecretReference {
  if (ref === null || typeof ref !== 'object') v.fail(prop, ref, 'must be a SecretReference { name, arn, region, kmsKeyArn }');
  const name = v.matching(`${prop}.name`, ref.name, SECRET_NAME, "a Secrets Manager secret name such as 'join-keys/900a'");
  const region = v.boot(`${prop}.region`, () => validateAwsRegion(`${prop}.region`, v.literal(`${prop}.region`, ref.region, 'an AWS region')));
  const arn = v.literal(`${prop}.arn`, ref.arn, 'a Secrets Manager secret ARN');
  const arnParts = SECRET_ARN_PREFIX.exec(arn);
  if (!arnParts) {
    v.fail(
      `${prop}.arn`,
      arn,
      "must be a Secrets Manager secret ARN in partition 'aws' or 'aws-us-gov' (arn:aws:secretsmanager:<region>:<account>:secret:<name>-??????)",
    );
  }
  const [prefix, partition, arnRegion] = arnParts;
  if (arnRegion !== region) v.fail(`${prop}.arn`, arn, `is in region ${arnRegion} but ${prop}.region is ${region}`);
  // Secrets Manager appends '-' and 6 random characters to the name. Accept the real suffix or the
  // `-??????` pattern (exactly one secret either way); refuse `*` and a bare name: `*` also matches every
  // secret whose name merely starts with this one, and a bare name matches no secret at all.
  const suffix = arn.slice(prefix.length);
  if (!suffix.startsWith(name) || !/^(?:-[A-Za-z0-9]{6}|-\?{6})$/.test(suffix.slice(name.length))) {
    v.fail(
      `${prop}.arn`,
      arn,
      `must be the ARN of the secret '${name}': ending in ':secret:${name}-??????' or in its real 6-character suffix (not '*', which also matches other secrets)`,
    );
  }
  const kmsKeyArn = v.literal(`${prop}.kmsKeyArn`, ref.kmsKeyArn, 'a KMS key ARN');
  const kmsParts = KMS_KEY_ARN.exec(kmsKeyArn);
  if (!kmsParts) {
    v.fail(`${prop}.kmsKeyArn`, kmsKeyArn, 'must be a KMS key ARN (arn:<partition>:kms:<region>:<account>:key/<key id>) or alias ARN (…:alias/<name>)');
  }
  if (kmsParts[1] !== partition) v.fail(`${prop}.kmsKeyArn`, kmsKeyArn, `is in partition ${kmsParts[1]} but the secret is in ${partition}`);
  // Secrets Manager can only use a key from the secret's own region.
  if (kmsParts[2] !== region) v.fail(`${prop}.kmsKeyArn`, kmsKeyArn, `is in region ${kmsParts[2]} but the secret is in ${region}`);
  return {
    name,
    arn,
    region,
    kmsKeyArn,
    partition: partition as AwsPartition,
    ...(kmsParts[5] !== undefined ? { kmsKeyAlias: kmsParts[5], kmsKeyAccount: kmsParts[3] } : {}),
  };
}
