import { join } from 'path';
import { DERPER_EXPOSURE_MEASURED, DERPER_HARDENING, derperUnit } from '../../lib/boot/derper-unit';
import { renderSystemdUnit } from '../../lib/boot/systemd-unit';
import { exposureOf, hasTool, itWithTools, run, withTempFiles } from './tools';

const execArgs = (certMode?: 'letsencrypt' | 'manual') => derperUnit({ hostname: 'derp1.example.com', certMode }).service.ExecStart.split(' ');

describe('derperUnit', () => {
  it('runs derper with client verification, STUN and HTTPS on 443', () => {
    const args = execArgs();
    expect(args[0]).toBe('/usr/local/bin/derper');
    expect(args).toEqual(
      expect.arrayContaining(['-hostname=derp1.example.com', '-a=:443', '-stun', '-stun-port=3478', '-verify-clients', '-c=/var/lib/derper/derper.key']),
    );
  });

  it("serves HTTP on 80 only for Let's Encrypt, with certificates in the state directory", () => {
    expect(execArgs('letsencrypt')).toEqual(expect.arrayContaining(['-http-port=80', '-certmode=letsencrypt', '-certdir=/var/lib/derper/certs']));
    expect(execArgs()).toContain('-http-port=80');
    const manual = execArgs('manual');
    expect(manual).toEqual(expect.arrayContaining(['-http-port=-1', '-certmode=manual', '-certdir=%d']));
    expect(manual).not.toContain('-http-port=80');
  });

  it('hands manual certificates over as credentials, so they stay root-only on the host', () => {
    const unit = derperUnit({ hostname: 'derp1.example.com', certMode: 'manual', manualCertDir: '/etc/ssl/derp' });
    expect(unit.service.LoadCredential).toEqual([
      'derp1.example.com.crt:/etc/ssl/derp/derp1.example.com.crt',
      'derp1.example.com.key:/etc/ssl/derp/derp1.example.com.key',
    ]);
    expect(derperUnit({ hostname: 'derp1.example.com' }).service.LoadCredential).toBeUndefined();
  });

  it("may bind only the ports it serves: 80 only with Let's Encrypt", () => {
    expect(derperUnit({ hostname: 'derp1.example.com' }).service.SocketBindAllow).toEqual(['tcp:443', 'tcp:80', 'udp:3478']);
    expect(derperUnit({ hostname: 'derp1.example.com', certMode: 'manual' }).service.SocketBindAllow).toEqual(['tcp:443', 'udp:3478']);
    expect(DERPER_HARDENING.SocketBindDeny).toEqual(['any']);
  });

  it('applies the whole hardening constant, unchanged', () => {
    const { service } = derperUnit({ hostname: 'derp1.example.com' });
    expect(service).toMatchObject(DERPER_HARDENING);
    expect(DERPER_HARDENING).toMatchObject({
      DynamicUser: true,
      NoNewPrivileges: true,
      ProtectSystem: 'strict',
      CapabilityBoundingSet: 'CAP_NET_BIND_SERVICE',
      AmbientCapabilities: 'CAP_NET_BIND_SERVICE',
      ProtectHome: true,
      PrivateTmp: true,
      PrivateDevices: true,
      DevicePolicy: 'closed',
      ProtectKernelTunables: true,
      ProtectKernelModules: true,
      ProtectKernelLogs: true,
      ProtectControlGroups: true,
      ProtectClock: true,
      ProtectHostname: true,
      ProtectProc: 'invisible',
      ProcSubset: 'pid',
      RestrictAddressFamilies: ['AF_INET', 'AF_INET6', 'AF_UNIX'],
      RestrictNamespaces: true,
      RestrictRealtime: true,
      RestrictSUIDSGID: true,
      LockPersonality: true,
      MemoryDenyWriteExecute: true,
      SystemCallArchitectures: 'native',
      SystemCallFilter: ['@system-service', '~@privileged @resources'],
      UMask: '0077',
      StateDirectory: 'derper',
      KeyringMode: 'private',
      RemoveIPC: true,
      PrivateUsers: false,
    });
    // Clients come from anywhere: no blanket deny, only the metadata services.
    expect(DERPER_HARDENING.IPAddressDeny).not.toContain('any');
    expect(DERPER_HARDENING.IPAddressDeny).toEqual(['169.254.169.254', 'fd00:ec2::254']);
  });

  it('orders after tailscaled, whose socket -verify-clients uses', () => {
    const { unit } = derperUnit({ hostname: 'derp1.example.com' });
    expect(unit.After).toContain('tailscaled.service');
    expect(unit.Wants).toContain('tailscaled.service');
  });

  it('rejects bad input, naming the option and the value', () => {
    expect(() => derperUnit({ hostname: 'localhost' })).toThrow('hostname "localhost"');
    expect(() => derperUnit({ hostname: 'Derp.Example.com' })).toThrow(/hostname "Derp.Example.com"/);
    expect(() => derperUnit({ hostname: 'derp1.example.com', certMode: 'selfsigned' as never })).toThrow(/certMode "selfsigned"/);
    expect(() => derperUnit({ hostname: 'derp1.example.com', certMode: 'manual', manualCertDir: 'certs' })).toThrow(/manualCertDir "certs"/);
  });

  describe('systemd-analyze security', () => {
    for (const certMode of ['letsencrypt', 'manual'] as const) {
      itWithTools(
        ['systemd-analyze'],
        `${certMode}: exposure stays at or below the measured ${DERPER_EXPOSURE_MEASURED.toFixed(1)}, with no parse warnings`,
        () => {
          const text = renderSystemdUnit(derperUnit({ hostname: 'derp1.example.com', certMode }));
          withTempFiles({ 'derper.service': text }, (dir) => {
            const { level, stderr } = exposureOf(join(dir, 'derper.service'));
            expect(stderr).toBe('');
            expect(level).toBeLessThanOrEqual(DERPER_EXPOSURE_MEASURED);
          });
        },
      );
    }
  });

  // The measurement behind PrivateUsers=no: with it, the service's capabilities live in a child
  // user namespace, which does not own the host network namespace, so binding 443 fails.
  describe('PrivateUsers= measurement', () => {
    const bindScript =
      'const s=require("net").createServer();s.on("error",e=>{console.log(e.code);process.exit(0)});s.listen(Number(process.argv[1]),"0.0.0.0",()=>{console.log("bound");s.close()})';
    const canUnshare = hasTool('unshare') && process.getuid?.() === 0 && run('unshare', ['--net', 'true']).status === 0;
    if (!canUnshare) {
      console.warn('[test/boot] SKIPPED "PrivateUsers= measurement": needs root and a working `unshare --net`.');
    }
    (canUnshare ? it : it.skip)('a child user namespace cannot bind 443 in a network namespace it does not own', () => {
      const owner = run('unshare', ['--net', process.execPath, '-e', bindScript, '443']);
      expect(owner.stdout.trim()).toBe('bound');
      const child = run('unshare', ['--net', 'unshare', '--user', '--map-root-user', process.execPath, '-e', bindScript, '443']);
      expect(child.stdout.trim()).toBe('EACCES');
      const highPort = run('unshare', ['--net', 'unshare', '--user', '--map-root-user', process.execPath, '-e', bindScript, '9100']);
      expect(highPort.stdout.trim()).toBe('bound');
    });
  });
});

describe('derper mesh', () => {
  const hosts = ['derp-a.example.com', 'derp-b.example.com'];
  it('meshes with the region and reads the key as a credential; no new bind', () => {
    const unit = derperUnit({ hostname: 'derp-b.example.com', meshWith: hosts });
    expect(unit.service.ExecStart).toContain('-mesh-with=derp-a.example.com,derp-b.example.com -mesh-psk-file=%d/mesh-psk');
    expect(unit.service.LoadCredential).toEqual(['mesh-psk:/etc/derp-boot/mesh-psk']);
    expect(unit.service.SocketBindAllow).toEqual(DERPER_HARDENING.SocketBindAllow);
  });
  it('keeps manual certificates next to the mesh key', () => {
    const unit = derperUnit({ hostname: 'derp-a.example.com', certMode: 'manual', meshWith: hosts });
    expect(unit.service.LoadCredential).toEqual([
      'derp-a.example.com.crt:/etc/derper/certs/derp-a.example.com.crt',
      'derp-a.example.com.key:/etc/derper/certs/derp-a.example.com.key',
      'mesh-psk:/etc/derp-boot/mesh-psk',
    ]);
  });
  it.each([
    [['derp-a.example.com'], /at least two/],
    [['derp-b.example.com', 'derp-c.example.com'], /must include this relay's own host name/],
    [['derp-a.example.com', 'derp-a.example.com'], /twice/],
    [['derp-a.example.com', 'not a host'], /meshWith\[1\]/],
  ])('refuses %j', (list, message) => {
    expect(() => derperUnit({ hostname: 'derp-a.example.com', meshWith: list })).toThrow(message);
  });
});
