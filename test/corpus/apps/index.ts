/**
 * The corpus: small cdktf apps of our own, each shaped after a public cdktf app (named in its file's header),
 * built into a given App so the corpus test can synthesize them without guardrails and review what the
 * catalog says about them.
 */
import type { App } from 'cdktf';
import { buildServerlessPosts } from './serverless-posts';
import { buildS3StaticWebsite } from './s3-static-website';
import { buildAlbCognito } from './alb-cognito';
import { buildNetworkingNat } from './networking-nat';
import { buildBastionNetwork } from './bastion-network';
import { buildMultiStackEc2 } from './multi-stack-ec2';
import { buildNlbWebrtc } from './nlb-webrtc';
import { buildDoDropletsLb } from './do-droplets-lb';
import { buildCloudfrontProxy } from './cloudfront-proxy';

export interface CorpusApp {
  /** File name under apps/, and the key in reviewed-findings.json. */
  readonly name: string;
  readonly build: (app: App) => void;
}

export const corpusApps: readonly CorpusApp[] = [
  { name: 'serverless-posts', build: buildServerlessPosts },
  { name: 's3-static-website', build: buildS3StaticWebsite },
  { name: 'alb-cognito', build: buildAlbCognito },
  { name: 'networking-nat', build: buildNetworkingNat },
  { name: 'bastion-network', build: buildBastionNetwork },
  { name: 'multi-stack-ec2', build: buildMultiStackEc2 },
  { name: 'nlb-webrtc', build: buildNlbWebrtc },
  { name: 'do-droplets-lb', build: buildDoDropletsLb },
  { name: 'cloudfront-proxy', build: buildCloudfrontProxy },
];
