import { cloudtrailManagementEvents as rule } from '../../../../rules/aws/logging/cloudtrail-management-events';
import { findingsFor, kinds } from '../../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../../helpers/examples';

const T = 'aws_cloudtrail';
const trail = (extra: Record<string, unknown> = {}) => ({ name: 'audit', s3_bucket_name: 'audit-logs', ...extra });
const field = (name: string, equals: unknown) => ({ field: name, equals });
const management = (...more: unknown[]) => ({ name: 'mgmt', field_selector: [field('eventCategory', ['Management']), ...more] });
const s3Data = { name: 'data', field_selector: [field('eventCategory', ['Data']), field('resources.type', ['AWS::S3::Object'])] };

describe('cloudtrail-management-events', () => {
  itHonoursItsExamples(rule);

  it('fires when the event selectors leave out management events, reads or writes', () => {
    expect(kinds(findingsFor(rule, T, trail({ event_selector: { include_management_events: false } })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, trail({ event_selector: { read_write_type: 'WriteOnly' } })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, trail({ advanced_event_selector: [s3Data] })))).toEqual(['violation']);
    expect(kinds(findingsFor(rule, T, trail({ advanced_event_selector: [management(field('readOnly', ['false']))] })))).toEqual(['violation']);
  });

  it('stays quiet without selectors, or when one selector records all management events', () => {
    expect(findingsFor(rule, T, trail())).toEqual([]);
    expect(findingsFor(rule, T, trail({ event_selector: { read_write_type: 'All', include_management_events: true } }))).toEqual([]);
    const dataAndManagement = [{ include_management_events: false, data_resource: { type: 'AWS::S3::Object', values: ['arn:aws:s3'] } }, {}];
    expect(findingsFor(rule, T, trail({ event_selector: dataAndManagement }))).toEqual([]);
    expect(findingsFor(rule, T, trail({ advanced_event_selector: [s3Data, management()] }))).toEqual([]);
  });

  it('is unknown for expressions', () => {
    expect(kinds(findingsFor(rule, T, trail({ event_selector: { read_write_type: '${var.rw}' } })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, trail({ event_selector: '${local.selectors}' })))).toEqual(['unknown']);
    expect(kinds(findingsFor(rule, T, trail({ advanced_event_selector: [{ field_selector: [field('eventCategory', ['${var.category}'])] }] })))).toEqual([
      'unknown',
    ]);
    const dynamic = { dynamic: { advanced_event_selector: { for_each: '${var.selectors}', content: management() } } };
    expect(kinds(findingsFor(rule, T, trail(dynamic)))).toEqual(['unknown']);
  });
});
