/**
 * Builds the app over a content folder and serves dist/ on 127.0.0.1 with nginx and the README's
 * deploy/nginx.conf (only `listen` and `root` rewritten), so the documented deployment is what is
 * tested. nginx is required, as Chromium is: a second, look-alike server would be one more behaviour
 * to trust, and would drift from the config (prerendered `path/index.html`, `app-shell.html`, `/?…`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite as buildStaticSite } from '../../build/siteBuild';
import { findNginx } from '../../scripts/find-nginx.mjs';
import type { AddressInfo } from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const ARTIFACTS = resolve(here, '.artifacts');

/** Builds `contentDir` into the artifacts folder; `env` sets more of the build's variables (SITE_URL, say). */
export async function buildSite(contentDir: string, name: string, env: Record<string, string> = {}): Promise<string> {
  const outDir = join(ARTIFACTS, `dist-${name}`);
  const variables = { ...env, CONTENT_DIR: contentDir };
  const previous = Object.fromEntries(Object.keys(variables).map((key) => [key, process.env[key]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [key, value] of Object.entries(values)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
  set(variables);
  try {
    await buildStaticSite({ root: ROOT, outDir, logLevel: 'error' });
  } finally {
    set(previous);
  }
  return outDir;
}

export interface RunningServer {
  url: string;
  stop: () => Promise<void>;
}

/** A port on 127.0.0.1 that nothing listens on now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

async function waitForHttp(url: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`server at ${url} did not start`);
}

async function startNginx(nginx: string, dist: string, name: string, port: number): Promise<RunningServer> {
  const prefix = join(ARTIFACTS, `nginx-${name}`);
  rmSync(prefix, { recursive: true, force: true });
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const site = readFileSync(join(ROOT, 'deploy/nginx.conf'), 'utf8')
    .replace(/^\s*listen\s+[^;]+;/m, `    listen 127.0.0.1:${port};`)
    .replace(/^\s*root\s+[^;]+;/m, `    root ${dist};`);
  writeFileSync(join(prefix, 'site.conf'), site);
  const user = process.getuid?.() === 0 ? 'user root;\n' : '';
  writeFileSync(
    join(prefix, 'nginx.conf'),
    `${user}worker_processes 1;
daemon off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  client_body_temp_path ${prefix}/tmp-body;
  proxy_temp_path ${prefix}/tmp-proxy;
  fastcgi_temp_path ${prefix}/tmp-fastcgi;
  uwsgi_temp_path ${prefix}/tmp-uwsgi;
  scgi_temp_path ${prefix}/tmp-scgi;
  include ${prefix}/site.conf;
}
`,
  );
  const child: ChildProcess = spawn(nginx, ['-p', prefix, '-c', join(prefix, 'nginx.conf')], { stdio: 'inherit' });
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url);
  return {
    url,
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGQUIT');
      }),
  };
}

/** Serves `dist` on 127.0.0.1, on `port` when the site was built for it (its SITE_URL), else on a free port. */
export async function serve(dist: string, name: string, port?: number): Promise<RunningServer> {
  const nginx = findNginx();
  if (!nginx) {
    throw new Error(
      'nginx is not installed: the browser tests serve the site with nginx and deploy/nginx.conf ' +
        '(Debian: apt-get install -y nginx, or set NGINX_PATH).',
    );
  }
  return startNginx(nginx, dist, name, port ?? (await freePort()));
}
