/**
 * install-derper.sh: builds derper from source at the pinned tailscale version.
 *
 * The Go toolchain is a pinned tarball checked against a pinned sha256. Modules come from
 * proxy.golang.org and are verified against sum.golang.org (Go's checksum database), so what is
 * built is the published tailscale.com v<version> and nothing else. The build runs in an empty
 * environment so that no inherited GOFLAGS/GOPROXY/GONOSUMDB/GOTOOLCHAIN can weaken any of that.
 *
 * "It compiled" is not trusted: the binary must have the sha256 the fleet's operator pinned
 * (DERPER_SHA256, from `versions.derperSha256`), or it is not installed and derper never starts.
 * The build is reproducible, so the pin comes from building the same version once elsewhere.
 * Only `versions.trustUnpinnedDerperBuild` (DERPER_SHA256=unpinned) skips the check; the hash is
 * then logged, so it can be pinned from the first boot's log.
 *
 * With a mesh key secret (MESH_KEY_SECRET_ID, AWS), it also reads the region's mesh key with the
 * instance role into MESH_PSK_PATH (root 0600): derper's unit loads it as a credential. The key is
 * checked for derper's format (64 lower-case hex digits) without ever being printed.
 */
import { BOOT_ENV_PATH } from './paths';
import { DERPER_BINARY, MESH_PSK_PATH } from '../derper-unit';

export const INSTALL_DERPER_SCRIPT = String.raw`#!/bin/bash
# Builds derper v$TAILSCALE_VERSION with Go $GO_VERSION and installs it as ${DERPER_BINARY}.
set -euo pipefail
# shellcheck source=/dev/null  # data: inputs validated at synth time
. ${BOOT_ENV_PATH}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tarball="go$GO_VERSION.linux-$DERP_ARCH.tar.gz"
curl --proto '=https' --tlsv1.2 -fsSL --retry 5 \
  --output "$work/$tarball" "https://dl.google.com/go/$tarball"
echo "$GO_SHA256  $work/$tarball" | sha256sum --check --strict -
tar -C "$work" -xzf "$work/$tarball"

# GOTOOLCHAIN=local: never switch to a different (unpinned) toolchain. CGO_ENABLED=0: a static
# binary that needs nothing from the host's libc.
env -i \
  PATH="$work/go/bin:/usr/bin:/bin" \
  HOME="$work/home" \
  GOPATH="$work/gopath" \
  GOCACHE="$work/cache" \
  GOBIN="$work/bin" \
  GOTOOLCHAIN=local \
  GOPROXY=https://proxy.golang.org \
  GOSUMDB=sum.golang.org \
  GOFLAGS="-trimpath -modcacherw" \
  CGO_ENABLED=0 \
  go install "tailscale.com/cmd/derper@v$TAILSCALE_VERSION"

actual=$(sha256sum "$work/bin/derper" | cut -d ' ' -f 1)
if [ "$DERPER_SHA256" = unpinned ]; then
  echo "install-derper: unpinned derper sha256 $actual" >&2
elif [ "$actual" != "$DERPER_SHA256" ]; then
  echo "install-derper: derper sha256 $actual is not the pinned $DERPER_SHA256" >&2
  exit 1
fi
install -m 0755 -o root -g root "$work/bin/derper" ${DERPER_BINARY}

if [ -n "$MESH_KEY_SECRET_ID" ]; then
  aws_cli=$(command -v aws || echo /snap/bin/aws)
  umask 077
  "$aws_cli" secretsmanager get-secret-value --secret-id "$MESH_KEY_SECRET_ID" \
    --region "$MESH_KEY_REGION" --query SecretString --output text >"$work/mesh-psk"
  if ! grep -qxE '[0-9a-f]{64}' "$work/mesh-psk"; then
    echo "install-derper: the mesh key is not 64 hex digits" >&2
    exit 1
  fi
  install -m 0600 -o root -g root "$work/mesh-psk" ${MESH_PSK_PATH}
fi
`;
