/** The worst-case inputs the user-data size tests use: long names and tags on top of any base options. */
import type { DerpUserDataOptions } from '../../lib/boot/derp-user-data';

export function withLongInputs(base: DerpUserDataOptions): DerpUserDataOptions {
  return {
    ...base,
    hostname: 'derp-eu-central-1a.relays.example-company.com',
    certMode: 'manual',
    extraTags: ['tag:prod', 'tag:monitoring-target', 'tag:eu-central', 'tag:relay-fleet-a'],
    authKey: {
      kind: 'aws-secrets-manager',
      secretId: 'arn:aws:secretsmanager:eu-central-1:123456789012:secret:join-keys/derp-relay-long-AbCdEf',
      region: 'eu-central-1',
    },
  };
}
