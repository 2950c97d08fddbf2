import { join } from 'path';
import { HOST_FIREWALL_RULESET_PATH, hostFirewallUnit, renderHostFirewallRuleset } from '../../lib/boot/host-firewall';
import { renderSystemdUnit } from '../../lib/boot/systemd-unit';
import { hasTool, itWithTools, run, withTempFiles } from './tools';

describe('renderHostFirewallRuleset', () => {
  it('drops tcp/9100 on every interface but tailscale0, in its own table (never flush ruleset)', () => {
    const rules = renderHostFirewallRuleset();
    expect(rules).toContain('tcp dport 9100 iifname != "tailscale0" drop');
    expect(rules).toContain('table inet derp_guard {');
    expect(rules).not.toMatch(/^\s*flush ruleset/m);
  });

  it('drops by default and accepts only what a relay serves, replies, loopback and tailscale0', () => {
    const rules = renderHostFirewallRuleset();
    expect(rules).toContain('type filter hook input priority filter; policy drop;');
    for (const line of [
      'ct state established,related accept',
      'iifname "lo" accept',
      'iifname "tailscale0" accept',
      'tcp dport 443 accept',
      'udp dport 3478 accept',
      'tcp dport 80 accept',
    ]) {
      expect(rules).toContain(line);
    }
    expect(renderHostFirewallRuleset({ certMode: 'manual' })).not.toContain('tcp dport 80 accept');
    expect(rules).not.toMatch(/dport 22\b/);
    expect(() => renderHostFirewallRuleset({ certMode: 'self' as never })).toThrow(/certMode "self"/);
  });

  it('restricts the metadata service to root by default, and only then', () => {
    expect(renderHostFirewallRuleset()).toContain('ip daddr 169.254.169.254 meta skuid != 0 drop');
    const open = renderHostFirewallRuleset({ metadataServiceAccess: 'all-users' });
    expect(open).not.toContain('169.254.169.254');
    expect(() => renderHostFirewallRuleset({ metadataServiceAccess: 'nobody' as never })).toThrow(/metadataServiceAccess "nobody"/);
  });

  it('is loaded by an early oneshot unit', () => {
    const unit = hostFirewallUnit();
    expect(unit.service.ExecStart).toBe(`/usr/sbin/nft -f ${HOST_FIREWALL_RULESET_PATH}`);
    expect(unit.unit.Before).toContain('network-pre.target');
    expect(unit.install?.WantedBy).toEqual(['sysinit.target']);
  });

  itWithTools(['systemd-analyze'], 'its unit parses without warnings', () => {
    withTempFiles({ 'derp-guard-firewall.service': renderSystemdUnit(hostFirewallUnit()) }, (dir) => {
      const result = run('systemd-analyze', ['security', '--offline=true', '--no-pager', join(dir, 'derp-guard-firewall.service')]);
      expect(result.stderr).toBe('');
    });
  });

  // nft -c talks to the kernel (netlink), so it needs root as well as the binary.
  const nftUsable = hasTool('nft') && process.getuid?.() === 0;
  if (!nftUsable) {
    console.warn('[test/boot] SKIPPED "nft -c accepts both variants": needs nft (command -v) and root.');
  }
  (nftUsable ? it : it.skip)('nft -c accepts both variants', () => {
    withTempFiles(
      { 'root-only.nft': renderHostFirewallRuleset(), 'all-users.nft': renderHostFirewallRuleset({ metadataServiceAccess: 'all-users' }) },
      (dir) => {
        for (const f of ['root-only.nft', 'all-users.nft']) {
          const result = run('nft', ['-c', '-f', join(dir, f)]);
          expect(result.stderr).toBe('');
          expect(result.status).toBe(0);
        }
      },
    );
  });

  // The ruleset loaded into a throw-away network namespace wired like a relay: a public
  // interface and tailscale0, each leading to a client namespace.
  describe('in a network namespace', () => {
    const tools = ['nft', 'unshare', 'nsenter', 'ip', 'setpriv', 'timeout'];
    const missing = tools.filter((t) => !hasTool(t));
    const usable = missing.length === 0 && process.getuid?.() === 0 && run('unshare', ['--net', 'true']).status === 0;
    if (!usable) {
      console.warn(
        `[test/boot] SKIPPED "host firewall in a network namespace": needs root, a working \`unshare --net\` and ${tools.join(', ')}${missing.length ? ` (missing: ${missing.join(', ')})` : ''}.`,
      );
    }
    const probe = (ruleset: string | null): Record<string, string> =>
      withTempFiles({ 'rules.nft': ruleset ?? '' }, (dir) => {
        const result = run('bash', [join(__dirname, 'fixtures', 'nft-netns-probe.sh'), ruleset === null ? 'none' : join(dir, 'rules.nft'), process.execPath]);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
        return Object.fromEntries(
          result.stdout
            .trim()
            .split('\n')
            .map((line) => line.split('=')),
        );
      });

    (usable ? it : it.skip)(
      'input policy drop: from the public side only DERP (and ACME with letsencrypt); tailscale0 open; metadata root-only',
      () => {
        // Without the ruleset every probe gets through, so "blocked" below is the ruleset's doing.
        const all = {
          'exporter-via-tailscale0': 'open',
          'exporter-via-public': 'open',
          'https-via-public': 'open',
          'metadata-as-root': 'open',
          'metadata-as-nobody': 'open',
          'http-via-public': 'open',
          'ssh-via-public': 'open',
          'other-via-public': 'open',
          'other-via-tailscale0': 'open',
        };
        expect(probe(null)).toEqual(all);
        const relay = { ...all, 'exporter-via-public': 'blocked', 'metadata-as-nobody': 'blocked', 'ssh-via-public': 'blocked', 'other-via-public': 'blocked' };
        expect(probe(renderHostFirewallRuleset())).toEqual(relay);
        expect(probe(renderHostFirewallRuleset({ certMode: 'manual' }))).toEqual({ ...relay, 'http-via-public': 'blocked' });
      },
      60_000,
    );
  });
});
