/**
 * Buckets refuse plain-HTTP requests: their policy denies every S3 action to everyone when
 * `aws:SecureTransport` is false, for the bucket and for its objects.
 */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable, pass, unknown, violation } from '../../../engine/results';
import type { CheckResult, ResourceRecord } from '../../../engine/types';
import { and, any, describeExpression, isExpression, known, maybe, NO, not, or, referencedAddress, type Answer } from '../../../engine/values';
import {
  anyItem,
  globMatch,
  isAllActionsPattern,
  isDeny,
  literalOf,
  principalIsAnyone,
  readPolicy,
  type ExpressionResolver,
  type PolicyRead,
  type PolicyStatement,
} from '../policy';
import { companionResult } from './companions';
import { bucketCompanions, websiteEndpoint } from './s3-common';

const POLICY = 'aws_s3_bucket_policy';
/** Stands for a bucket whose name is not known: it matches only a reference to the bucket, or `*`. */
const UNNAMED = '\uE200bucket';
const OBJECT = '\uE201object';

export const s3TlsOnly = defineRule({
  id: 's3-tls-only',
  title: 'Every S3 bucket policy denies requests that do not use TLS',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['aws_s3_bucket', POLICY],
  rationale:
    'S3 still answers plain HTTP. A client, SDK setting or presigned URL that uses it sends credentials-signed ' +
    'requests and object data in the clear. Only a bucket policy can refuse such requests for every caller: ' +
    'a Deny of s3:* for Principal "*" when aws:SecureTransport is false, on both the bucket ARN and its ' +
    'objects (bucket/*), since a statement on one does not cover the other; a policy that misses either is ' +
    'one finding. A bucket served as an S3 website endpoint (an aws_s3_bucket_website_configuration points ' +
    'at it, or its legacy website block) is not covered: website endpoints speak HTTP only, so that Deny ' +
    'would refuse every request to the site. Such a bucket holds public content served anonymously; HTTPS ' +
    'for its visitors is CloudFront\'s job (viewer_protocol_policy = "redirect-to-https"), and whether it ' +
    "should be public at all is s3-public-access-block's. When a website configuration may point at the " +
    'bucket (its bucket is an expression), a missing Deny is unknown rather than a violation.',
  fix:
    `Give every bucket an ${POLICY} with a statement { Effect = "Deny", Principal = "*", Action = "s3:*", ` +
    'Resource = [<bucket>.arn, "<bucket>.arn/*"], Condition = { Bool = { "aws:SecureTransport" = "false" } } }.',
  references: {
    docs: ['https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit'],
  },
  examples: {
    failing: {
      resourceType: POLICY,
      body: {
        bucket: '${aws_s3_bucket.data.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 's3:GetObject', Resource: '${aws_s3_bucket.data.arn}/*' },
          ],
        }),
      },
    },
    passing: {
      resourceType: POLICY,
      body: {
        bucket: '${aws_s3_bucket.data.id}',
        policy: JSON.stringify({
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'DenyInsecureTransport',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: ['${aws_s3_bucket.data.arn}', '${aws_s3_bucket.data.arn}/*'],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        }),
      },
    },
  },
  check(resource, context) {
    if (resource.type === POLICY) {
      const bucket = identifyBucket(resource.body.bucket, context);
      const served = bucket.address !== undefined ? context.resourceAt(bucket.address) : undefined;
      return unlessWebsite(served, context, () => requireTlsDeny(readPolicy(resource.body.policy, context), 'policy', bucket));
    }
    return unlessWebsite(resource, context, () => {
      const companions = bucketCompanions(resource, context, POLICY);
      // The deprecated inline `policy` of aws_s3_bucket counts when there is no separate resource.
      const inline = readPolicy(resource.body.policy, context);
      if (companions.found.length === 0 && inline.state !== 'absent') {
        return requireTlsDeny(inline, 'policy', identifyBucket(`\${${resource.address}.id}`, context));
      }
      // The policy's content is checked on the aws_s3_bucket_policy itself.
      return companionResult(companions, POLICY, 'so nothing refuses plain-HTTP requests');
    });
  },
});

/**
 * Not applicable to a bucket served as a website endpoint (HTTP only); when it may be one, a violation
 * becomes unknown. `bucket` is the aws_s3_bucket in this stack, when there is one.
 */
function unlessWebsite(bucket: ResourceRecord | undefined, context: RuleContext, check: () => CheckResult): CheckResult {
  const website = bucket?.type === 'aws_s3_bucket' ? websiteEndpoint(bucket, context) : NO;
  if (website.state === 'known' && website.value) {
    return notApplicable(
      `${bucket!.address} is an S3 website endpoint (${website.why}), which speaks HTTP only: a Deny on aws:SecureTransport = false would refuse every request to the site; HTTPS for visitors is CloudFront's job`,
    );
  }
  const result = check();
  if (website.state === 'unknown' && result.status === 'violation') return unknown(`${result.message}, and ${website.expression}`, result.attribute);
  return result;
}

interface BucketIdentity {
  /** The aws_s3_bucket's address when the policy names one in this stack. */
  readonly address?: string;
  /** The literal bucket name, when known. */
  readonly name?: string;
  /** How the policy names its bucket, when that is an expression this stack cannot resolve. */
  readonly unresolved?: string;
}

function identifyBucket(value: unknown, context: RuleContext): BucketIdentity {
  if (typeof value !== 'string') return { unresolved: JSON.stringify(value ?? null) };
  const address = referencedAddress(value);
  if (address) {
    const bucket = context.resourceAt(address);
    const name = bucket && typeof bucket.body.bucket === 'string' ? literalOf(bucket.body.bucket) : undefined;
    return { address, ...(name !== undefined ? { name } : {}) };
  }
  if (isExpression(value)) return { unresolved: value };
  const named = context.resourcesOfType('aws_s3_bucket').find((b: ResourceRecord) => b.body.bucket === value);
  return { name: value, ...(named ? { address: named.address } : {}) };
}

/** References to the bucket become its ARN or name; a partition reference becomes `aws`. */
const BUCKET_ATTRIBUTE = /^\$\{\s*([a-z][a-z0-9_]*\.[A-Za-z0-9_-]+)(?:\[[^\]]*\])?\.(arn|id|bucket)\s*\}$/;
const PARTITION = /\.partition\s*\}$/;

function resolverFor(bucket: BucketIdentity): ExpressionResolver {
  const name = bucket.name ?? UNNAMED;
  return (expression) => {
    const ref = BUCKET_ATTRIBUTE.exec(expression);
    if (ref && bucket.address !== undefined && ref[1] === bucket.address) return ref[2] === 'arn' ? `arn:aws:s3:::${name}` : name;
    if (PARTITION.test(expression)) return 'aws';
    return undefined;
  };
}

/** `arn:aws-cn:` and `arn:aws-us-gov:` read as `arn:aws:` (only an ARN that starts so is rewritten). */
const normalizePartition = (arn: string) => (arn.startsWith('arn:aws-') ? arn.replace(/^arn:aws-[a-z-]+:/, 'arn:aws:') : arn);

/** One result per policy: whether it denies plain HTTP on the bucket and on its objects. */
function requireTlsDeny(read: PolicyRead, attribute: string, bucket: BucketIdentity): CheckResult {
  if (read.state === 'absent') return violation(`${attribute} is not set, so nothing refuses plain-HTTP requests`, attribute);
  if (read.state === 'unknown') return unknown(`${attribute} ${read.reason}`, attribute);
  const name = bucket.name ?? UNNAMED;
  const resolve = resolverFor(bucket);
  const targets = [
    { what: 'the bucket', arn: `arn:aws:s3:::${name}` },
    { what: 'its objects', arn: `arn:aws:s3:::${name}/${OBJECT}` },
  ];
  // What a statement denies, to whom and when does not depend on the target: asked once per statement.
  const statements = read.statements.map((s) => ({ s, denial: denialOf(s) }));
  const results = targets.map(({ what, arn }) => {
    const covered = any(statements, ({ s, denial }) => {
      const denies = deniesPlainHttp(s, denial, arn, resolve);
      return s.mayBeNone && denies.state === 'known' && denies.value ? maybe(`${s.where} comes from a dynamic block whose for_each may be empty`) : denies;
    });
    if (covered.state === 'known' && covered.value) return pass(`${attribute} denies plain HTTP on ${what}`, attribute);
    if (covered.state === 'unknown') return unknown(`${attribute}: whether it denies plain HTTP on ${what} depends on ${covered.expression}`, attribute);
    if (read.unseen.length > 0) return unknown(`${attribute}: no readable statement denies plain HTTP on ${what}, and ${read.unseen[0]}`, attribute);
    if (bucket.unresolved !== undefined) {
      return unknown(`${attribute}: the policy's bucket is ${describeExpression(bucket.unresolved)}, so whether it covers ${what} cannot be told`, attribute);
    }
    return violation(what, attribute);
  });
  // A part that is certainly uncovered decides; else the first part that cannot be told; else both pass.
  const uncovered = results.filter((r) => r.status === 'violation').map((r) => r.message);
  if (uncovered.length > 0) {
    return violation(
      `${attribute} has no Deny of s3:* for Principal "*" when aws:SecureTransport is false that covers ${uncovered.join(', nor one that covers ')}`,
      attribute,
    );
  }
  return results.find((r) => r.status === 'unknown') ?? pass(`${attribute} denies plain HTTP on the bucket and its objects`, attribute);
}

/** The parts of a plain-HTTP Deny that are the same for every ARN: in the order `deniesPlainHttp` weighs them. */
interface Denial {
  readonly effect: Answer;
  readonly principal: Answer;
  readonly actions: Answer;
  readonly insecure: Answer;
}

function denialOf(s: PolicyStatement): Denial {
  return { effect: isDeny(s), principal: principalIsAnyone(s), actions: deniesEveryS3Action(s), insecure: whenInsecure(s) };
}

/** Deny, to everyone, of every S3 action, on `arn`, when the request is not over TLS. */
function deniesPlainHttp(s: PolicyStatement, d: Denial, arn: string, resolve: ExpressionResolver): Answer {
  return and(d.effect, d.principal, d.actions, coversArn(s, arn, resolve), d.insecure);
}

function deniesEveryS3Action(s: PolicyStatement): Answer {
  if (s.actions.state !== 'absent') return anyItem(s.actions, 'Action', (a) => isAllActionsPattern(a) || /^s3:\*+$/i.test(a));
  // Deny with NotAction denies everything except what it lists: it must list no S3 action.
  if (s.notActions.state !== 'absent') return not(anyItem(s.notActions, 'NotAction', (a) => /^(s3|[^:]*[*?][^:]*):/i.test(a) || isAllActionsPattern(a)));
  return NO;
}

function coversArn(s: PolicyStatement, arn: string, resolve: ExpressionResolver): Answer {
  const matches = (pattern: string) => globMatch(normalizePartition(pattern), arn);
  if (s.resources.state !== 'absent') return anyItem(s.resources, 'Resource', matches, resolve);
  if (s.notResources.state !== 'absent') return not(anyItem(s.notResources, 'NotResource', matches, resolve));
  return NO;
}

/** A `Bool` (or `BoolIfExists`) condition on aws:SecureTransport with the value false. */
function whenInsecure(s: PolicyStatement): Answer {
  if (s.conditions.state === 'absent') return NO;
  if (s.conditions.state === 'unknown') return maybe(`Condition = ${describeExpression(s.conditions.expression)}`);
  return or(
    ...s.conditions.value.map((c) => {
      const operator = literalOf(c.operator);
      const key = literalOf(c.key);
      const opOk: Answer =
        operator === undefined
          ? maybe(`condition operator ${describeExpression(c.operator)}`)
          : known(['bool', 'boolifexists'].includes(operator.toLowerCase()));
      const keyOk: Answer = key === undefined ? maybe(`condition key ${describeExpression(c.key)}`) : known(key.toLowerCase() === 'aws:securetransport');
      // An expression value may be "false": its worst case is a pattern, asked whether it can produce "false".
      const valueOk = anyItem(
        c.values,
        `${c.key} values`,
        (v) => v.trim().toLowerCase() === 'false',
        undefined,
        (worst) => globMatch(worst.trim(), 'false', true),
      );
      const all = and(opOk, keyOk, valueOk);
      return c.mayBeNone && all.state === 'known' && all.value ? maybe('a dynamic "condition" block (its for_each may be empty)') : all;
    }),
  );
}
