/**
 * Pinned versions of everything a relay node downloads at boot.
 *
 * Why pin: a relay built on Tuesday must be the relay built on Monday. `derper --verify-clients`
 * asks the local tailscaled about every client, and upstream only tests derper against a
 * tailscaled built from the same git revision (cmd/derper/README.md), so both come from
 * {@link TAILSCALE_VERSION}.
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
 * 1.78.1 is the v1.78 release published for Linux (tag v1.78.1, 2024-12-05).
 * Update together with {@link GO_TOOLCHAIN}: tailscale's go.mod at v1.78.1 requires go >= 1.23.1.
 */
export const TAILSCALE_VERSION = '1.78.1';

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
 * Source of the sha256 values: docker-library/golang `versions.json` at commit 7db81882d183
 * ("Update 1.23 to 1.23.4", 2024-12-03), which records the hashes published by go.dev/dl.
 * They MUST be updated together with `version`: take both from https://go.dev/dl/?mode=json
 * (fields `version`, `files[].sha256`), never from a hash of a file you just downloaded.
 */
export const GO_TOOLCHAIN: Readonly<Record<Architecture, PinnedArchive>> = {
  amd64: { version: '1.23.4', sha256: '6924efde5de86fe277676e929dc9917d466efa02fb934197bc2eba35d5680971' },
  arm64: { version: '1.23.4', sha256: '16e5017863a7f6071363782b1b8042eb12c6ca4f4cd71528b2123f0a1275b13e' },
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
