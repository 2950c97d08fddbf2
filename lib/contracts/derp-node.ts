/**
 * What a DERP relay construct (AWS or DigitalOcean) offers a DerpFleet: the node's entry in the tailnet
 * policy's derpMap. Values such as IP addresses may be Terraform tokens (resolved at synth).
 */
import type { IConstruct } from 'constructs';

export interface DerpNodeInfo {
  /** Node name in the derpMap, unique in the fleet, e.g. `900a`. */
  readonly name: string;
  /** Fully qualified host name clients connect to (TLS certificate name). */
  readonly hostName: string;
  /** Public IPv4 (a token: the Elastic IP / reserved IP / droplet address). */
  readonly ipv4?: string;
  /** Public IPv6, when the node has one. */
  readonly ipv6?: string;
  /** @default 3478 */
  readonly stunPort: number;
  /** @default 443 */
  readonly derpPort: number;
  /** Region this node serves (RegionID 900–999), as configured on the relay. */
  readonly regionId: number;
  /** RegionCode, e.g. `aws-fra`. */
  readonly regionCode: string;
  /** RegionName, e.g. `AWS Frankfurt`. */
  readonly regionName: string;
}

/** Implemented by AwsDerpRelay and DigitalOceanDerpRelay. */
export interface IDerpRelay extends IConstruct {
  readonly derpNode: DerpNodeInfo;
}

/** Marker a fleet sets on a relay it owns, so a relay added to two fleets is a construction-time error. */
export const DERP_FLEET_MEMBERSHIP = Symbol.for('cdktf-guardrails/DerpFleetMembership');
