/**
 * How old the relays' software is. derper exports `version{version="<tailscale version>-t<commit>…",
 * binary="derper"} 1` on /debug/varz (tsweb/varz publishes it for every tsweb program), but Prometheus
 * cannot know when a version was released; this table can. The version pinned for the relays
 * (lib/boot TAILSCALE_VERSION) must be in it (a test checks), with the date of its release.
 */
import { TAILSCALE_VERSION } from '../boot/versions';

/** Release dates (UTC) of tailscale versions relays may run. Source: the release notes / tag dates. */
export const TAILSCALE_RELEASE_DATES: Readonly<Record<string, string>> = {
  // lib/boot/versions.ts: "tag v1.78.1, 2024-12-05".
  '1.78.1': '2024-12-05',
  // lib/boot/versions.ts: "tag v1.102.3, 2026-08-19".
  '1.102.3': '2026-08-19',
};

/** The version the fleet is pinned to. */
export const PINNED_RELAY_VERSION = TAILSCALE_VERSION;

/** Seconds since the epoch of a release date. */
export function releaseEpochSeconds(version: string, dates: Readonly<Record<string, string>> = TAILSCALE_RELEASE_DATES): number | undefined {
  const date = dates[version];
  if (date === undefined) return undefined;
  const epoch = Date.parse(`${date}T00:00:00Z`) / 1000;
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date) || !Number.isFinite(epoch))
    throw new Error(`release date ${JSON.stringify(date)} of ${version} is not YYYY-MM-DD`);
  return epoch;
}

/**
 * A regex matching derper's version label for a release (`1.78.1` or `1.78.1-t…`), written for a
 * double-quoted PromQL string (where a regex backslash is itself escaped).
 */
export function versionLabelPattern(version: string): string {
  return `${version.replace(/\./g, '\\\\.')}(-.*)?`;
}
