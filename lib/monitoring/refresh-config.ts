/**
 * AWS only: re-apply the server's configuration from its current user data at every boot.
 *
 * Why: cloud-init writes files only on an instance's first boot, while Terraform changes an instance's
 * user data in place (stop, modify, start) when the fleet changes. Without this, a new relay would silently
 * go unmonitored. The script reads the user data from IMDSv2 (root only; the instance's hop limit is 1),
 * rewrites only files under /etc/derp-monitoring/, checks the new Prometheus config with promtool, and
 * restarts Prometheus and the blackbox exporter only if something changed. (On DigitalOcean a user-data
 * change replaces the droplet instead, with a fresh join key.)
 */

export const REFRESH = {
  script: '/usr/local/lib/derp-monitoring/refresh-config.py',
  unit: '/etc/systemd/system/derp-monitoring-refresh.service',
} as const;

export const REFRESH_SCRIPT = String.raw`#!/usr/bin/python3
"""Re-apply /etc/derp-monitoring/* from the instance's current user data (EC2 IMDSv2)."""
import argparse
import gzip
import os
import subprocess
import sys
import tempfile
import urllib.request

import yaml

MANAGED_PREFIX = "/etc/derp-monitoring/"


def fetch_user_data(imds):
    token_request = urllib.request.Request(
        imds + "/latest/api/token", method="PUT", headers={"X-aws-ec2-metadata-token-ttl-seconds": "60"}
    )
    with urllib.request.urlopen(token_request, timeout=5) as r:
        token = r.read().decode("ascii")
    request = urllib.request.Request(imds + "/latest/user-data", headers={"X-aws-ec2-metadata-token": token})
    with urllib.request.urlopen(request, timeout=5) as r:
        data = r.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data.decode("utf-8")


def write_if_changed(root, entry):
    path = entry.get("path", "")
    if not path.startswith(MANAGED_PREFIX) or "/../" in path or path.endswith("/.."):
        return False
    target = os.path.join(root, path.lstrip("/"))
    content = entry.get("content", "")
    try:
        with open(target, encoding="utf-8") as f:
            if f.read() == content:
                return False
    except FileNotFoundError:
        pass
    directory = os.path.dirname(target)
    os.makedirs(directory, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".refresh-")
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(content)
    os.chmod(tmp, int(str(entry.get("permissions", "0644")), 8))
    os.replace(tmp, target)
    return True


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--imds", default="http://169.254.169.254")
    parser.add_argument("--root", default="/")
    parser.add_argument("--no-restart", action="store_true")
    args = parser.parse_args()

    text = fetch_user_data(args.imds)
    if not text.startswith("#cloud-config"):
        print("refresh-config: the user data is not a cloud-config; nothing changed", file=sys.stderr)
        return 1
    document = yaml.safe_load(text) or {}
    changed = [e["path"] for e in document.get("write_files", []) if write_if_changed(args.root, e)]
    if not changed:
        print("refresh-config: configuration is current")
        return 0
    print("refresh-config: updated " + ", ".join(changed))
    if not args.no_restart:
        subprocess.run(["promtool", "check", "config", MANAGED_PREFIX + "prometheus.yml"], check=True)
        subprocess.run(["systemctl", "restart", "prometheus.service", "prometheus-blackbox-exporter.service"], check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;

/**
 * The refresh unit's sandbox, as data: root (it rewrites root-owned files and restarts services), but it
 * may only write /etc/derp-monitoring and only talk to the metadata service and local sockets.
 */
export const REFRESH_HARDENING: Readonly<Record<string, string>> = {
  NoNewPrivileges: 'yes',
  ProtectSystem: 'strict',
  ReadWritePaths: '/etc/derp-monitoring',
  ProtectHome: 'yes',
  PrivateTmp: 'yes',
  PrivateDevices: 'yes',
  ProtectKernelTunables: 'yes',
  ProtectKernelModules: 'yes',
  ProtectKernelLogs: 'yes',
  ProtectControlGroups: 'yes',
  RestrictAddressFamilies: 'AF_INET AF_UNIX',
  IPAddressDeny: 'any',
  IPAddressAllow: '169.254.169.254',
  RestrictNamespaces: 'yes',
  RestrictRealtime: 'yes',
  RestrictSUIDSGID: 'yes',
  LockPersonality: 'yes',
  SystemCallArchitectures: 'native',
  CapabilityBoundingSet: '',
};
