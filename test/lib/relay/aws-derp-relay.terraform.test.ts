/**
 * The AWS relay against the real AWS provider schema, offline: terraform init (local mirror only),
 * validate and plan. Skipped, saying why, where terraform or the provider mirror is missing.
 */
import * as path from 'path';
import { TerraformStack } from 'cdktf';
import { AwsProvider } from '@cdktf/provider-aws/lib/provider';
import { AwsDerpRelay } from '../../../lib/relay/aws-derp-relay';
import { stackFile, testApp } from '../../helpers/app';
import { describeWithTerraform, initValidatePlan } from '../../helpers/terraform';
import { awsProps, DEFAULT_TAGS, KMS_KEY_ARN } from './fixtures';

describeWithTerraform('AwsDerpRelay with real terraform', (setup) => {
  test('init, validate and plan succeed offline for both cert modes, IPv6, a customer-managed root key, a pinned Elastic IP, DNS and a mesh', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'main');
    new AwsProvider(stack, 'aws', {
      region: 'eu-west-1',
      defaultTags: [{ tags: DEFAULT_TAGS }],
      // Offline: no credential check, no account lookup, no instance metadata.
      skipCredentialsValidation: true,
      skipRequestingAccountId: true,
      skipMetadataApiCheck: 'true',
    });
    new AwsDerpRelay(stack, 'letsencrypt', { ...awsProps(), ipv6: true, rootVolumeKmsKeyArn: KMS_KEY_ARN });
    new AwsDerpRelay(stack, 'manual', {
      ...awsProps(),
      nodeName: '900b',
      hostname: 'derp-fra-2.example.com',
      certMode: 'manual',
      instanceType: 't3.small',
      amiArchitecture: 'x86_64',
    });
    new AwsDerpRelay(stack, 'pinned', {
      ...awsProps(),
      nodeName: '900c',
      hostname: 'derp-fra-3.example.com',
      elasticIp: { allocationId: 'eipalloc-0123456789abcdef0', publicIp: '198.51.100.7' },
      dnsZone: { route53ZoneId: 'Z0123456789ABCDEFGHIJ' },
      mesh: { keySecret: awsProps().authKeySecret, regionHostnames: ['derp-fra-3.example.com', 'derp-fra-4.example.com'] },
    });
    app.synth();

    const plan: any = initValidatePlan(setup(), path.dirname(stackFile(app, 'main')));
    const changes: any[] = plan.resource_changes;
    expect(changes.every((c) => c.change.actions.join() === 'create')).toBe(true);
    const instances = changes.filter((c) => c.type === 'aws_instance').map((c) => c.change.after);
    expect(instances).toHaveLength(3);
    for (const instance of instances) {
      expect(instance.metadata_options[0]).toMatchObject({ http_tokens: 'required', http_put_response_hop_limit: 1 });
      expect(instance.root_block_device[0]).toMatchObject({ encrypted: true, volume_type: 'gp3' });
      expect(instance).toMatchObject({ monitoring: true, ebs_optimized: true, disable_api_termination: true, associate_public_ip_address: false });
      expect(instance.tags_all).toMatchObject({ ...DEFAULT_TAGS, role: 'derp', critical: 'true', exposure: 'public' });
    }
    expect(changes.filter((c) => c.type === 'aws_vpc_security_group_ingress_rule')).toHaveLength(6 + 4 + 6);
    expect(changes.filter((c) => c.type === 'aws_eip_association')).toHaveLength(1);
    expect(changes.filter((c) => c.type === 'aws_route53_record').map((c) => c.change.after.records)).toEqual([['198.51.100.7']]);
    expect(changes.filter((c) => c.type === 'aws_iam_role_policy')).toHaveLength(4);
  }, 180000);
});
