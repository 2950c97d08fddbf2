/** Fixed paths shared by the boot scripts, the units and the cloud-config that writes them. */
import { BootConfigError, validateAbsolutePath } from '../validate';

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

/**
 * Where a host that joins the tailnet at boot keeps the inputs of install-tailscale.sh and
 * tailscale-join.sh, and its auth key while it exists. The relay's are below; the monitoring server
 * (lib/monitoring) has its own, under its own directories.
 */
export interface TailnetBootPaths {
  /** The root-only KEY='value' file the scripts source. */
  readonly bootEnv: string;
  /** tmpfs directory (0700, made by bootcmd before write_files runs) for the key file. */
  readonly authKeyDir: string;
  /** The key file, directly inside authKeyDir; shredded after the join. */
  readonly authKeyFile: string;
}

/** The relay's: /etc/derp-boot/boot.env and /run/derp-boot/tailscale-authkey. */
export const RELAY_BOOT_PATHS: TailnetBootPaths = { bootEnv: BOOT_ENV_PATH, authKeyDir: AUTH_KEY_DIR, authKeyFile: AUTH_KEY_FILE };

/**
 * Checks paths before they are pasted, unquoted, into a script: absolute, plain characters only (so
 * nothing a shell, YAML or Terraform would interpret), and the key file directly in its directory.
 */
export function validateTailnetBootPaths(paths: TailnetBootPaths): TailnetBootPaths {
  validateAbsolutePath('paths.bootEnv', paths.bootEnv);
  validateAbsolutePath('paths.authKeyDir', paths.authKeyDir);
  validateAbsolutePath('paths.authKeyFile', paths.authKeyFile);
  const slash = paths.authKeyFile.lastIndexOf('/');
  if (paths.authKeyFile.slice(0, slash) !== paths.authKeyDir || slash === paths.authKeyFile.length - 1) {
    throw new BootConfigError('paths.authKeyFile', paths.authKeyFile, `must be a file directly inside paths.authKeyDir (${paths.authKeyDir})`);
  }
  return paths;
}
