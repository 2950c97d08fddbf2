/**
 * Props both relay constructs share: the node's identity in the derpMap and what it runs (lib/boot).
 */
import {
  BootConfigError,
  renderDerpUserData,
  TAILSCALE_VERSION,
  type DerpCertMode,
  type DerpUserDataOptions,
  type DerpVersions,
  type Distribution,
  type UserDataEncoding,
} from '../boot';
import type { DerpNodeInfo } from '../contracts/derp-node';
import { DERP_PORT, STUN_PORT } from './network-policy';
import { PropValidator, validateDerpMapIdentity } from './validate';

export interface DerpRelayBaseProps {
  /**
   * Public FQDN of the relay, lower case (e.g. `derp-fra-1.example.com`): the derpMap `HostName`, the
   * TLS certificate's name and derper's `-hostname`. Its first label becomes the machine's host name and
   * its tailnet node name. Point its DNS A (and AAAA) record at the relay's address.
   */
  readonly hostname: string;
  /** Node name in the derpMap, unique in the fleet, e.g. `900a`. */
  readonly nodeName: string;
  /** derpMap RegionID, 900–999 (the range Tailscale leaves for custom regions). */
  readonly regionId: number;
  /** derpMap RegionCode, e.g. `aws-fra`. */
  readonly regionCode: string;
  /** derpMap RegionName, e.g. `AWS Frankfurt`. */
  readonly regionName: string;
  /**
   * How derper gets its TLS certificate. `letsencrypt` opens 80/tcp for the ACME http-01 challenge;
   * `manual` keeps 80 closed, and the certificate and key must be placed in `manualCertDir` by other
   * means (derper retries until they are there).
   * @default 'letsencrypt'
   */
  readonly certMode?: DerpCertMode;
  /**
   * Root-only directory holding `<hostname>.crt` and `<hostname>.key` with `certMode: 'manual'`.
   * @default '/etc/derper/certs'
   */
  readonly manualCertDir?: string;
  /**
   * Pinned versions of what the node downloads at boot (tailscale, the Go toolchain that builds derper,
   * node exporter) and the sha256 derper must have. Pass the fleet's (`DerpFleet.versions`): a fleet
   * runs one Tailscale version and refuses a relay on another. `derperSha256` (per architecture) is
   * required unless `trustUnpinnedDerperBuild: true`; see lib/boot/versions.ts.
   */
  readonly versions: DerpVersions;
  /**
   * Operating system of the image; must match the AMI / droplet image.
   * @default 'ubuntu-24.04'
   */
  readonly distribution?: Distribution;
  /**
   * Tailnet tags the node advertises in addition to `tag:derp`.
   * @default [] (only `tag:derp`)
   */
  readonly extraTailnetTags?: readonly string[];
}

/** The validated derpMap identity plus defaults. */
export interface ResolvedBaseProps {
  readonly hostname: string;
  readonly nodeName: string;
  readonly regionId: number;
  readonly regionCode: string;
  readonly regionName: string;
  readonly certMode: DerpCertMode;
  readonly distribution: Distribution;
  /** The Tailscale version the node runs (versions.tailscale or the default). */
  readonly tailscaleVersion: string;
}

export function resolveBaseProps(v: PropValidator, props: DerpRelayBaseProps): ResolvedBaseProps {
  if (props === null || typeof props !== 'object') v.fail('props', props, 'must be an object');
  const identity = validateDerpMapIdentity(v, props);
  return {
    ...identity,
    hostname: v.fqdn('hostname', props.hostname),
    certMode: v.oneOf('certMode', props.certMode ?? 'letsencrypt', ['letsencrypt', 'manual'] as const),
    distribution: v.oneOf('distribution', props.distribution ?? 'ubuntu-24.04', ['ubuntu-24.04', 'debian-12'] as const),
    // Checked in full by lib/boot when the user data is rendered.
    tailscaleVersion: typeof props.versions?.tailscale === 'string' ? props.versions.tailscale : TAILSCALE_VERSION,
  };
}

/** What a relay adds to its derpMap entry besides its identity and addresses. */
export type DerpNodeExtras = Pick<DerpNodeInfo, 'tailscaleVersion' | 'architecture' | 'tailnetTags' | 'mesh' | 'meshUnsupported'>;

export function derpNodeInfo(base: ResolvedBaseProps, ipv4: string, ipv6: string | undefined, extras: DerpNodeExtras = {}): DerpNodeInfo {
  return {
    ...extras,
    canPort80: base.certMode === 'letsencrypt',
    verifiesClients: true,
    name: base.nodeName,
    hostName: base.hostname,
    ipv4,
    ...(ipv6 !== undefined ? { ipv6 } : {}),
    stunPort: STUN_PORT,
    derpPort: DERP_PORT,
    regionId: base.regionId,
    regionCode: base.regionCode,
    regionName: base.regionName,
  };
}

/** lib/boot's user data, with its validation errors named after this construct's props. */
export function renderUserData(v: PropValidator, options: DerpUserDataOptions, encoding: UserDataEncoding = 'text'): string {
  return v.boot(
    undefined,
    () => {
      try {
        return renderDerpUserData(options, encoding);
      } catch (e) {
        // lib/boot's checks on the rendered document as a whole (its size, stray template syntax) are
        // plain errors; report them against this construct too.
        if (e instanceof Error && !(e instanceof BootConfigError)) v.fail('userData', '<rendered cloud-init user data>', `is refused: ${e.message}`);
        throw e;
      }
    },
    { extraTags: 'extraTailnetTags', authKey: 'authKeySecret' },
  );
}
