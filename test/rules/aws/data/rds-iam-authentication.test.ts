import { rdsIamAuthentication as rule } from '../../../../rules/aws/data/rds-iam-authentication';
import { findings, findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const ON = { iam_database_authentication_enabled: true };

describe('rds-iam-authentication', () => {
  itHonoursItsExamples(rule);

  const engines: Record<string, readonly string[]> = {
    aws_db_instance: ['mysql', 'postgres', 'mariadb'],
    aws_rds_cluster: ['aurora-mysql', 'aurora-postgresql', 'aurora', 'mysql', 'postgres'],
  };

  for (const [type, supported] of Object.entries(engines)) {
    describe(type, () => {
      it('fires when IAM authentication is unset (default false) or off on an engine that supports it', () => {
        for (const engine of supported) {
          expect(kinds(findingsFor(rule, type, { engine }))).toEqual(['violation']);
          expect(kinds(findingsFor(rule, type, { engine, iam_database_authentication_enabled: false }))).toEqual(['violation']);
        }
      });

      it('is quiet when it is on', () => {
        for (const engine of supported) expect(findingsFor(rule, type, { engine, ...ON })).toEqual([]);
        expect(findingsFor(rule, type, { engine: 'postgres', iam_database_authentication_enabled: 'true' })).toEqual([]);
      });

      it('is unknown when the flag or the engine is an expression', () => {
        expect(kinds(findingsFor(rule, type, { engine: supported[0], iam_database_authentication_enabled: '${var.iam}' }))).toEqual(['unknown']);
        expect(kinds(findingsFor(rule, type, { engine: '${var.engine}' }))).toEqual(['unknown']);
      });

      it('is quiet on an engine-expression only when the flag is on anyway', () => {
        expect(findingsFor(rule, type, { engine: '${var.engine}', ...ON })).toEqual([]);
      });
    });
  }

  describe('aws_db_instance engines without IAM authentication', () => {
    it('is not applicable to Oracle, SQL Server, Db2 and RDS Custom, even with an unknown flag', () => {
      for (const engine of ['oracle-ee', 'oracle-se2-cdb', 'sqlserver-se', 'db2-se', 'custom-oracle-ee', 'custom-sqlserver-ee']) {
        expect(findingsFor(rule, 'aws_db_instance', { engine })).toEqual([]);
        expect(findingsFor(rule, 'aws_db_instance', { engine, iam_database_authentication_enabled: '${var.iam}' })).toEqual([]);
      }
    });

    it('is unknown for an engine it does not know', () => {
      expect(kinds(findingsFor(rule, 'aws_db_instance', { engine: 'newdb' }))).toEqual(['unknown']);
    });
  });

  describe('MariaDB versions', () => {
    const type = 'aws_db_instance';
    it('fires on 10.11 and later, and on the default version', () => {
      expect(kinds(findingsFor(rule, type, { engine: 'mariadb', engine_version: '10.11.9' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, type, { engine: 'mariadb', engine_version: '11.4' }))).toEqual(['violation']);
      expect(kinds(findingsFor(rule, type, { engine: 'mariadb' }))).toEqual(['violation']);
    });
    it('is not applicable before 10.11', () => {
      expect(findingsFor(rule, type, { engine: 'mariadb', engine_version: '10.6.14' })).toEqual([]);
      expect(findingsFor(rule, type, { engine: 'mariadb', engine_version: '10.5' })).toEqual([]);
    });
    it('is unknown when engine_version is an expression or not a version', () => {
      expect(kinds(findingsFor(rule, type, { engine: 'mariadb', engine_version: '${var.version}' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, type, { engine: 'mariadb', engine_version: 'latest' }))).toEqual(['unknown']);
    });
  });

  describe('read replicas (aws_db_instance without an engine of its own)', () => {
    const replicaOf = (primary: Record<string, unknown>, replica: Record<string, unknown> = {}) =>
      findings(rule, {
        resource: {
          aws_db_instance: { primary: { ...primary, ...ON }, replica: { replicate_source_db: '${aws_db_instance.primary.identifier}', ...replica } },
        },
      }).filter((v) => v.address === 'aws_db_instance.replica');

    it('takes the engine of the source instance in the stack', () => {
      expect(kinds(replicaOf({ engine: 'mysql' }))).toEqual(['violation']);
      expect(replicaOf({ engine: 'mysql' }, ON)).toEqual([]);
      expect(replicaOf({ engine: 'oracle-ee' })).toEqual([]);
      expect(replicaOf({ engine: 'mariadb', engine_version: '10.6' })).toEqual([]);
    });

    it("is unknown when the source's engine is an expression, or the source is not in the stack", () => {
      expect(kinds(replicaOf({ engine: '${var.engine}' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_db_instance', { replicate_source_db: 'arn:aws:rds:eu-west-1:123456789012:db:primary' }))).toEqual(['unknown']);
      expect(kinds(findingsFor(rule, 'aws_db_instance', { snapshot_identifier: 'snap-1' }))).toEqual(['unknown']);
    });
  });
});
