/**
 * The monitoring server's boot: cloud-config checked by `cloud-init schema`, its shell scripts by `bash -n`
 * and shellcheck, and the STUN probe run for real against a local STUN responder.
 */
import { spawn } from 'child_process';
import * as dgram from 'dgram';
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { gzipSync } from 'zlib';
import {
  REFRESH_HARDENING,
  REFRESH_SCRIPT,
  BOOTSTRAP_SCRIPT,
  INSTALL_TAILSCALE_SCRIPT,
  STUN_PROBE_HARDENING,
  STUN_PROBE_SCRIPT,
  TAILSCALE_JOIN_SCRIPT,
  renderMonitoringCloudInit,
  type MonitoringCloudInitOptions,
} from '../../../lib/monitoring';
import { findTool, run, testWithTool, tmpDir } from './tools';

const SCRIPTS: Record<string, string> = {
  'bootstrap.sh': BOOTSTRAP_SCRIPT,
  'install-tailscale.sh': INSTALL_TAILSCALE_SCRIPT,
  'tailscale-join.sh': TAILSCALE_JOIN_SCRIPT,
};

function options(joinKey: MonitoringCloudInitOptions['joinKey']): MonitoringCloudInitOptions {
  return {
    prometheusConfig: 'global: {}\n',
    alertRules: 'groups: []\n',
    blackboxConfig: 'modules: {}\n',
    stunTargets: [{ node: 'fra1', host: 'derp-fra1.example.com', port: 3478, region: 'aws-fra' }],
    tailnetTag: 'tag:monitoring',
    tailnetHostName: 'derp-monitoring',
    joinKey,
  };
}

const AWS_KEY = { kind: 'aws-secrets-manager' as const, secretId: 'monitoring/join-key', region: 'eu-central-1' };
const DO_KEY = { kind: 'user-data' as const, keyReference: '${tailscale_tailnet_key.join.key}' };

describe('cloud-config', () => {
  for (const [name, key] of [
    ['AWS (key from Secrets Manager)', AWS_KEY],
    ['DigitalOcean (key reference in user data)', DO_KEY],
  ] as const) {
    testWithTool('cloud-init', `cloud-init schema accepts it: ${name}`, (cloudInit) => {
      const file = path.join(tmpDir(), 'user-data.yaml');
      fs.writeFileSync(file, renderMonitoringCloudInit(options(key)));
      const r = run(cloudInit, ['schema', '--config-file', file]);
      expect(r.output).toMatch(/Valid cloud-config/);
      expect(r.status).toBe(0);
    });
  }

  testWithTool('cloud-init', 'cloud-init schema rejects a broken one (the check can fail)', (cloudInit) => {
    const file = path.join(tmpDir(), 'user-data.yaml');
    fs.writeFileSync(file, '#cloud-config\nwrite_files: 5\n');
    expect(run(cloudInit, ['schema', '--config-file', file]).status).not.toBe(0);
  });

  test('AWS: the user data names the secret, never holds a key; the key file is only written on DigitalOcean', () => {
    const aws = renderMonitoringCloudInit(options(AWS_KEY));
    expect(aws).toContain("AUTH_KEY_SECRET_ID='monitoring/join-key'");
    expect(aws).not.toMatch(/tskey-[a-z]+-/);
    expect(aws).not.toContain('/run/derp-monitoring/tailscale-authkey"\n    owner');
    const digitalocean = renderMonitoringCloudInit(options(DO_KEY));
    // The name the shared join script (lib/boot) knows for a key cloud-init wrote from the user data.
    expect(digitalocean).toContain("AUTH_KEY_SOURCE='digitalocean-metadata'");
    expect(digitalocean).toMatch(
      /path: "\/run\/derp-monitoring\/tailscale-authkey"\n\s+owner: "root:root"\n\s+permissions: "0600"\n\s+content: "\$\{tailscale_tailnet_key\.join\.key\}"/,
    );
    // The only Terraform template in the document is the key reference.
    expect(digitalocean.match(/[$%]\{/g)).toHaveLength(1);
  });

  test('refuses a boot value that is not safe in a shell assignment', () => {
    expect(() => renderMonitoringCloudInit({ ...options(AWS_KEY), tailnetHostName: "x'; rm -rf /" })).toThrow(/TAILSCALE_NODE_NAME=.* not safe/);
  });

  test('refuses content Terraform would read as a template', () => {
    expect(() => renderMonitoringCloudInit({ ...options(AWS_KEY), alertRules: 'x: ${oops}\n' })).toThrow(/contains '\$\{' or '%\{'/);
  });

  test('every service listens on 127.0.0.1 only, and the STUN probe runs sandboxed as the prometheus user', () => {
    const text = renderMonitoringCloudInit(options(AWS_KEY));
    for (const flag of ['--web.listen-address=127.0.0.1:9090', '--web.listen-address=127.0.0.1:9115', '--web.listen-address=127.0.0.1:9100'])
      expect(text).toContain(flag);
    expect(text).not.toMatch(/listen-address=(0\.0\.0\.0|:)/);
    expect(STUN_PROBE_HARDENING).toMatchObject({
      User: 'prometheus',
      NoNewPrivileges: 'yes',
      ProtectSystem: 'strict',
      CapabilityBoundingSet: '',
      PrivateDevices: 'yes',
    });
    expect(text).toContain('CapabilityBoundingSet=\n');
  });
});

describe('boot scripts', () => {
  for (const [name, script] of Object.entries(SCRIPTS)) {
    testWithTool('bash', `${name}: bash -n`, (bash) => {
      const r = run(bash, ['-n'], script);
      expect(r.output).toBe('');
      expect(r.status).toBe(0);
    });
    testWithTool('shellcheck', `${name}: shellcheck`, (shellcheck) => {
      const r = run(shellcheck, ['--shell=bash', '--severity=style', '-'], script);
      expect(r.output).toBe('');
      expect(r.status).toBe(0);
    });
  }

  testWithTool('shellcheck', 'shellcheck finds problems when there are some (the check can fail)', (shellcheck) => {
    expect(run(shellcheck, ['--shell=bash', '-'], '#!/bin/bash\nrm -rf $1/*\n').status).not.toBe(0);
  });

  test('the join script never puts the key in argv or the environment, and shreds it', () => {
    expect(TAILSCALE_JOIN_SCRIPT).toContain('--auth-key="file:$KEY_FILE"');
    expect(TAILSCALE_JOIN_SCRIPT).toContain('trap forget_key EXIT');
    expect(TAILSCALE_JOIN_SCRIPT).toContain('shred --remove');
    expect(TAILSCALE_JOIN_SCRIPT).toContain('--ssh=false');
    expect(TAILSCALE_JOIN_SCRIPT).not.toMatch(/echo[^\n]*KEY_FILE\)/);
  });

  test('tailscale comes only from the pinned repository key', () => {
    expect(INSTALL_TAILSCALE_SCRIPT).toContain('"$fingerprints" != "$TAILSCALE_KEY_FINGERPRINT"');
    expect(INSTALL_TAILSCALE_SCRIPT).toContain('"tailscale=$TAILSCALE_VERSION"');
  });
});

/** A STUN responder on 127.0.0.1 answering binding requests like a DERP node (enough for the probe). */
function stunResponder(): Promise<{ port: number; close: () => void; requests: () => number }> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    let requests = 0;
    socket.on('message', (msg, rinfo) => {
      if (msg.length < 20 || msg.readUInt16BE(0) !== 0x0001 || msg.readUInt32BE(4) !== 0x2112a442) return;
      requests++;
      const response = Buffer.alloc(20);
      response.writeUInt16BE(0x0101, 0);
      response.writeUInt16BE(0, 2);
      response.writeUInt32BE(0x2112a442, 4);
      msg.copy(response, 8, 8, 20);
      socket.send(response, rinfo.port, rinfo.address);
    });
    socket.bind(0, '127.0.0.1', () => resolve({ port: socket.address().port, close: () => socket.close(), requests: () => requests }));
  });
}

function runPython(python: string, args: string[]): Promise<{ status: number; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(python, args);
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('close', (status) => resolve({ status: status ?? -1, output }));
  });
}

describe('STUN probe', () => {
  testWithTool(
    'python3',
    'reports 1 for a node that answers and 0 for one that does not, as textfile metrics',
    async (python) => {
      const responder = await stunResponder();
      const dir = tmpDir();
      const script = path.join(dir, 'stun-probe.py');
      fs.writeFileSync(script, STUN_PROBE_SCRIPT);
      const silent = dgram.createSocket('udp4');
      await new Promise<void>((r) => silent.bind(0, '127.0.0.1', () => r()));
      const targets = [
        { node: 'up', host: '127.0.0.1', port: responder.port, region: 'test' },
        { node: 'silent', host: '127.0.0.1', port: silent.address().port, region: 'test' },
        { node: 'nxdomain', host: 'derp.invalid', port: 3478, region: 'test' },
      ];
      fs.writeFileSync(path.join(dir, 'targets.json'), JSON.stringify(targets));
      const out = path.join(dir, 'derp_stun.prom');
      try {
        const r = await runPython(python, [script, '--targets', path.join(dir, 'targets.json'), '--out', out, '--timeout', '0.5']);
        expect(r.output).toBe('');
        expect(r.status).toBe(0);
      } finally {
        responder.close();
        silent.close();
      }
      const metrics = fs.readFileSync(out, 'utf8');
      expect(metrics).toContain('derp_stun_probe_success{derp_node="up",derp_hostname="127.0.0.1",derp_region_code="test"} 1');
      expect(metrics).toContain('derp_stun_probe_success{derp_node="silent",derp_hostname="127.0.0.1",derp_region_code="test"} 0');
      expect(metrics).toContain('derp_stun_probe_success{derp_node="nxdomain",derp_hostname="derp.invalid",derp_region_code="test"} 0');
      expect(metrics).toMatch(/^derp_stun_probe_last_run_timestamp_seconds \d+\.\d{3}$/m);
      expect(responder.requests()).toBe(1);
      expect((fs.statSync(out).mode & 0o777).toString(8)).toBe('644');
      // No temporary file left behind.
      expect(fs.readdirSync(dir).filter((f) => f.startsWith('.stun-probe-'))).toEqual([]);
    },
    15000,
  );

  // Needs python3 as well: skipped, with the warning, when it is missing.
  testWithTool(findTool('python3') ? 'promtool' : 'python3', 'its output is valid Prometheus exposition format (promtool check metrics)', async () => {
    const promtool = findTool('promtool');
    const python = findTool('python3')!;
    if (!promtool) throw new Error('promtool is not installed');
    const dir = tmpDir();
    fs.writeFileSync(path.join(dir, 'p.py'), STUN_PROBE_SCRIPT);
    fs.writeFileSync(path.join(dir, 't.json'), JSON.stringify([{ node: 'x', host: 'derp.invalid', port: 3478, region: 'r' }]));
    await runPython(python, [path.join(dir, 'p.py'), '--targets', path.join(dir, 't.json'), '--out', path.join(dir, 'm.prom'), '--timeout', '0.2']);
    const r = run(promtool, ['check', 'metrics'], fs.readFileSync(path.join(dir, 'm.prom'), 'utf8'));
    expect(r.status).toBe(0);
  });
});

/** A fake IMDSv2: a token on PUT /latest/api/token, the user data (gzipped) only with that token. */
function fakeImds(userData: string): Promise<{ url: string; close: () => void }> {
  const token = 'test-token';
  const server = http.createServer((req, res) => {
    if (req.method === 'PUT' && req.url === '/latest/api/token' && req.headers['x-aws-ec2-metadata-token-ttl-seconds']) {
      res.end(token);
    } else if (req.method === 'GET' && req.url === '/latest/user-data' && req.headers['x-aws-ec2-metadata-token'] === token) {
      res.end(gzipSync(Buffer.from(userData)));
    } else {
      res.statusCode = 401;
      res.end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as any).port}`, close: () => server.close() })),
  );
}

describe('configuration refresh (AWS)', () => {
  test('is installed on AWS only, sandboxed, and may reach only the metadata service', () => {
    expect(renderMonitoringCloudInit(options(AWS_KEY))).toContain('path: "/usr/local/lib/derp-monitoring/refresh-config.py"');
    expect(renderMonitoringCloudInit(options(DO_KEY))).not.toContain('refresh-config');
    expect(REFRESH_HARDENING).toMatchObject({
      ProtectSystem: 'strict',
      ReadWritePaths: '/etc/derp-monitoring',
      IPAddressDeny: 'any',
      IPAddressAllow: '169.254.169.254',
      NoNewPrivileges: 'yes',
    });
  });

  testWithTool(
    'python3',
    'rewrites changed files under /etc/derp-monitoring from the current user data, and nothing else',
    async (python) => {
      const dir = tmpDir();
      const root = path.join(dir, 'root');
      const script = path.join(dir, 'refresh-config.py');
      fs.writeFileSync(script, REFRESH_SCRIPT);
      const userData = renderMonitoringCloudInit({ ...options(AWS_KEY), prometheusConfig: 'global: {scrape_interval: 15s}\n' }).replace(
        'write_files:\n',
        'write_files:\n  - path: "/etc/passwd"\n    content: "owned"\n  - path: "/etc/derp-monitoring/../shadow"\n    content: "owned"\n',
      );
      fs.mkdirSync(path.join(root, 'etc/derp-monitoring'), { recursive: true });
      fs.writeFileSync(path.join(root, 'etc/derp-monitoring/prometheus.yml'), 'global: {}\n');
      const imds = await fakeImds(userData);
      try {
        const first = await runPython(python, [script, '--imds', imds.url, '--root', root, '--no-restart']);
        expect(first.status).toBe(0);
        expect(first.output).toMatch(/updated .*\/etc\/derp-monitoring\/prometheus\.yml/);
        expect(fs.readFileSync(path.join(root, 'etc/derp-monitoring/prometheus.yml'), 'utf8')).toBe('global: {scrape_interval: 15s}\n');
        expect((fs.statSync(path.join(root, 'etc/derp-monitoring/boot.env')).mode & 0o777).toString(8)).toBe('600');
        expect(fs.existsSync(path.join(root, 'etc/passwd'))).toBe(false);
        expect(fs.existsSync(path.join(root, 'etc/shadow'))).toBe(false);
        const second = await runPython(python, [script, '--imds', imds.url, '--root', root, '--no-restart']);
        expect(second.output).toMatch(/configuration is current/);
      } finally {
        imds.close();
      }
    },
    15000,
  );
});
