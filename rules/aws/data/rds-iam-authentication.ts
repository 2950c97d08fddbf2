/**
 * Databases whose engine supports it accept IAM authentication, so people and services can connect with
 * short-lived tokens tied to an IAM identity instead of long-lived database passwords.
 */
import { defineRule, type RuleContext } from '../../../engine/rule';
import { notApplicable, pass, unknown, unknownValue } from '../../../engine/results';
import type { CheckResult, JsonObject, ResourceRecord } from '../../../engine/types';
import { boolAttr, describeExpression, referencedAddress, stringAttr, type Value } from '../../../engine/values';
import { requireBool } from '../../common/shapes';

/** Engines with IAM database authentication (RDS for MySQL, PostgreSQL, MariaDB; Aurora MySQL and PostgreSQL). */
const SUPPORTED = ['mysql', 'postgres', 'mariadb', 'aurora', 'aurora-mysql', 'aurora-postgresql'];
/** RDS for Oracle, SQL Server and Db2, and RDS Custom, have none. */
const UNSUPPORTED_PREFIXES = ['oracle', 'sqlserver', 'db2', 'custom-'];
/** RDS for MariaDB offers IAM authentication from 10.11 on. */
const MARIADB_MINIMUM: readonly [number, number] = [10, 11];

const ATTRIBUTE = 'iam_database_authentication_enabled';

export const rdsIamAuthentication = defineRule({
  id: 'rds-iam-authentication',
  title: 'RDS instances and clusters accept IAM database authentication',
  severity: 'warning',
  profile: 'strict',
  category: 'identity',
  resourceTypes: ['aws_db_instance', 'aws_rds_cluster'],
  rationale:
    'Without IAM authentication every client holds a long-lived database password, which ends up in ' +
    'configuration, environment variables and CI secrets, is rarely rotated, and keeps working after the ' +
    'person or service that held it is gone. With it, clients connect with a 15-minute token signed by their ' +
    'IAM identity (an instance or task role), access is granted and revoked in IAM and recorded in ' +
    'CloudTrail, and connections must use TLS. It applies to MySQL, PostgreSQL, MariaDB (10.11 and later) ' +
    'and Aurora MySQL/PostgreSQL; Oracle, SQL Server, Db2 and RDS Custom do not support it.',
  fix:
    'Set `iam_database_authentication_enabled = true` (it defaults to false), create database users that ' +
    "authenticate with the AWS plugin (`IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'` / `GRANT rds_iam`), " +
    'and grant `rds-db:connect` on those users to the roles that need them.',
  references: {
    docs: ['https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.html'],
  },
  examples: {
    failing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro' } },
    passing: { resourceType: 'aws_db_instance', body: { engine: 'postgres', instance_class: 'db.t4g.micro', iam_database_authentication_enabled: true } },
  },
  check(resource, context) {
    const flag = boolAttr(resource.body, ATTRIBUTE);
    if (flag.state === 'known' && flag.value) return pass(`IAM database authentication (${ATTRIBUTE} = true)`, ATTRIBUTE);
    const support = engineSupport(resource, context);
    if (support.status === 'not-applicable') return support;
    if (flag.state === 'unknown') return unknownValue(ATTRIBUTE, flag);
    if (support.status === 'unknown') return support;
    return requireBool(resource.body, ATTRIBUTE, 'IAM database authentication', { defaultValue: false });
  },
});

/** Whether the engine supports IAM authentication: pass (it does), not-applicable, or unknown. */
function engineSupport(resource: ResourceRecord, context: RuleContext): CheckResult {
  const source = engineSource(resource, context);
  const engine = stringAttr(source.body, 'engine');
  if (engine.state === 'unknown') return unknownValue(source.attribute('engine'), engine);
  if (engine.state === 'absent') {
    return unknown(
      'engine is not set (a replica or a snapshot restore takes it from its source), so whether IAM authentication applies is not known',
      'engine',
    );
  }
  const name = engine.value.toLowerCase();
  if (UNSUPPORTED_PREFIXES.some((prefix) => name.startsWith(prefix))) return notApplicable(`engine ${engine.value} has no IAM database authentication`);
  if (!SUPPORTED.includes(name)) return unknown(`engine "${engine.value}" is not one whose IAM authentication support is known`, source.attribute('engine'));
  if (name === 'mariadb') return mariadbSupport(stringAttr(source.body, 'engine_version'), source.attribute('engine_version'));
  return pass(`engine ${engine.value} supports IAM database authentication`, 'engine');
}

interface EngineSource {
  readonly body: JsonObject;
  /** How to name one of its attributes in a message about this resource. */
  attribute(name: string): string;
}

/**
 * The resource whose engine counts: the instance itself, or, for a read replica without an engine of its
 * own, the source instance in this stack that `replicate_source_db` references (a replica runs its source's engine).
 */
function engineSource(resource: ResourceRecord, context: RuleContext): EngineSource {
  const own: EngineSource = { body: resource.body, attribute: (name) => name };
  if (resource.type !== 'aws_db_instance' || stringAttr(resource.body, 'engine').state !== 'absent') return own;
  const address = referencedAddress(resource.body.replicate_source_db);
  const primary = address ? context.resourceAt(address) : undefined;
  if (primary?.type !== 'aws_db_instance') return own;
  return { body: primary.body, attribute: (name) => `replicate_source_db (${address}.${name})` };
}

function mariadbSupport(version: Value<string>, attribute: string): CheckResult {
  const needs = 'MariaDB has IAM authentication only from 10.11';
  // Unset, RDS picks its current default version, which has it.
  if (version.state === 'absent') return pass('MariaDB (default version) supports IAM database authentication', 'engine');
  if (version.state === 'unknown') return unknown(`${needs}, and ${attribute} is ${describeExpression(version.expression)}`, attribute);
  const match = /^(\d+)\.(\d+)/.exec(version.value);
  if (!match) return unknown(`${needs}, and ${attribute} = "${version.value}" is not a version`, attribute);
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [minMajor, minMinor] = MARIADB_MINIMUM;
  if (major < minMajor || (major === minMajor && minor < minMinor))
    return notApplicable(`MariaDB ${version.value} has no IAM database authentication (10.11 and later do)`);
  return pass(`MariaDB ${version.value} supports IAM database authentication`, 'engine');
}
