/**
 * The node exporter's two sources: the distribution package (the default) and the pinned release
 * tarball (the old behaviour). Covers the API and its errors, what each user data contains, the
 * ordering that keeps the package's own unit from ever running, and the package installer's
 * guards, run for real against fake systemctl / apt-get.
 */
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { AWS_USER_DATA_MAX_BYTES, buildDerpCloudConfig, DerpUserDataOptions, gzipUserData, renderDerpUserData } from '../../lib/boot/derp-user-data';
import { HOST_FIREWALL_UNIT_NAME } from '../../lib/boot/host-firewall';
import {
  NODE_EXPORTER_BINARY,
  NODE_EXPORTER_HARDENING,
  NODE_EXPORTER_PACKAGE_BINARY,
  NODE_EXPORTER_WRAPPER,
  nodeExporterUnit,
} from '../../lib/boot/node-exporter-unit';
import { BOOTSTRAP_SCRIPT } from '../../lib/boot/scripts/bootstrap';
import { INSTALL_NODE_EXPORTER_SCRIPT } from '../../lib/boot/scripts/install-node-exporter';
import { INSTALL_NODE_EXPORTER_PACKAGE_SCRIPT, NODE_EXPORTER_COLLECTOR_UNITS } from '../../lib/boot/scripts/install-node-exporter-package';
import { stripComments } from '../../lib/boot/scripts/strip-comments';
import { renderSystemdUnit } from '../../lib/boot/systemd-unit';
import { BootConfigError } from '../../lib/boot/validate';
import { GO_TOOLCHAIN, NODE_EXPORTER_VERSION } from '../../lib/boot/versions';
import { withLongInputs } from './long-inputs';
/** Placeholder derper pins (tests never build derper). */
const PIN = { derperSha256: { amd64: 'd'.repeat(64), arm64: 'e'.repeat(64) } } as const;
import { itWithTools, run, withTempFiles } from './tools';

// A syntactically valid placeholder, not the real node exporter hash (tests never download).
const SHA = 'fedcba9876543210'.repeat(4);
const UNIT_PATH = '/etc/systemd/system/prometheus-node-exporter.service';
const INSTALLER_PATH = '/usr/local/lib/derp-boot/install-node-exporter.sh';

const base: DerpUserDataOptions = {
  hostname: 'derp1.example.com',
  authKey: { kind: 'aws-secrets-manager', secretId: 'join-keys/900a', region: 'eu-central-1' },
  versions: PIN,
};
const pkg: DerpUserDataOptions = { ...base, versions: { ...PIN, nodeExporter: { source: 'distribution-package' } } };
const tarball: DerpUserDataOptions = { ...base, versions: { ...PIN, nodeExporter: { sha256: SHA } } };

const parse = (options: DerpUserDataOptions) => {
  const text = renderDerpUserData(options);
  return JSON.parse(text.slice('#cloud-config\n'.length)) as ReturnType<typeof buildDerpCloudConfig>;
};
const file = (options: DerpUserDataOptions, path: string): string => {
  const entry = parse(options).write_files.find((f) => f.path === path);
  if (!entry) throw new Error(`no write_files entry for ${path}`);
  return entry.content;
};
const execStart = (unitText: string) => /^ExecStart=(.*)$/m.exec(unitText)?.[1] ?? '';

describe('versions.nodeExporter', () => {
  it('defaults to the distribution package: versions left out, empty, or the source given all render the same', () => {
    const expected = renderDerpUserData(pkg);
    expect(renderDerpUserData(base)).toBe(expected);
    expect(renderDerpUserData({ ...base, versions: { ...PIN } })).toBe(expected);
    expect(renderDerpUserData({ ...base, versions: { ...PIN, tailscale: undefined, nodeExporter: undefined } })).toBe(expected);
    expect(file(base, INSTALLER_PATH)).toBe(stripComments(INSTALL_NODE_EXPORTER_PACKAGE_SCRIPT));
  });

  it("keeps the old shape: { sha256 } is a release tarball, the same as with source 'release-tarball'", () => {
    const explicit = renderDerpUserData({ ...base, versions: { ...PIN, nodeExporter: { source: 'release-tarball', sha256: SHA } } });
    expect(renderDerpUserData(tarball)).toBe(explicit);
    expect(file(tarball, INSTALLER_PATH)).toBe(stripComments(INSTALL_NODE_EXPORTER_SCRIPT));
    const env = file(tarball, '/etc/derp-boot/boot.env');
    expect(env).toContain(`NODE_EXPORTER_SHA256='${SHA}'`);
    expect(env).toContain(`NODE_EXPORTER_VERSION='${NODE_EXPORTER_VERSION}'`);
    expect(file({ ...base, versions: { ...PIN, nodeExporter: { sha256: SHA, version: '1.9.1' } } }, '/etc/derp-boot/boot.env')).toContain(
      "NODE_EXPORTER_VERSION='1.9.1'",
    );
  });

  describe('rejects, naming the option', () => {
    const cases: Array<[string, unknown, RegExp]> = [
      // No source is the old tarball shape, so a forgotten hash is an error, never a silent switch.
      ['{} (a tarball without its hash)', {}, /^versions\.nodeExporter\.sha256 undefined is required for a release tarball/],
      ['a tarball without its hash', { source: 'release-tarball' }, /^versions\.nodeExporter\.sha256 undefined/],
      ['a malformed hash', { sha256: 'abc' }, /^versions\.nodeExporter\.sha256 "abc"/],
      [
        'a hash with the package',
        { source: 'distribution-package', sha256: SHA },
        /^versions\.nodeExporter\.sha256 "fedc.*is not used with source 'distribution-package'/,
      ],
      ['a version with the package', { source: 'distribution-package', version: '1.8.2' }, /^versions\.nodeExporter\.version "1\.8\.2" is not used/],
      ['an unknown source', { source: 'snap' }, /^versions\.nodeExporter\.source "snap" must be one of 'distribution-package', 'release-tarball'/],
      ['null', null, /^versions\.nodeExporter null/],
      ['a string', 'distribution-package', /^versions\.nodeExporter "distribution-package"/],
    ];
    for (const [name, nodeExporter, message] of cases) {
      it(name, () => {
        const options = { ...base, versions: { ...PIN, nodeExporter: nodeExporter as never } };
        expect(() => renderDerpUserData(options)).toThrow(BootConfigError);
        expect(() => renderDerpUserData(options)).toThrow(message);
      });
    }
    it('versions not an object', () => {
      expect(() => renderDerpUserData({ ...base, versions: 'latest' as never })).toThrow(/^versions "latest"/);
    });
  });
});

describe('distribution package', () => {
  const doc = parse(pkg);
  const text = renderDerpUserData(pkg);
  const installer = file(pkg, INSTALLER_PATH);

  it('installs prometheus-node-exporter with apt, without recommends, from the boot script', () => {
    expect(installer).toMatch(/^DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus-node-exporter$/m);
    expect(BOOTSTRAP_SCRIPT).toContain('/usr/local/lib/derp-boot/install-node-exporter.sh');
  });

  it('never downloads a tarball for it and holds no checksum or version for it', () => {
    expect(installer).not.toMatch(/curl|wget|sha256sum|tar /);
    expect(text).not.toContain('github.com/prometheus/node_exporter/releases');
    expect(text).not.toContain('node_exporter-');
    expect(text).not.toContain(NODE_EXPORTER_BINARY);
    const env = file(pkg, '/etc/derp-boot/boot.env');
    expect(env).not.toMatch(/NODE_EXPORTER/);
    // The only sha256s in the whole user data are the Go toolchain's and derper's pin (install-derper.sh).
    expect(text.match(/[0-9a-f]{64}/g)).toEqual([GO_TOOLCHAIN.amd64.sha256, PIN.derperSha256.amd64]);
    // ...whereas the tarball's user data does carry its hash.
    expect(renderDerpUserData(tarball).match(/[0-9a-f]{64}/g)).toEqual([GO_TOOLCHAIN.amd64.sha256, PIN.derperSha256.amd64, SHA]);
  });

  it('runs our unit, which starts /usr/bin/prometheus-node-exporter through the tailnet-only wrapper', () => {
    const unit = file(pkg, UNIT_PATH);
    expect(execStart(unit).split(' ').slice(0, 2)).toEqual([NODE_EXPORTER_WRAPPER, NODE_EXPORTER_PACKAGE_BINARY]);
    // Nothing of the package's unit: no static user, no /etc/default/prometheus-node-exporter, no $ARGS.
    expect(unit).not.toMatch(/EnvironmentFile|\$ARGS|^User=/m);
    expect(unit).toMatch(/^DynamicUser=yes$/m);
    expect(unit).toContain(`Requires=${HOST_FIREWALL_UNIT_NAME}`);
  });

  it('the two sources render the same unit except for the binary (same sandbox, same collectors)', () => {
    const packageUnit = file(pkg, UNIT_PATH);
    const tarballUnit = file(tarball, UNIT_PATH);
    expect(execStart(tarballUnit).split(' ').slice(0, 2)).toEqual([NODE_EXPORTER_WRAPPER, NODE_EXPORTER_BINARY]);
    expect(packageUnit.replace(NODE_EXPORTER_PACKAGE_BINARY, NODE_EXPORTER_BINARY)).toBe(tarballUnit);
    expect(nodeExporterUnit({ source: 'distribution-package' }).service).toMatchObject(NODE_EXPORTER_HARDENING);
    expect(packageUnit).toBe(renderSystemdUnit(nodeExporterUnit({ source: 'distribution-package' })));
    // The unit's own default is unchanged for direct callers.
    expect(renderSystemdUnit(nodeExporterUnit())).toBe(tarballUnit);
    expect(() => nodeExporterUnit({ source: 'apt' as never })).toThrow(/invalid source "apt"/);
  });

  describe('ordering: our unit is in place, and the firewall loaded, before the package can start anything', () => {
    it('the unit comes from write_files (cloud-init init stage); the package is not in `packages` (final stage, before runcmd)', () => {
      expect(doc.write_files.map((f) => f.path)).toEqual(
        expect.arrayContaining([UNIT_PATH, '/etc/systemd/system/derp-guard-firewall.service', '/etc/derp-guard/derp-guard.nft']),
      );
      expect(doc.packages.some((p) => p.startsWith('prometheus'))).toBe(false);
      expect(doc.runcmd).toEqual([['/usr/local/lib/derp-boot/bootstrap.sh']]);
      // The installer is the only place that installs it.
      const installs = doc.write_files.filter((f) => /apt-get install[^\n]*prometheus-node-exporter/.test(f.content)).map((f) => f.path);
      expect(installs).toEqual([INSTALLER_PATH]);
    });

    it('bootstrap.sh loads the firewall and joins the tailnet before it runs the installer', () => {
      const at = ['daemon-reload', `enable --now ${HOST_FIREWALL_UNIT_NAME}`, 'tailscale-join.sh', 'install-node-exporter.sh'].map((s) =>
        BOOTSTRAP_SCRIPT.indexOf(s),
      );
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
    });

    it('the installer checks the firewall and the unit, then masks the collectors, installs, checks again and restarts ours', () => {
      const at = [
        `systemctl is-active --quiet ${HOST_FIREWALL_UNIT_NAME} || fail`,
        'ours || fail',
        'systemctl mask ',
        'apt-get install',
        'if ! ours; then',
        'systemctl restart "$UNIT"',
      ].map((s) => installer.indexOf(s));
      expect(at.every((i) => i >= 0)).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(installer).toContain(`readonly OURS=${UNIT_PATH}`);
      expect(installer).toContain(`grep -qF "ExecStart=${NODE_EXPORTER_WRAPPER} ${NODE_EXPORTER_PACKAGE_BINARY} " "$OURS"`);
    });

    it('masks every timer/service pair of prometheus-node-exporter-collectors (root scripts whose output we never read)', () => {
      expect(NODE_EXPORTER_COLLECTOR_UNITS).toEqual(
        ['apt', 'ipmitool-sensor', 'mellanox-hca-temp', 'nvme', 'smartmon'].flatMap((n) => [
          `prometheus-node-exporter-${n}.timer`,
          `prometheus-node-exporter-${n}.service`,
        ]),
      );
      // Written as a brace expansion; what bash makes of it is checked by the run below ('installs when ...').
      expect(installer).toMatch(/^systemctl mask prometheus-node-exporter-\{[a-z,-]+\}\.\{timer,service\}$/m);
    });

    // Evidence from the cloud-init on this machine (its /etc/cloud/cloud.cfg); skipped, loudly, without one.
    const cloudCfg = '/etc/cloud/cloud.cfg';
    const cloudCfgTest = existsSync(cloudCfg) ? it : it.skip;
    if (!existsSync(cloudCfg)) console.warn(`[test/boot] SKIPPED cloud-init module order: ${cloudCfg} not found`);
    cloudCfgTest("cloud-init's module order: write_files in the init stage; package installs and runcmd's script in the final stage", () => {
      const stages = modulesByStage(readFileSync(cloudCfg, 'utf8'));
      const norm = (m: string) => m.replace(/-/g, '_');
      expect(stages.cloud_init_modules.map(norm)).toContain('write_files');
      expect(stages.cloud_final_modules.map(norm)).toEqual(expect.arrayContaining(['package_update_upgrade_install', 'scripts_user']));
      const final = stages.cloud_final_modules.map(norm);
      expect(final.indexOf('package_update_upgrade_install')).toBeLessThan(final.indexOf('scripts_user'));
    });
  });

  it('fits the AWS limit with room to spare, with long inputs', () => {
    const long = withLongInputs(pkg);
    expect(gzipUserData(renderDerpUserData(long)).length).toBeLessThan(AWS_USER_DATA_MAX_BYTES / 2);
  });
});

/** `name: [ - module, ... ]` lists of a cloud.cfg, by stage (enough YAML for cloud-init's own file). */
function modulesByStage(cfg: string): Record<'cloud_init_modules' | 'cloud_final_modules', string[]> {
  const out: Record<string, string[]> = {};
  let current: string | undefined;
  for (const line of cfg.split('\n')) {
    const head = /^(cloud_[a-z]+_modules):\s*$/.exec(line);
    if (head) {
      current = head[1];
      out[current] = [];
      continue;
    }
    const item = /^\s*-\s*\[?\s*([A-Za-z0-9_-]+)/.exec(line);
    if (current && item) out[current].push(item[1]);
    else if (/^\S/.test(line)) current = undefined;
  }
  return { cloud_init_modules: out.cloud_init_modules ?? [], cloud_final_modules: out.cloud_final_modules ?? [] };
}

// The shipped installer, run for real with fake `systemctl` and `apt-get` first on PATH. The fakes
// read the state a case sets up and append every call to a log, so the test sees what ran, in order.
describe('the package installer, run against fake systemctl and apt-get', () => {
  const shipped = file(pkg, INSTALLER_PATH);
  const ourUnit = file(pkg, UNIT_PATH);

  interface Case {
    firewall?: 'active' | 'inactive';
    fragment?: string;
    dropIns?: string;
    unit?: string;
    /** What apt-get changes: the unit's fragment after the install. */
    fragmentAfterInstall?: string;
  }

  function install(c: Case) {
    return withTempFiles({}, (dir) => {
      const unitPath = join(dir, 'prometheus-node-exporter.service');
      const state = join(dir, 'state');
      const log = join(dir, 'log');
      writeFileSync(unitPath, c.unit ?? ourUnit);
      writeFileSync(`${state}.firewall`, c.firewall ?? 'active');
      writeFileSync(`${state}.fragment`, c.fragment ?? unitPath);
      writeFileSync(`${state}.dropins`, c.dropIns ?? '');
      writeFileSync(log, '');
      const fake = (body: string) => `#!/bin/bash\necho "$(basename "$0") $*" >>'${log}'\n${body}\n`;
      writeFileSync(
        join(dir, 'systemctl'),
        fake(`case "$1" in
  is-active) [ "$(cat '${state}.firewall')" = active ] ;;
  show) case "$3" in FragmentPath) cat '${state}.fragment' ;; DropInPaths) cat '${state}.dropins' ;; esac ;;
esac`),
      );
      writeFileSync(join(dir, 'apt-get'), fake(c.fragmentAfterInstall === undefined ? 'exit 0' : `echo '${c.fragmentAfterInstall}' >'${state}.fragment'`));
      chmodSync(join(dir, 'systemctl'), 0o755);
      chmodSync(join(dir, 'apt-get'), 0o755);
      const script = shipped.split(UNIT_PATH).join(unitPath);
      expect(script).not.toContain(UNIT_PATH);
      writeFileSync(join(dir, 'install.sh'), script);
      const result = run('env', [`PATH=${dir}:/usr/bin:/bin`, 'bash', join(dir, 'install.sh')]);
      const calls = readFileSync(log, 'utf8').trim().split('\n').filter(Boolean);
      return { status: result.status, stderr: result.stderr, calls, unitPath };
    });
  }
  const aptCalls = (calls: string[]) => calls.filter((c) => c.startsWith('apt-get'));

  itWithTools(['bash'], 'installs when the firewall is active and systemd would run our unit', () => {
    const { status, stderr, calls } = install({});
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    expect(aptCalls(calls)).toEqual(['apt-get install -y --no-install-recommends prometheus-node-exporter']);
    // bash expanded the brace list in the script into exactly the ten collector units.
    expect(calls).toContain(`systemctl mask ${NODE_EXPORTER_COLLECTOR_UNITS.join(' ')}`);
    const mask = calls.indexOf(`systemctl mask ${NODE_EXPORTER_COLLECTOR_UNITS.join(' ')}`);
    expect(mask).toBeGreaterThan(calls.indexOf(`systemctl is-active --quiet ${HOST_FIREWALL_UNIT_NAME}`));
    expect(mask).toBeLessThan(calls.indexOf(aptCalls(calls)[0]));
    expect(calls).not.toContain('systemctl disable --now prometheus-node-exporter.service');
    // Whatever ran before (an image with the package preinstalled), what runs now is our unit.
    expect(calls[calls.length - 1]).toBe('systemctl restart prometheus-node-exporter.service');
  });

  itWithTools(['bash'], 'refuses, before apt-get, when the host firewall is not active', () => {
    const { status, stderr, calls } = install({ firewall: 'inactive' });
    expect(status).toBe(1);
    expect(stderr).toContain('the host firewall is not active');
    expect(aptCalls(calls)).toEqual([]);
  });

  itWithTools(['bash'], "refuses, before apt-get, when systemd would load the package's unit or another binary", () => {
    const refusals: Case[] = [
      { fragment: '/lib/systemd/system/prometheus-node-exporter.service' },
      { fragment: '' },
      { unit: file(tarball, UNIT_PATH) }, // ours, but for the other binary
      { unit: ourUnit.replace(/^ExecStart=.*$/m, 'ExecStart=/usr/bin/prometheus-node-exporter $ARGS') },
      { dropIns: '/lib/systemd/system/prometheus-node-exporter.service.d/override.conf' },
    ];
    for (const c of refusals) {
      const { status, stderr, calls } = install(c);
      expect({ c, status }).toEqual({ c, status: 1 });
      expect(stderr).toContain('would not be our unit');
      expect(aptCalls(calls)).toEqual([]);
    }
    // A drop-in for all services (e.g. /usr/lib/systemd/system/service.d/10-timeout-abort.conf) is not one for this unit.
    expect(install({ dropIns: '/usr/lib/systemd/system/service.d/10-timeout-abort.conf' }).status).toBe(0);
  });

  itWithTools(['bash'], 'stops and disables the unit, and fails, if the install changed what the unit runs', () => {
    const { status, stderr, calls } = install({ fragmentAfterInstall: '/lib/systemd/system/prometheus-node-exporter.service' });
    expect(status).toBe(1);
    expect(stderr).toContain('the package changed what prometheus-node-exporter.service runs');
    expect(calls[calls.length - 1]).toBe('systemctl disable --now prometheus-node-exporter.service');
  });
});
