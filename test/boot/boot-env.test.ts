import { renderBootEnv, BootEnv } from '../../lib/boot/boot-env';
import { renderSysctlConf, RELAY_SYSCTLS } from '../../lib/boot/sysctl';
import { stripComments } from '../../lib/boot/scripts/strip-comments';

const env: BootEnv = {
  DERP_HOSTNAME: 'derp1.example.com',
  DERP_ARCH: 'amd64',
  DERP_DISTRO: 'ubuntu',
  DERP_DISTRO_CODENAME: 'noble',
  TAILSCALE_VERSION: '1.78.1',
  TAILSCALE_KEY_FINGERPRINT: 'F'.repeat(40),
  TAILSCALE_TAGS: 'tag:derp',
  TAILSCALE_NODE_NAME: 'derp1',
  AUTH_KEY_SOURCE: 'aws-secrets-manager',
  AUTH_KEY_SECRET_ID: 'join-keys/900a',
  AUTH_KEY_REGION: 'eu-central-1',
  GO_VERSION: '1.23.4',
  DERPER_SHA256: 'unpinned',
  MESH_KEY_SECRET_ID: '',
  MESH_KEY_REGION: '',
  GO_SHA256: '0'.repeat(64),
  NODE_EXPORTER_VERSION: '1.8.2',
  NODE_EXPORTER_SHA256: '1'.repeat(64),
};

describe('renderBootEnv', () => {
  it("writes single-quoted KEY='value' lines", () => {
    expect(renderBootEnv(env)).toContain("AUTH_KEY_SECRET_ID='join-keys/900a'\n");
  });

  it('leaves out the node exporter version and hash when they are undefined (distribution package), and only those', () => {
    const { NODE_EXPORTER_VERSION: _v, NODE_EXPORTER_SHA256: _s, ...packageEnv } = env;
    const text = renderBootEnv(packageEnv);
    expect(text).not.toContain('NODE_EXPORTER');
    expect(text).toContain("GO_SHA256='");
    expect(renderBootEnv(env)).toContain(`NODE_EXPORTER_SHA256='${'1'.repeat(64)}'\n`);
    expect(() => renderBootEnv({ ...env, GO_SHA256: undefined as never })).toThrow(/GO_SHA256 cannot be written/);
  });

  it('is the last guard against values that could leave the quotes', () => {
    for (const bad of ["x'; reboot; '", 'a\nb', 'back\\slash']) {
      expect(() => renderBootEnv({ ...env, AUTH_KEY_SECRET_ID: bad })).toThrow(/AUTH_KEY_SECRET_ID cannot be written/);
    }
  });
});

describe('renderSysctlConf', () => {
  it('turns forwarding off', () => {
    expect(RELAY_SYSCTLS['net.ipv4.ip_forward']).toBe('0');
    expect(renderSysctlConf()).toMatch(/^net\.ipv6\.conf\.all\.forwarding = 0$/m);
  });

  it('refuses anything but name = number', () => {
    expect(() => renderSysctlConf({ 'net.ipv4.ip_forward': '0\nkernel.x = 1' })).toThrow(/invalid setting/);
  });
});

describe('stripComments', () => {
  it('keeps the #! line, shellcheck directives and commands; drops comment lines', () => {
    const script = '#!/bin/bash\n# why\nset -euo pipefail\n  # indented why\n# shellcheck disable=SC2016\necho "#not a comment" # trailing stays\n';
    expect(stripComments(script)).toBe('#!/bin/bash\nset -euo pipefail\n# shellcheck disable=SC2016\necho "#not a comment" # trailing stays\n');
  });
});
