/**
 * A typed model of a systemd unit file, rendered to the INI-like text systemd reads.
 *
 * Why a model rather than a template string: the hardening settings of our units are data that
 * tests assert on key by key (and a reviewer reads as one object), and a typo in a directive
 * name is a compile error here instead of a warning systemd logs and then ignores.
 *
 * Only the directives our units use are typed; that is deliberate. Adding one is a one-line
 * change that a reviewer sees, instead of an open `Record<string, string>` that accepts anything.
 */

/**
 * A directive's value.
 * - `boolean` renders as `yes` / `no`.
 * - `number` renders in decimal.
 * - `string` renders as is; `''` renders `Key=` (which resets a list, e.g. drops every capability).
 * - an array renders one `Key=value` line per element, in order; systemd merges repeated list
 *   directives (`After=`, `RestrictAddressFamilies=`, `SystemCallFilter=`, ...), so this is
 *   equivalent to a space-separated list but diffs better.
 */
export type DirectiveValue = string | number | boolean | readonly string[];

/** `[Unit]` section: description and ordering/dependency directives. */
export interface UnitSection {
  readonly Description: string;
  readonly Documentation?: readonly string[];
  readonly After?: readonly string[];
  readonly Before?: readonly string[];
  readonly Wants?: readonly string[];
  readonly Requires?: readonly string[];
  readonly Conflicts?: readonly string[];
  readonly DefaultDependencies?: boolean;
  readonly StartLimitIntervalSec?: string;
  readonly StartLimitBurst?: number;
}

/**
 * Sandboxing and privilege directives of `[Service]` (systemd.exec(5), systemd.resource-control(5)).
 * Kept separate from {@link ServiceSection} so a unit's whole hardening posture can be one
 * constant of this type.
 */
export interface HardeningSettings {
  readonly DynamicUser?: boolean;
  readonly User?: string;
  readonly Group?: string;
  readonly NoNewPrivileges?: boolean;
  readonly CapabilityBoundingSet?: string;
  readonly AmbientCapabilities?: string;
  readonly ProtectSystem?: 'strict' | 'full' | boolean;
  readonly ProtectHome?: boolean | 'read-only' | 'tmpfs';
  readonly PrivateTmp?: boolean;
  readonly PrivateDevices?: boolean;
  readonly PrivateIPC?: boolean;
  readonly PrivateMounts?: boolean;
  readonly PrivateUsers?: boolean;
  readonly DevicePolicy?: 'auto' | 'closed' | 'strict';
  readonly ProtectKernelTunables?: boolean;
  readonly ProtectKernelModules?: boolean;
  readonly ProtectKernelLogs?: boolean;
  readonly ProtectControlGroups?: boolean;
  readonly ProtectClock?: boolean;
  readonly ProtectHostname?: boolean;
  readonly ProtectProc?: 'noaccess' | 'invisible' | 'ptraceable' | 'default';
  readonly ProcSubset?: 'all' | 'pid';
  readonly RestrictAddressFamilies?: readonly string[];
  readonly RestrictNamespaces?: boolean;
  readonly RestrictRealtime?: boolean;
  readonly RestrictSUIDSGID?: boolean;
  readonly LockPersonality?: boolean;
  readonly MemoryDenyWriteExecute?: boolean;
  readonly SystemCallArchitectures?: string;
  readonly SystemCallFilter?: readonly string[];
  readonly SystemCallErrorNumber?: string;
  readonly UMask?: string;
  readonly KeyringMode?: 'inherit' | 'private' | 'shared';
  readonly RemoveIPC?: boolean;
  readonly IPAddressAllow?: readonly string[];
  readonly IPAddressDeny?: readonly string[];
  readonly SocketBindAllow?: readonly string[];
  readonly SocketBindDeny?: readonly string[];
  readonly StateDirectory?: string;
  readonly StateDirectoryMode?: string;
  readonly RuntimeDirectory?: string;
  readonly RuntimeDirectoryMode?: string;
  readonly LoadCredential?: readonly string[];
}

/** `[Service]` section: process and lifecycle directives plus {@link HardeningSettings}. */
export interface ServiceSection extends HardeningSettings {
  readonly Type?: 'simple' | 'exec' | 'oneshot' | 'notify';
  readonly ExecStart: string;
  readonly ExecStop?: string;
  readonly RemainAfterExit?: boolean;
  readonly Restart?: 'no' | 'on-failure' | 'always';
  readonly RestartSec?: string;
  readonly TimeoutStartSec?: string;
  readonly LimitNOFILE?: string;
  readonly Environment?: readonly string[];
}

/** `[Install]` section. */
export interface InstallSection {
  readonly WantedBy?: readonly string[];
}

/** A whole unit file. */
export interface SystemdUnit {
  /** File name, e.g. `derper.service`; the install path is `/etc/systemd/system/<name>`. */
  readonly name: string;
  readonly unit: UnitSection;
  readonly service: ServiceSection;
  /** @default no [Install] section (the unit can be started, not enabled) */
  readonly install?: InstallSection;
}

const DIRECTIVE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const UNIT_NAME = /^[A-Za-z0-9][A-Za-z0-9:_.@-]*\.(service|socket|target|timer)$/;

/** Renders a unit as the text of its unit file. Throws on values that would corrupt the file. */
export function renderSystemdUnit(unit: SystemdUnit): string {
  if (!UNIT_NAME.test(unit.name)) {
    throw new Error(`renderSystemdUnit: invalid unit name ${JSON.stringify(unit.name)}`);
  }
  const sections: string[] = [renderSection(unit.name, 'Unit', unit.unit), renderSection(unit.name, 'Service', unit.service)];
  if (unit.install !== undefined) {
    sections.push(renderSection(unit.name, 'Install', unit.install));
  }
  return `# Generated by cdktf-guardrails; change the construct, not this file.\n${sections.join('\n')}`;
}

function renderSection(unitName: string, title: string, directives: object): string {
  const lines = [`[${title}]`];
  for (const [key, value] of Object.entries(directives) as Array<[string, DirectiveValue | undefined]>) {
    if (value === undefined) continue;
    if (!DIRECTIVE_NAME.test(key)) {
      throw new Error(`renderSystemdUnit(${unitName}): invalid directive name ${JSON.stringify(key)}`);
    }
    const values: readonly (string | number | boolean)[] = Array.isArray(value) ? value : [value as string | number | boolean];
    for (const v of values) {
      lines.push(`${key}=${renderValue(unitName, key, v)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function renderValue(unitName: string, key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  const text = String(value);
  // A newline would start a new directive: an injection, not a value.
  if (/[\r\n\0]/.test(text)) {
    throw new Error(`renderSystemdUnit(${unitName}): ${key} contains a line break or NUL: ${JSON.stringify(text)}`);
  }
  return text;
}

const PLAIN_ARG = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Joins argv into an `ExecStart=` command line, double-quoting (with C escapes) any argument
 * that is not plain, so an argument can never split into two.
 * `%` is left alone: it introduces systemd specifiers (e.g. `%d`), which callers use on purpose.
 */
export function execCommandLine(argv: readonly string[]): string {
  if (argv.length === 0 || !argv[0].startsWith('/')) {
    throw new Error(`execCommandLine: the executable must be an absolute path, got ${JSON.stringify(argv[0])}`);
  }
  return argv.map((arg) => (PLAIN_ARG.test(arg) ? arg : `"${arg.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`)).join(' ');
}
