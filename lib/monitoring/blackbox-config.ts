/** The blackbox exporter's modules: an HTTPS probe that fails on anything but a valid certificate and the expected status. */
import { toYaml } from './yaml';

export const HTTPS_MODULE = 'derp_https';

/** derper answers `/derp/probe` with 200 and `/generate_204` with 204. */
export type DerpProbePath = '/derp/probe' | '/generate_204';

export function renderBlackboxConfig(probePath: DerpProbePath): string {
  return toYaml({
    modules: {
      [HTTPS_MODULE]: {
        prober: 'http',
        timeout: '10s',
        http: {
          method: 'GET',
          valid_status_codes: [probePath === '/generate_204' ? 204 : 200],
          fail_if_not_ssl: true,
          no_follow_redirects: true,
          preferred_ip_protocol: 'ip4',
          tls_config: { insecure_skip_verify: false },
        },
      },
    },
  });
}
