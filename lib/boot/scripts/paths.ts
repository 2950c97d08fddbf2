/** Fixed paths shared by the boot scripts, the units and the cloud-config that writes them. */

/** Boot inputs (KEY='value' lines) that every root script sources. Root-only. */
export const BOOT_ENV_PATH = '/etc/derp-boot/boot.env';

/** Where the boot scripts are installed. */
export const BOOT_LIB_DIR = '/usr/local/lib/derp-boot';

/** tmpfs directory (mode 0700, created by bootcmd before write_files runs) holding the auth key while it exists. */
export const AUTH_KEY_DIR = '/run/derp-boot';

/** The auth key file `tailscale up --auth-key=file:...` reads; shredded right after. */
export const AUTH_KEY_FILE = `${AUTH_KEY_DIR}/tailscale-authkey`;

/** The relay's sysctl drop-in. */
export const SYSCTL_PATH = '/etc/sysctl.d/60-derp-relay.conf';
