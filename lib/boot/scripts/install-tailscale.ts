/**
 * install-tailscale.sh: the pinned tailscale package from pkgs.tailscale.com.
 *
 * The repository signing key is fetched over HTTPS and then accepted only if it is exactly the
 * pinned key (TAILSCALE_REPO_KEY_FINGERPRINT). HTTPS alone would let whoever controls that one
 * download add a key that apt then trusts for every package on the host.
 */
import { BOOT_ENV_PATH } from './paths';

export const INSTALL_TAILSCALE_SCRIPT = String.raw`#!/bin/bash
# Installs tailscale=$TAILSCALE_VERSION from the stable apt repository and holds it there.
set -euo pipefail
# shellcheck source=/dev/null  # data: inputs validated at synth time
. ${BOOT_ENV_PATH}

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
# Held: derper is built from the same version (-verify-clients is only tested against a matching
# tailscaled), so neither apt upgrades nor unattended-upgrades may move one without the other.
apt-mark hold tailscale
systemctl enable --now tailscaled.service
`;
