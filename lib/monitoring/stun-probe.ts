/**
 * The STUN probe: the blackbox exporter has no STUN prober, so a timer runs this script every 30 seconds.
 * It sends one RFC 5389 binding request to each DERP node's STUN port and writes the results as Prometheus
 * textfile metrics, which the local node exporter serves. Python 3 standard library only: python3 is on
 * every Debian/Ubuntu cloud image (cloud-init itself needs it), so nothing extra is downloaded.
 */

/** Where the script, its targets and its output live on the monitoring server. */
export const STUN_PROBE = {
  script: '/usr/local/lib/derp-monitoring/stun-probe.py',
  targets: '/etc/derp-monitoring/stun-targets.json',
  stateDir: 'derp-stun-probe',
  output: '/var/lib/derp-stun-probe/derp_stun.prom',
} as const;

export interface StunTarget {
  readonly node: string;
  readonly host: string;
  readonly port: number;
  readonly region: string;
}

export const STUN_PROBE_SCRIPT = String.raw`#!/usr/bin/python3
"""STUN binding probe of each DERP node, written as Prometheus textfile metrics.

Usage: stun-probe.py --targets targets.json --out metrics.prom [--timeout seconds]
targets.json: [{"node": "...", "host": "...", "port": 3478, "region": "..."}]
"""
import argparse
import json
import os
import socket
import struct
import sys
import tempfile
import time

MAGIC_COOKIE = 0x2112A442
BINDING_REQUEST = 0x0001
BINDING_SUCCESS = 0x0101


def probe(host, port, timeout):
    """Return (answered, seconds). Any failure (DNS, network, timeout, wrong answer) is a miss."""
    start = time.monotonic()
    txid = os.urandom(12)
    request = struct.pack("!HHI", BINDING_REQUEST, 0, MAGIC_COOKIE) + txid
    try:
        addr = socket.getaddrinfo(host, port, socket.AF_INET, socket.SOCK_DGRAM)[0][4]
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.sendto(request, addr)
            deadline = start + timeout
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    return False, time.monotonic() - start
                sock.settimeout(remaining)
                data, source = sock.recvfrom(2048)
                if source[0] != addr[0] or len(data) < 20:
                    continue
                kind, _length, cookie = struct.unpack("!HHI", data[:8])
                if kind == BINDING_SUCCESS and cookie == MAGIC_COOKIE and data[8:20] == txid:
                    return True, time.monotonic() - start
    except (OSError, socket.timeout, IndexError):
        return False, time.monotonic() - start


def label(value):
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--targets", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=float, default=2.0)
    args = parser.parse_args()
    with open(args.targets, encoding="utf-8") as f:
        targets = json.load(f)

    lines = [
        "# HELP derp_stun_probe_success Whether the DERP node answered a STUN binding request.",
        "# TYPE derp_stun_probe_success gauge",
    ]
    durations = [
        "# HELP derp_stun_probe_duration_seconds Time to the STUN answer, or to giving up.",
        "# TYPE derp_stun_probe_duration_seconds gauge",
    ]
    for t in targets:
        ok, seconds = probe(t["host"], int(t["port"]), args.timeout)
        labels = 'derp_node="' + label(t["node"]) + '",derp_hostname="' + label(t["host"]) + '",derp_region_code="' + label(t["region"]) + '"'
        lines.append("derp_stun_probe_success{" + labels + "} " + ("1" if ok else "0"))
        durations.append("derp_stun_probe_duration_seconds{" + labels + "} " + format(seconds, ".6f"))
    lines += durations
    lines += [
        "# HELP derp_stun_probe_last_run_timestamp_seconds When the probe last ran.",
        "# TYPE derp_stun_probe_last_run_timestamp_seconds gauge",
        "derp_stun_probe_last_run_timestamp_seconds " + format(time.time(), ".3f"),
    ]

    # Write then rename, so the node exporter never reads a half-written file.
    directory = os.path.dirname(os.path.abspath(args.out))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".stun-probe-")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        os.chmod(tmp, 0o644)
        os.replace(tmp, args.out)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
