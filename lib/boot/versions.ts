/**
 * Pinned versions of everything a relay node downloads at boot.
 *
 * Why pin: a relay built on Tuesday must be the relay built on Monday. `derper --verify-clients`
 * asks the local tailscaled about every client, and upstream only tests derper against a
 * tailscaled built from the same git revision (cmd/derper/README.md), so both come from
 * {@link TAILSCALE_VERSION}.
 *
 * Why derper's own checksum is an input: derper is built at boot from source, and a build is only as
 * good as everything it fetched. The build is reproducible (pinned toolchain, `-trimpath`, no cgo,
 * module sums checked against sum.golang.org), so whoever runs the fleet builds it once on a machine
 * they trust and pins the result (`versions.derperSha256`); the boot refuses any other binary.
 *
 * Why some checksums are not here: a checksum is only worth something if it came from somewhere
 * other than the download it checks. Where we had such a source we record it next to the value;
 * where we did not (the node exporter release tarball), the checksum is a required input with no
 * default, because an invented hash either breaks every boot or, worse, teaches people to "fix" it
 * by pasting whatever the download currently hashes to. The node exporter's default source is the
 * distribution package instead, which apt verifies against the archive's signing keys.
 */

/** CPU architecture of the relay image, in Debian/Go spelling. */
export type Architecture = 'amd64' | 'arm64';

/**
 * Tailscale release for both the `tailscale` deb (pkgs.tailscale.com stable apt repository,
 * installed as `tailscale=<version>` and held) and `go install tailscale.com/cmd/derper@v<version>`.
 * 1.102.3 is the newest stable release (even minor) in tailscale/tailscale's tags as read for this
 * change (tag v1.102.3, 2026-08-19; main's VERSION.txt was 1.103.0, an unstable development version).
 * Update together with {@link GO_TOOLCHAIN}: tailscale's go.mod at v1.102.3 requires go >= 1.26.6.
 * Rolling a fleet onto a new version: docs/threat-model.md, "Updating the relays".
 */
export const TAILSCALE_VERSION = '1.102.3';

/**
 * The oldest Tailscale release a relay may run. TS-2025-003: derper compared mesh keys with `==`, a
 * timing side channel that let an attacker recover the key and then disconnect clients and enumerate
 * their keys and addresses. The fix (tailscale/tailscale commit 3ee4c60ff, "cmd/derper: fix mesh auth
 * for DERP servers", constant-time key.DERPMesh) is in no v1.84.x tag; v1.86.0 is the first release
 * tag that contains it (`git tag --contains 3ee4c60ff`).
 */
export const MIN_TAILSCALE_VERSION = '1.86.0';

/** -1, 0 or 1 as `a` is older than, the same as or newer than `b` (`MAJOR.MINOR.PATCH`). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] < pb[i] ? -1 : 1;
  return 0;
}

/** A downloaded archive and the sha256 it must have. */
export interface PinnedArchive {
  /** Release version, e.g. `1.23.4` (no leading `v`). */
  readonly version: string;
  /** Lower-case hex sha256 of the release archive for the target architecture. */
  readonly sha256: string;
}

/**
 * Go toolchain used to build derper (`https://dl.google.com/go/go<version>.linux-<arch>.tar.gz`).
 *
 * Source of the sha256 values: docker-library/golang `versions.json` at commit 8f8c1839e686
 * ("Update 1.26 to 1.26.7", 2026-08-19), which records the hashes published by go.dev/dl.
 * They MUST be updated together with `version`: take both from https://go.dev/dl/?mode=json
 * (fields `version`, `files[].sha256`), never from a hash of a file you just downloaded.
 */
export const GO_TOOLCHAIN: Readonly<Record<Architecture, PinnedArchive>> = {
  amd64: { version: '1.26.7', sha256: 'ffb5f8de10c62550dfddab66b36b57030721e0a44a3218e9e1181d7b59f121ca' },
  arm64: { version: '1.26.7', sha256: '5a4ec883379d51ee9ce1040d5e87f8d35e20387574dd8c947feb01eabc3c1b37' },
};

/**
 * Prometheus node exporter release (github.com/prometheus/node_exporter, `node_exporter-<v>.linux-<arch>.tar.gz`),
 * used only with `versions.nodeExporter: { sha256 }` (source 'release-tarball'). Its sha256 has no
 * default on purpose (see the file comment): take it from the release's `sha256sums.txt` and check
 * that against a second source (e.g. the release page) before committing it. Left out, the relay
 * installs the distribution's `prometheus-node-exporter` package instead, which apt verifies with
 * the archive's signing keys: no checksum of ours needed.
 */
export const NODE_EXPORTER_VERSION = '1.8.2';

/**
 * Fingerprint of the Tailscale package repository signing key ("Tailscale Inc. (Package
 * repository signing key) <info@tailscale.com>", RSA 4096). The key is fetched over HTTPS from
 * pkgs.tailscale.com and then refused unless it is exactly this key, so a compromised or
 * mis-served download cannot add a key that apt would trust for every package.
 */
export const TAILSCALE_REPO_KEY_FINGERPRINT = '2596A99EAAB33821893C0A79458CA832957F5868';
