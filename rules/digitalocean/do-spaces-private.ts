/** Spaces buckets and objects are private: public files are published on purpose, not by ACL. */
import { defineRule } from '../../engine/rule';
import { pass, unknownValue, violation } from '../../engine/results';
import { stringAttr } from '../../engine/values';

export const doSpacesPrivate = defineRule({
  id: 'do-spaces-private',
  title: 'Spaces buckets and bucket objects are not public-read',
  severity: 'error',
  profile: 'baseline',
  category: 'data',
  resourceTypes: ['digitalocean_spaces_bucket', 'digitalocean_spaces_bucket_object'],
  rationale:
    'A public-read bucket lists every object to anyone who guesses its name, and bucket names are easy to ' +
    'guess; a public-read object is readable by anyone with its URL. Backups, state files and uploads leak ' +
    'this way. Both ACLs default to private; this rule catches the explicit opt-out.',
  fix: 'Remove `acl` or set `acl = "private"`; serve public assets through a CDN or signed URLs instead.',
  references: {
    checkov: ['CKV_DIO_3'],
    deviations: [
      {
        peer: 'checkov',
        check: 'CKV_DIO_3',
        kind: 'stricter',
        why: 'also covers digitalocean_spaces_bucket_object, whose acl can make a single object public-read',
      },
    ],
    docs: ['https://docs.digitalocean.com/products/spaces/how-to/manage-access/'],
  },
  examples: {
    failing: { resourceType: 'digitalocean_spaces_bucket', body: { name: 'assets', region: 'ams3', acl: 'public-read' } },
    passing: { resourceType: 'digitalocean_spaces_bucket', body: { name: 'assets', region: 'ams3' } },
  },
  check(resource) {
    const what = resource.type === 'digitalocean_spaces_bucket' ? 'the bucket' : 'the object';
    const acl = stringAttr(resource.body, 'acl');
    if (acl.state === 'unknown') return unknownValue('acl', acl);
    // Both resources accept only "private" (the default) and "public-read".
    if (acl.state === 'absent' || acl.value === 'private') return pass(`${what} is private`, 'acl');
    return violation(`${what} has acl = "${acl.value}": anyone on the internet can read it`, 'acl');
  },
});
