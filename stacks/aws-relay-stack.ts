/** One AWS region's DERP relay, with a CloudWatch alarm on its status checks. */
import { TerraformStack } from 'cdktf';
import type { Construct } from 'constructs';
import type { SecretReference } from '../lib/contracts/secret-reference';
import { Ec2StatusCheckAlarm } from '../lib/monitoring';
import { AwsDerpRelay } from '../lib/relay';
import { awsProvider } from './aws-provider';
import { DERP_VERSIONS, type AwsRelaySite } from './config';

export class AwsRelayStack extends TerraformStack {
  readonly relay: AwsDerpRelay;

  constructor(scope: Construct, site: AwsRelaySite, authKeySecret: SecretReference) {
    super(scope, site.stack);
    awsProvider(this, site.region);
    this.relay = new AwsDerpRelay(this, 'relay', {
      hostname: site.hostname,
      nodeName: site.nodeName,
      regionId: site.regionId,
      regionCode: site.regionCode,
      regionName: site.regionName,
      vpcId: site.vpcId,
      subnetId: site.subnetId,
      amiId: site.amiId,
      certMode: 'letsencrypt',
      versions: DERP_VERSIONS,
      authKeySecret,
      // The SecretStore grants this role (secrets stack): one permission, behind the store's key policy.
      authKeySecretAccess: 'granted-elsewhere',
    });
    new Ec2StatusCheckAlarm(this, 'status-check', { alarmName: `derp-${site.nodeName}-status-check`, instanceId: this.relay.instance.id });
  }
}
