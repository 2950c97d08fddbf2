/**
 * install-tailscale.sh: the pinned tailscale package from pkgs.tailscale.com. The one installer of
 * both hosts that join the tailnet at boot: the DERP relays and the monitoring server (lib/monitoring),
 * which differ only in where their boot.env lives and where the distribution's name comes from.
 *
 * The repository signing key is fetched over HTTPS and then accepted only if it is exactly the
 * pinned key (TAILSCALE_REPO_KEY_FINGERPRINT). HTTPS alone would let whoever controls that one
 * download add a key that apt then trusts for every package on the host.
 */
import { validateAbsolutePath, validateOneOf } from '../validate';
import { BOOT_ENV_PATH } from './paths';

/**
 * Where the apt repository's distribution and codename come from: `boot-env` (DERP_DISTRO and
 * DERP_DISTRO_CODENAME in boot.env: a relay, whose distribution is an option checked at synth time)
 * or `os-release` (the host's own, Debian or Ubuntu only: the monitoring server, whose image the
 * caller picks and this library never sees).
 */
export type TailscaleDistributionSource = 'boot-env' | 'os-release';

/** Sets what `boot-env` reads from boot.env from this host's /etc/os-release instead. */
const DISTRIBUTION_FROM_OS_RELEASE = String.raw`
# This host's own distribution (its image is the caller's choice): Debian or Ubuntu only.
# shellcheck source=/dev/null
. /etc/os-release
case "$ID" in
  debian | ubuntu) ;;
  *)
    echo "install-tailscale: unsupported distribution '$ID' (Debian or Ubuntu only)" >&2
    exit 1
    ;;
esac
DERP_DISTRO=$ID
DERP_DISTRO_CODENAME=$VERSION_CODENAME
`;

/**
 * The script for a host whose boot.env is at `bootEnvPath`. It reads TAILSCALE_VERSION and
 * TAILSCALE_KEY_FINGERPRINT from there (see TailscaleBootEnv), and with `boot-env` also
 * DERP_DISTRO and DERP_DISTRO_CODENAME.
 */
export function installTailscaleScript(bootEnvPath: string, distribution: TailscaleDistributionSource): string {
  const bootEnv = validateAbsolutePath('bootEnvPath', bootEnvPath);
  validateOneOf('distribution', distribution, ['boot-env', 'os-release']);
  return String.raw`#!/bin/bash
# Installs tailscale=$TAILSCALE_VERSION from the stable apt repository and holds it there.
set -euo pipefail
# shellcheck source=/dev/null  # data: inputs validated at synth time
. ${bootEnv}
${distribution === 'os-release' ? DISTRIBUTION_FROM_OS_RELEASE : ''}
readonly KEYRING=/usr/share/keyrings/tailscale-archive-keyring.gpg
readonly REPO="https://pkgs.tailscale.com/stable/$DERP_DISTRO"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

curl --proto '=https' --tlsv1.2 -fsSL --retry 5 \
  --output "$work/key.gpg" "$REPO/$DERP_DISTRO_CODENAME.noarmor.gpg"

# The primary-key fingerprints in the download, one per line (a throw-away GNUPGHOME: we only read).
mkdir -m 0700 "$work/gnupg"
fingerprints=$(GNUPGHOME="$work/gnupg" gpg --batch --show-keys --with-colons "$work/key.gpg" |
  awk -F: '$1 == "pub" { want = 1; next } $1 == "fpr" && want { print $10; want = 0 }')
if [ "$fingerprints" != "$TAILSCALE_KEY_FINGERPRINT" ]; then
  echo "install-tailscale: the downloaded repository key is not (only) the pinned key $TAILSCALE_KEY_FINGERPRINT; got: $fingerprints" >&2
  exit 1
fi

install -m 0644 -o root -g root "$work/key.gpg" "$KEYRING"
echo "deb [signed-by=$KEYRING] $REPO $DERP_DISTRO_CODENAME main" >/etc/apt/sources.list.d/tailscale.list

apt-get update
DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "tailscale=$TAILSCALE_VERSION"
# Held: on a relay derper is built from the same version (-verify-clients is only tested against a
# matching tailscaled), so neither apt upgrades nor unattended-upgrades may move one without the
# other; everywhere, the version that runs is the version that was reviewed.
apt-mark hold tailscale
systemctl enable --now tailscaled.service
`;
}

/** The relay's: /etc/derp-boot/boot.env, the distribution from there. */
export const INSTALL_TAILSCALE_SCRIPT = installTailscaleScript(BOOT_ENV_PATH, 'boot-env');
