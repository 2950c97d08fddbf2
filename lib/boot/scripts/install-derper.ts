/**
 * install-derper.sh: builds derper from source at the pinned tailscale version.
 *
 * The Go toolchain is a pinned tarball checked against a pinned sha256. Modules come from
 * proxy.golang.org and are verified against sum.golang.org (Go's checksum database), so what is
 * built is the published tailscale.com v<version> and nothing else. The build runs in an empty
 * environment so that no inherited GOFLAGS/GOPROXY/GONOSUMDB/GOTOOLCHAIN can weaken any of that.
 */
import { BOOT_ENV_PATH } from './paths';
import { DERPER_BINARY } from '../derper-unit';

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

install -m 0755 -o root -g root "$work/bin/derper" ${DERPER_BINARY}
`;
