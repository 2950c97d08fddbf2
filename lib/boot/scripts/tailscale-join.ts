/**
 * tailscale-join.sh: joins the tailnet as tag:derp.
 *
 * The auth key never appears in argv or the environment: it is a root-only 0600 file on /run
 * (tmpfs, never written to disk) that `tailscale up --auth-key=file:<path>` reads, and it is
 * shredded on exit whatever happens, also when the join fails. After the join, tailscaled's own
 * state (/var/lib/tailscale) keeps the node in the tailnet; no key is needed again.
 */
import { AUTH_KEY_DIR, AUTH_KEY_FILE, BOOT_ENV_PATH } from './paths';

export const TAILSCALE_JOIN_SCRIPT = String.raw`#!/bin/bash
# Brings the relay into the tailnet with a key read from a file, then forgets the key.
set -euo pipefail
# shellcheck source=/dev/null  # data: inputs validated at synth time
. ${BOOT_ENV_PATH}

readonly KEY_DIR=${AUTH_KEY_DIR}
readonly KEY_FILE=${AUTH_KEY_FILE}

forget_key() {
  if [ -e "$KEY_FILE" ]; then
    shred --remove "$KEY_FILE" 2>/dev/null || rm -f "$KEY_FILE"
  fi
}
trap forget_key EXIT

install_aws_cli() {
  if apt-cache show awscli >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends awscli
  else
    # Ubuntu 24.04 has no awscli deb; Amazon publishes the CLI as a classic snap.
    snap install aws-cli --classic
  fi
}

# Wait for tailscaled's LocalAPI (the package starts it; it may still be coming up).
for _ in $(seq 1 60); do
  if tailscale status --json >/dev/null 2>&1; then
    break
  fi
  sleep 1
done

if tailscale status --peers=false >/dev/null 2>&1; then
  echo "tailscale-join: already in the tailnet; no key needed" >&2
  exit 0
fi

umask 077
install -d -m 0700 -o root -g root "$KEY_DIR"

case "$AUTH_KEY_SOURCE" in
  aws-secrets-manager)
    if ! command -v aws >/dev/null 2>&1 && [ ! -x /snap/bin/aws ]; then
      install_aws_cli
    fi
    aws_cli=$(command -v aws || echo /snap/bin/aws)
    # Uses the instance role. The key goes from the CLI's stdout straight into the 0600 file.
    "$aws_cli" secretsmanager get-secret-value \
      --secret-id "$AUTH_KEY_SECRET_ID" --region "$AUTH_KEY_REGION" \
      --query SecretString --output text >"$KEY_FILE"
    ;;
  digitalocean-metadata)
    # cloud-init's write_files put the key there (mode 0600) from the user data at first boot.
    ;;
  *)
    echo "tailscale-join: unknown AUTH_KEY_SOURCE '$AUTH_KEY_SOURCE'" >&2
    exit 1
    ;;
esac

# Check the shape without ever printing the content.
if [ ! -s "$KEY_FILE" ] || ! grep -q '^tskey-' "$KEY_FILE"; then
  echo "tailscale-join: $KEY_FILE is missing or does not hold a tailnet auth key (tskey-...)" >&2
  exit 1
fi

tailscale up \
  --auth-key="file:$KEY_FILE" \
  --advertise-tags="$TAILSCALE_TAGS" \
  --hostname="$TAILSCALE_NODE_NAME" \
  --ssh=false \
  --accept-dns=false \
  --accept-routes=false \
  --timeout=120s
forget_key

# The tailscale package is held at the version derper is built from; a tailnet-wide auto-update
# setting must not move it either.
tailscale set --auto-update=false
`;
