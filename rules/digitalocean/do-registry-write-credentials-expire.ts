/** Registry credentials that can push images expire, so a leaked copy does not stay a supply-chain key. */
import { defineRule } from '../../engine/rule';
import { notApplicable, unknownValue } from '../../engine/results';
import { boolAttr } from '../../engine/values';
import { requireNumber } from '../common/shapes';

/** Thirty days: what `doctl registry login` gives by default. The provider renews expired credentials on refresh. */
export const MAX_REGISTRY_WRITE_CREDENTIAL_SECONDS = 2592000;

/** The provider's default: 1576800000 seconds, roughly 50 years. */
const PROVIDER_DEFAULT_EXPIRY = 1576800000;

export const doRegistryWriteCredentialsExpire = defineRule({
  id: 'do-registry-write-credentials-expire',
  title: 'Container registry credentials that can push expire within 30 days',
  severity: 'error',
  profile: 'baseline',
  category: 'identity',
  resourceTypes: ['digitalocean_container_registry_docker_credentials'],
  rationale:
    'Credentials with `write = true` can push images to the registry: whoever holds them can replace an image ' +
    'that clusters and apps pull and run. They are a DigitalOcean API token in a Docker config, kept in ' +
    'Terraform state and usually copied to CI secrets or a Kubernetes secret. Unless `expiry_seconds` is set ' +
    'they are valid for about 50 years, so a copy leaked once works for good. Read-only credentials are not ' +
    'checked. The provider regenerates expired credentials on the next refresh, so a short expiry costs nothing.',
  fix: `Set \`expiry_seconds\` to at most ${MAX_REGISTRY_WRITE_CREDENTIAL_SECONDS} (30 days), or use \`write = false\` where pulling is enough.`,
  references: { docs: ['https://registry.terraform.io/providers/digitalocean/digitalocean/latest/docs/resources/container_registry_docker_credentials'] },
  examples: {
    failing: { resourceType: 'digitalocean_container_registry_docker_credentials', body: { registry_name: 'acme', write: true } },
    passing: { resourceType: 'digitalocean_container_registry_docker_credentials', body: { registry_name: 'acme', write: true, expiry_seconds: 86400 } },
  },
  check(credentials) {
    const write = boolAttr(credentials.body, 'write');
    if (write.state === 'unknown') return unknownValue('write', write);
    if (write.state === 'absent' || !write.value) return notApplicable('read-only credentials (write is false)');
    return requireNumber(
      credentials.body,
      'expiry_seconds',
      'expiry of push credentials',
      { min: 1, max: MAX_REGISTRY_WRITE_CREDENTIAL_SECONDS },
      { defaultValue: PROVIDER_DEFAULT_EXPIRY },
    );
  },
});
