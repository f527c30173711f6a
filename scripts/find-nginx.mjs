/**
 * Where nginx is: NGINX_PATH, Debian's /usr/sbin/nginx, or one on the PATH. The browser tests and the
 * benchmarks serve the built site with it and deploy/nginx.conf, so what they test is the documented deployment.
 */
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';

export function findNginx() {
  const candidates = [
    process.env.NGINX_PATH,
    '/usr/sbin/nginx',
    '/usr/bin/nginx',
    '/usr/local/sbin/nginx',
    ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'nginx')),
  ];
  return candidates.find((path) => path && existsSync(path));
}
