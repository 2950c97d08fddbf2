/**
 * tailscale-join.sh: joins the tailnet with the tags and node name in boot.env. The one join script
 * of both hosts that join at boot: the DERP relays (tag:derp) and the monitoring server
 * (lib/monitoring, tag:monitoring).
 *
 * The auth key never appears in argv or the environment: it is a root-only 0600 file on /run
 * (tmpfs, never written to disk) that `tailscale up --auth-key=file:<path>` reads, and it is
 * shredded on exit whatever happens, also when the join fails. After the join, tailscaled's own
 * state (/var/lib/tailscale) keeps the node in the tailnet; no key is needed again.
 */
import { BootConfigError } from '../validate';
import { RELAY_BOOT_PATHS, validateTailnetBootPaths, type TailnetBootPaths } from './paths';

/** What differs between the hosts that join at boot; each host's script is fixed (and shellchecked in its tests). */
export interface TailscaleJoinOptions {
  /** Where this host's boot.env and key file are. */
  readonly paths: TailnetBootPaths;
  /**
   * `tailscale up --accept-dns`: MagicDNS. The monitoring server needs it (Prometheus scrapes the
   * relays by their tailnet names); a relay resolves nothing on the tailnet and keeps the host's DNS.
   */
  readonly acceptDns: boolean;
  /**
   * How often to try reading the key from Secrets Manager (AUTH_KEY_SOURCE aws-secrets-manager),
   * 30 seconds apart, before the join fails. A permission granted elsewhere (SecretStore.grant)
   * may take effect only after the boot has started.
   */
  readonly secretReadAttempts: number;
}

/** The script for one kind of host. Reads TAILSCALE_TAGS, TAILSCALE_NODE_NAME and AUTH_KEY_* from boot.env. */
export function tailscaleJoinScript(options: TailscaleJoinOptions): string {
  const paths = validateTailnetBootPaths(options.paths);
  const attempts = options.secretReadAttempts;
  if (!Number.isInteger(attempts) || attempts < 1 || attempts > 1000) {
    throw new BootConfigError('secretReadAttempts', attempts, 'must be a whole number from 1 to 1000');
  }
  if (typeof options.acceptDns !== 'boolean') {
    throw new BootConfigError('acceptDns', options.acceptDns, 'must be true or false');
  }
  return String.raw`#!/bin/bash
# Brings this host into the tailnet with a key read from a file, then forgets the key.
set -euo pipefail
# shellcheck source=/dev/null  # data: inputs validated at synth time
. ${paths.bootEnv}

readonly KEY_DIR=${paths.authKeyDir}
readonly KEY_FILE=${paths.authKeyFile}

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
    # Up to ${attempts} tries, 30 s apart; a failure left after those is caught by the check below.
    for try in $(seq 1 ${attempts}); do
      [ "$try" = 1 ] || sleep 30
      "$aws_cli" secretsmanager get-secret-value \
        --secret-id "$AUTH_KEY_SECRET_ID" --region "$AUTH_KEY_REGION" \
        --query SecretString --output text >"$KEY_FILE" && break
    done
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
  --accept-dns=${options.acceptDns} \
  --accept-routes=false \
  --timeout=120s
forget_key
`;
}

/**
 * The relay's: keys in /run/derp-boot, host DNS, and up to 60 reads of the secret 30 s apart: the relay's
 * role is usually granted by a SecretStore in another stack, applied after the relay's (the store's key
 * policy can only name roles that exist), and the key's value is put last.
 */
export const TAILSCALE_JOIN_SCRIPT = tailscaleJoinScript({ paths: RELAY_BOOT_PATHS, acceptDns: false, secretReadAttempts: 60 });
