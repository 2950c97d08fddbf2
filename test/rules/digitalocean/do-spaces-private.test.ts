import { doSpacesPrivate as rule } from '../../../rules/digitalocean/do-spaces-private';
import { findingsFor, kinds } from '../../helpers/rule-harness';
import { itHonoursItsExamples } from '../../helpers/examples';

describe('do-spaces-private', () => {
  itHonoursItsExamples(rule);

  test.each([
    ['digitalocean_spaces_bucket', { name: 'assets', region: 'ams3' }],
    ['digitalocean_spaces_bucket_object', { bucket: 'assets', region: 'ams3', key: 'index.html', content: '<p/>' }],
  ])('%s: fires on public-read, quiet when private or unset, unknown for a token', (type, body) => {
    const found = findingsFor(rule, type, { ...body, acl: 'public-read' });
    expect(kinds(found)).toEqual(['violation']);
    expect(found[0]).toMatchObject({ severity: 'error', attribute: 'acl' });
    expect(findingsFor(rule, type, body)).toEqual([]);
    expect(findingsFor(rule, type, { ...body, acl: 'private' })).toEqual([]);
    expect(kinds(findingsFor(rule, type, { ...body, acl: '${var.acl}' }))).toEqual(['unknown']);
  });
});
