import { TerraformStack, TerraformVariable } from 'cdktf';
import { Guardrails } from '../../../aspects/guardrails';
import { DigitalOceanDerpRelay } from '../../../lib/relay/digitalocean-derp-relay';
import { readReport, synthError, testApp } from '../../helpers/app';
import { doProps, doStack, only, ref, resourcesOf, resourceTypes, synthDo, synthesizedValue, TAILNET_KEY_LITERAL, VERSIONS, withoutMetadata } from './fixtures';

const EVERYWHERE = ['0.0.0.0/0', '::/0'];

/** `protocol/port` of each firewall rule, sorted; every rule must be to/from exactly IPv4 and IPv6 anywhere. */
function flows(rules: any[], addresses: 'source_addresses' | 'destination_addresses'): string[] {
  return rules
    .map((r) => {
      expect(r[addresses]).toEqual(EVERYWHERE);
      return `${r.protocol}/${r.port_range}`;
    })
    .sort();
}

describe('DigitalOceanDerpRelay', () => {
  const letsencrypt = synthDo();
  const manual = synthDo({ certMode: 'manual' });

  describe('cloud firewall', () => {
    test("inbound is exactly 443/tcp, 3478/udp and 80/tcp from anywhere (IPv4 and IPv6) with Let's Encrypt", () => {
      expect(flows(only(letsencrypt.json, 'digitalocean_firewall').inbound_rule, 'source_addresses')).toEqual(['tcp/443', 'tcp/80', 'udp/3478']);
    });

    test('inbound is exactly 443/tcp and 3478/udp with manual certificates (no port 80)', () => {
      expect(flows(only(manual.json, 'digitalocean_firewall').inbound_rule, 'source_addresses')).toEqual(['tcp/443', 'udp/3478']);
    });

    test('outbound is exactly HTTPS, HTTP, STUN, WireGuard, DNS and NTP', () => {
      for (const { json } of [letsencrypt, manual]) {
        expect(flows(only(json, 'digitalocean_firewall').outbound_rule, 'destination_addresses')).toEqual(
          ['tcp/443', 'tcp/80', 'udp/3478', 'udp/41641', 'udp/53', 'tcp/53', 'udp/123'].sort(),
        );
      }
    });

    test('port 22 is closed: no rule covers it, no port ranges, no ICMP', () => {
      for (const { json } of [letsencrypt, manual]) {
        const firewall = only(json, 'digitalocean_firewall');
        for (const rule of [...firewall.inbound_rule, ...firewall.outbound_rule]) {
          expect(rule.port_range).toMatch(/^[0-9]+$/);
          expect(rule.port_range).not.toBe('22');
          expect(['tcp', 'udp']).toContain(rule.protocol);
        }
      }
    });

    test('applies to the droplet by id, not by tag', () => {
      const firewall = only(letsencrypt.json, 'digitalocean_firewall');
      expect(firewall.droplet_ids).toEqual([ref(letsencrypt.json, 'digitalocean_droplet', 'id')]);
      expect(firewall.tags).toBeUndefined();
    });
  });

  describe('droplet', () => {
    const droplet = only(letsencrypt.json, 'digitalocean_droplet');

    test('IPv6 and the monitoring agent on, web console agent off', () => {
      expect(droplet.ipv6).toBe(true);
      expect(droplet.monitoring).toBe(true);
      expect(droplet.droplet_agent).toBe(false);
    });

    test('SSH keys installed (no emailed root password)', () => {
      expect(droplet.ssh_keys).toEqual(['41236812']);
    });

    test('tagged role:derp, the approval tag, owner and environment', () => {
      expect(droplet.tags).toEqual(['role:derp', 'exposure:public', 'owner:team-infra', 'environment:test']);
      expect(synthDo({ tags: ['cost-center:net'] }).json.resource.digitalocean_droplet).toBeDefined();
      expect(only(synthDo({ tags: ['cost-center:net'] }).json, 'digitalocean_droplet').tags).toContain('cost-center:net');
    });

    test('backups off, stated explicitly (a backup would hold the node key), on when asked', () => {
      expect(droplet.backups).toBe(false);
      expect(only(synthDo({ backups: true }).json, 'digitalocean_droplet').backups).toBe(true);
    });

    test('pinned image slug, default size, FQDN name, region', () => {
      expect(droplet).toMatchObject({ image: 'ubuntu-24-04-x64', size: 's-1vcpu-2gb', name: 'derp-ams-1.example.com', region: 'ams3' });
      expect(only(synthDo({ distribution: 'debian-12' }).json, 'digitalocean_droplet').image).toBe('debian-12-x64');
    });

    test('later user data changes (a re-created key) do not replace the relay', () => {
      expect(droplet.lifecycle).toEqual({ ignore_changes: ['user_data'] });
    });
  });

  describe('auth key', () => {
    const droplet = only(letsencrypt.json, 'digitalocean_droplet');
    const key = only(letsencrypt.json, 'tailscale_tailnet_key');

    test('single-use, pre-authorised, not ephemeral, tagged tag:derp, expiring within an hour', () => {
      expect(key).toMatchObject({ reusable: false, ephemeral: false, preauthorized: true, tags: ['tag:derp'], expiry: 3600 });
      expect(only(synthDo({ authKeyExpirySeconds: 900, extraTailnetTags: ['tag:edge'] }).json, 'tailscale_tailnet_key')).toMatchObject({
        expiry: 900,
        tags: ['tag:derp', 'tag:edge'],
      });
    });

    test('the user data holds only a reference to the key in this stack, written to a root-only file', () => {
      const reference = ref(letsencrypt.json, 'tailscale_tailnet_key', 'key');
      const userData: string = droplet.user_data;
      const references = userData.match(/\$\{[^}]*\}/g);
      expect(references).toEqual([reference]);
      const doc = JSON.parse(userData.replace(/^#cloud-config\n/, ''));
      const keyFile = doc.write_files.find((f: any) => f.content === reference);
      expect(keyFile).toMatchObject({ path: '/run/derp-boot/tailscale-authkey', owner: 'root:root', permissions: '0600' });
      expect(userData).toContain("AUTH_KEY_SOURCE='digitalocean-metadata'");
      expect(userData).toContain('--auth-key=\\"file:');
    });

    test('the metadata service stays open to non-root users, because the monitoring agent needs it', () => {
      // A deliberate trade-off (see the construct's doc): do-agent runs as its own user.
      expect(droplet.monitoring).toBe(true);
      expect(droplet.user_data).not.toContain('169.254.169.254 meta skuid != 0 drop');
    });

    test('no key literal anywhere, no outputs', () => {
      expect(JSON.stringify(letsencrypt.json)).not.toMatch(TAILNET_KEY_LITERAL);
      expect(letsencrypt.json.output).toBeUndefined();
    });
  });

  describe('reserved IP', () => {
    test('none by default: the droplet address is the derpMap IPv4', () => {
      expect(resourcesOf(letsencrypt.json, 'digitalocean_reserved_ip')).toEqual([]);
      const { app, stack, relay, json } = synthDo();
      expect(synthesizedValue(stack, app, relay.derpNode.ipv4)).toBe(ref(json, 'digitalocean_droplet', 'ipv4_address'));
    });

    test('with reservedIp: a reserved IP assigned to the droplet, published as the derpMap IPv4', () => {
      const { app, stack, relay, json } = synthDo({ reservedIp: true });
      expect(only(json, 'digitalocean_reserved_ip')).toMatchObject({ region: 'ams3' });
      expect(only(json, 'digitalocean_reserved_ip_assignment')).toMatchObject({
        ip_address: ref(json, 'digitalocean_reserved_ip', 'ip_address'),
        droplet_id: ref(json, 'digitalocean_droplet', 'id'),
      });
      expect(synthesizedValue(stack, app, relay.derpNode.ipv4)).toBe(ref(json, 'digitalocean_reserved_ip', 'ip_address'));
    });

    test('the derpMap IPv6 is the droplet address', () => {
      const { app, stack, relay, json } = synthDo();
      expect(synthesizedValue(stack, app, relay.derpNode.ipv6)).toBe(ref(json, 'digitalocean_droplet', 'ipv6_address'));
    });
  });

  test('creates exactly the resources it documents', () => {
    expect(resourceTypes(letsencrypt.json)).toEqual(['digitalocean_droplet', 'digitalocean_firewall', 'tailscale_tailnet_key']);
    expect(letsencrypt.json.data).toBeUndefined();
  });

  test('derpMap node info', () => {
    expect(letsencrypt.relay.derpNode).toMatchObject({
      name: '901a',
      hostName: 'derp-ams-1.example.com',
      regionId: 901,
      regionCode: 'do-ams',
      regionName: 'DigitalOcean Amsterdam',
      stunPort: 3478,
      derpPort: 443,
    });
  });

  test('passes every guardrail of the strict profile with no suppression, in both cert modes and with a reserved IP', () => {
    for (const overrides of [{}, { certMode: 'manual' as const }, { reservedIp: true }]) {
      const app = testApp();
      Guardrails.enforce(app, { profile: 'strict' });
      new DigitalOceanDerpRelay(doStack(app), 'relay', { ...doProps(), ...overrides });
      const error = synthError(app);
      expect(error?.message).toBeUndefined();
      const report = readReport(app);
      expect(report.violations).toEqual([]);
      expect(report.summary).toMatchObject({ errors: 0, warnings: 0, unknown: 0, suppressed: 0 });
    }
  });
});

test('the guardrail check above can fail: an override that drops the approval tag is refused at synth', () => {
  const app = testApp();
  Guardrails.enforce(app, { profile: 'strict' });
  const relay = new DigitalOceanDerpRelay(doStack(app), 'relay', doProps());
  relay.droplet.addOverride('tags', undefined);
  expect(synthError(app)?.message).toContain('public-ip-requires-approval');
});

test('the guardrail check above reads the auth key: the same relay with a reusable key is refused at synth', () => {
  const app = testApp();
  Guardrails.enforce(app, { profile: 'strict' });
  const relay = new DigitalOceanDerpRelay(doStack(app), 'relay', doProps());
  relay.authKey.addOverride('reusable', true);
  expect(synthError(app)?.message).toContain('no-secrets-in-user-data');
});

describe('DigitalOceanDerpRelay props validation', () => {
  function errorFor(overrides: Record<string, unknown> | ((token: string) => Record<string, unknown>)): Error {
    const app = testApp();
    const stack = doStack(app);
    const token = new TerraformVariable(stack, 'some-string', { type: 'string' }).stringValue;
    try {
      new DigitalOceanDerpRelay(stack, 'relay', { ...doProps(), ...(typeof overrides === 'function' ? overrides(token) : overrides) } as any);
    } catch (e) {
      return e as Error;
    }
    throw new Error(`no error for ${JSON.stringify(overrides)}`);
  }

  const cases: Array<[string, Record<string, unknown> | ((token: string) => Record<string, unknown>), string]> = [
    ['hostname not fully qualified', { hostname: 'derp' }, 'hostname'],
    ['hostname a token', (token) => ({ hostname: token }), 'hostname'],
    ['regionId below 900', { regionId: 42 }, 'regionId'],
    ['regionId above 999', { regionId: 1001 }, 'regionId'],
    ['regionCode upper case', { regionCode: 'DO-AMS' }, 'regionCode'],
    ['nodeName empty', { nodeName: '' }, 'nodeName'],
    ['region malformed', { region: 'Amsterdam 3' }, 'region'],
    ['size malformed', { size: 's 1vcpu' }, 'size'],
    ['image malformed', { image: 'Ubuntu 24.04' }, 'image'],
    ['sshKeys missing', { sshKeys: undefined }, 'sshKeys'],
    ['sshKeys empty', { sshKeys: [] }, 'sshKeys'],
    ['sshKeys entry malformed', { sshKeys: ['ssh-ed25519 AAAA'] }, 'sshKeys[0]'],
    ['owner missing', { owner: undefined }, 'owner'],
    ['owner with a space', { owner: 'team infra' }, 'owner'],
    ['environment missing', { environment: '' }, 'environment'],
    ['tags entry malformed', { tags: ['cost center'] }, 'tags[0]'],
    ['tags not a list', { tags: 'role:web' }, 'tags'],
    ['tags with a second owner', { tags: ['owner:someone-else'] }, 'tags[0]'],
    ['tags with a second role', { tags: ['team:x', 'role:web'] }, 'tags[1]'],
    ['vpcUuid malformed', { vpcUuid: 'default' }, 'vpcUuid'],
    ['reservedIp not a boolean', { reservedIp: 'yes' }, 'reservedIp'],
    ['authKeyExpirySeconds above an hour', { authKeyExpirySeconds: 86400 }, 'authKeyExpirySeconds'],
    ['authKeyExpirySeconds too short to boot', { authKeyExpirySeconds: 60 }, 'authKeyExpirySeconds'],
    ['publicExposureTag malformed', { publicExposureTag: 'exposure public' }, 'publicExposureTag'],
    ['extraTailnetTags malformed', { extraTailnetTags: ['tag:Edge'] }, 'extraTailnetTags[0]'],
    ['versions without a node exporter hash', { versions: { ...VERSIONS, nodeExporter: {} } }, 'versions.nodeExporter.sha256'],
    ['versions without a derper pin', { versions: { nodeExporter: { source: 'distribution-package' } } }, 'versions.derperSha256.amd64'],
    ['reservedIp not an address', { reservedIp: 'yes' }, 'reservedIp'],
    ['reservedIp out of range', { reservedIp: '300.1.1.1' }, 'reservedIp'],
    ['dnsDomain not a parent of the hostname', { dnsDomain: 'example.org' }, 'dnsDomain'],
  ];

  test.each(cases)('%s', (_name, overrides, prop) => {
    const error = errorFor(overrides);
    expect(error.message).toContain(`DigitalOceanDerpRelay 'main/relay': ${prop} `);
  });

  test('a stack without a tailscale provider is refused at synth', () => {
    const app = testApp();
    const stack = new TerraformStack(app, 'main');
    new DigitalOceanDerpRelay(stack, 'relay', doProps());
    expect(synthError(app)?.message).toContain("DigitalOceanDerpRelay 'main/relay': its stack has no TailscaleProvider");
  });

  test('SSH keys may be references to digitalocean_ssh_key resources', () => {
    const app = testApp();
    const stack = doStack(app);
    const key = new TerraformVariable(stack, 'key', { type: 'string' }).stringValue;
    expect(() => new DigitalOceanDerpRelay(stack, 'relay', { ...doProps(), sshKeys: [key] })).not.toThrow();
  });
});

describe('DigitalOceanDerpRelay pinned address, DNS and derpMap entry', () => {
  test("a given reserved IP is assigned, published as a literal, and in DNS with the droplet's IPv6", () => {
    const { json, relay } = synthDo({ reservedIp: '203.0.113.10', dnsDomain: 'example.com' });
    expect(resourcesOf(json, 'digitalocean_reserved_ip')).toEqual([]);
    expect(only(json, 'digitalocean_reserved_ip_assignment')).toMatchObject({ ip_address: '203.0.113.10' });
    expect(relay.derpNode.ipv4).toBe('203.0.113.10');
    expect(resourcesOf(json, 'digitalocean_record').map(withoutMetadata)).toEqual([
      { domain: 'example.com', name: 'derp-ams-1', type: 'A', value: '203.0.113.10', ttl: 300 },
      { domain: 'example.com', name: 'derp-ams-1', type: 'AAAA', value: ref(json, 'digitalocean_droplet', 'ipv6_address'), ttl: 300 },
    ]);
  });

  test('its derpMap entry cannot mesh, and says why', () => {
    const { relay } = synthDo();
    expect(relay.derpNode).toMatchObject({ architecture: 'amd64', tailscaleVersion: '1.102.3', canPort80: true, tailnetTags: ['tag:derp'] });
    expect(relay.derpNode.meshUnsupported).toMatch(/cannot mesh/);
  });
});
