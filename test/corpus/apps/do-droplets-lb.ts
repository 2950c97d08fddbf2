/**
 * Web droplets behind a DigitalOcean load balancer that lists them by id.
 *
 * Shaped after the public cdktf DigitalOcean stack `LocaltunnelServerStack` (stacks/localtunnel-server/
 * stack.ts; found through code search, repository name not recorded by the index) and the DigitalOcean
 * community tutorial "How To Deploy Load-Balanced Web Applications on DigitalOcean with CDK for Terraform and
 * TypeScript": an `SshKey`, droplets created in a loop with cloud-init user data, and a `Loadbalancer` with
 * an HTTP forwarding rule, an HTTP health check and `dropletIds: droplets.map((d) => Fn.tonumber(d.id))`,
 * the documented way to pass a droplet's string id where the provider wants a number. Our own code, written
 * for this corpus.
 */
import { App, Fn, TerraformOutput, TerraformStack, TerraformVariable } from 'cdktf';
import type { Construct } from 'constructs';
import { DigitaloceanProvider } from '@cdktf/provider-digitalocean/lib/provider';
import { SshKey } from '@cdktf/provider-digitalocean/lib/ssh-key';
import { Droplet } from '@cdktf/provider-digitalocean/lib/droplet';
import { Loadbalancer } from '@cdktf/provider-digitalocean/lib/loadbalancer';

const REGION = 'nyc3';

class WebStack extends TerraformStack {
  constructor(scope: Construct, id: string) {
    super(scope, id);
    const token = new TerraformVariable(this, 'do_token', { type: 'string', sensitive: true });
    new DigitaloceanProvider(this, 'digitalocean', { token: token.stringValue });

    const key = new SshKey(this, 'deploy-key', {
      name: 'web-deploy',
      publicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIBq3c9n5QvWm1o7u2b8YxT4sZp6kQ0aHr1e9Lw3fN7dE deploy',
    });

    const droplets = [0, 1].map(
      (i) =>
        new Droplet(this, `web-${i}`, {
          name: `web-${i}`,
          image: 'ubuntu-22-04-x64',
          region: REGION,
          size: 's-1vcpu-1gb',
          sshKeys: [key.fingerprint],
          userData: '#cloud-config\npackages: [nginx]\nruncmd: [systemctl enable --now nginx]\n',
        }),
    );

    const lb = new Loadbalancer(this, 'web-lb', {
      name: 'web-lb',
      region: REGION,
      forwardingRule: [{ entryPort: 80, entryProtocol: 'http', targetPort: 80, targetProtocol: 'http' }],
      healthcheck: { port: 80, protocol: 'http', path: '/' },
      dropletIds: droplets.map((d) => Fn.tonumber(d.id)),
    });

    new TerraformOutput(this, 'lb-ip', { value: lb.ip });
  }
}

export function buildDoDropletsLb(app: App): void {
  new WebStack(app, 'do-web');
}
