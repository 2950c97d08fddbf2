import { join } from 'path';
import { HOST_FIREWALL_UNIT_NAME } from '../../lib/boot/host-firewall';
import {
  NODE_EXPORTER_BINARIES,
  NODE_EXPORTER_BINARY,
  NODE_EXPORTER_COLLECTORS,
  NODE_EXPORTER_EXPOSURE_MEASURED,
  NODE_EXPORTER_HARDENING,
  NODE_EXPORTER_PACKAGE_BINARY,
  NODE_EXPORTER_WRAPPER,
  nodeExporterUnit,
} from '../../lib/boot/node-exporter-unit';
import { NODE_EXPORTER_START_SCRIPT } from '../../lib/boot/scripts/node-exporter-start';
import { renderSystemdUnit } from '../../lib/boot/systemd-unit';
import { exposureOf, itWithTools, run, withTempFiles } from './tools';

describe('nodeExporterUnit', () => {
  const unit = nodeExporterUnit();
  const args = unit.service.ExecStart.split(' ');

  it('starts through the wrapper that binds the tailscale IPv4, never a wildcard address', () => {
    expect(args[0]).toBe(NODE_EXPORTER_WRAPPER);
    expect(args[1]).toBe(NODE_EXPORTER_BINARY); // the default source stays the release tarball for direct callers
    expect(nodeExporterUnit({ source: 'distribution-package' }).service.ExecStart.split(' ').slice(0, 2)).toEqual([
      NODE_EXPORTER_WRAPPER,
      NODE_EXPORTER_PACKAGE_BINARY,
    ]);
    expect(NODE_EXPORTER_BINARIES).toEqual({
      'distribution-package': '/usr/bin/prometheus-node-exporter',
      'release-tarball': '/usr/local/bin/node_exporter',
    });
    expect(unit.service.ExecStart).not.toMatch(/listen-address/);
    expect(NODE_EXPORTER_START_SCRIPT).toContain('tailscale ip -4');
    expect(NODE_EXPORTER_START_SCRIPT).toContain('exec "$BINARY" --web.listen-address="$addr:9100" "$@"');
    expect(NODE_EXPORTER_START_SCRIPT).not.toMatch(/0\.0\.0\.0|:9100"?\s*$|\[::\]/m);
  });

  it('enables only the listed collectors', () => {
    expect(args).toContain('--collector.disable-defaults');
    const enabled = args.filter((a) => /^--collector\.[a-z_]+$/.test(a)).map((a) => a.replace('--collector.', ''));
    expect(enabled).toEqual([...NODE_EXPORTER_COLLECTORS]);
    expect(enabled).not.toContain('timex'); // adjtimex() is in @clock, which the filter denies
  });

  it('is reachable from tailscale ranges only and requires the host firewall', () => {
    expect(NODE_EXPORTER_HARDENING.IPAddressDeny).toEqual(['any']);
    expect(NODE_EXPORTER_HARDENING.IPAddressAllow).toEqual(['100.64.0.0/10', 'fd7a:115c:a1e0::/48']);
    expect(unit.unit.Requires).toContain(HOST_FIREWALL_UNIT_NAME);
    expect(unit.unit.After).toContain(HOST_FIREWALL_UNIT_NAME);
  });

  it('has no capabilities and the derper-level sandbox', () => {
    expect(unit.service).toMatchObject(NODE_EXPORTER_HARDENING);
    expect(NODE_EXPORTER_HARDENING).toMatchObject({
      DynamicUser: true,
      CapabilityBoundingSet: '',
      NoNewPrivileges: true,
      PrivateUsers: true,
      ProtectSystem: 'strict',
      ProtectProc: 'invisible',
      MemoryDenyWriteExecute: true,
      SystemCallFilter: ['@system-service', '~@privileged @resources'],
    });
    expect(unit.service).not.toHaveProperty('AmbientCapabilities');
  });

  itWithTools(
    ['systemd-analyze'],
    `exposure stays at or below the measured ${NODE_EXPORTER_EXPOSURE_MEASURED.toFixed(1)} for both sources, with no parse warnings`,
    () => {
      for (const source of ['release-tarball', 'distribution-package'] as const) {
        withTempFiles({ 'prometheus-node-exporter.service': renderSystemdUnit(nodeExporterUnit({ source })) }, (dir) => {
          const { level, stderr } = exposureOf(join(dir, 'prometheus-node-exporter.service'));
          expect({ source, stderr }).toEqual({ source, stderr: '' });
          expect(level).toBeLessThanOrEqual(NODE_EXPORTER_EXPOSURE_MEASURED);
        });
      }
    },
  );

  // The wrapper's address check, run for real against a fake `tailscale` on PATH.
  itWithTools(['bash'], 'the wrapper refuses to start without a tailnet IPv4 and execs with it otherwise', () => {
    const fakeTailscale = (output: string) => `#!/bin/sh\necho '${output}'\n`;
    const cases: Array<[string, boolean]> = [
      ['100.101.102.103', true],
      ['100.63.0.1', false], // just below 100.64.0.0/10
      ['203.0.113.7', false],
      ['', false],
    ];
    for (const [ip, starts] of cases) {
      // Short-circuit the retry loop: a fake `seq` yields one iteration and `sleep` returns at once.
      const files = {
        'start.sh': NODE_EXPORTER_START_SCRIPT,
        tailscale: fakeTailscale(ip),
        seq: '#!/bin/sh\necho 1\n',
        sleep: '#!/bin/sh\nexit 0\n',
      };
      withTempFiles(files, (dir) => {
        for (const f of ['tailscale', 'seq', 'sleep']) run('chmod', ['+x', join(dir, f)]);
        // The unit passes the binary first; /bin/echo shows what it would have been started with.
        const result = spawnWithPath(dir, ['bash', join(dir, 'start.sh'), '/bin/echo', '--collector.cpu']);
        if (starts) {
          expect(result.status).toBe(0);
          expect(result.stdout.trim()).toBe(`--web.listen-address=${ip}:9100 --collector.cpu`);
        } else {
          expect(result.status).toBe(1);
          expect(result.stderr).toContain('refusing to listen anywhere else');
        }
      });
    }
  });
});

function spawnWithPath(dir: string, argv: string[]) {
  return run('env', [`PATH=${dir}:/usr/bin:/bin`, ...argv]);
}
