/**
 * Builds the app over a content folder and serves dist/ on 127.0.0.1: with nginx and the README's
 * deploy/nginx.conf where nginx is installed (so the documented deployment is what is tested),
 * otherwise with a small static server that has the same index.html fallback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSite as buildStaticSite } from '../../build/siteBuild';
import type { AddressInfo } from 'node:net';

const here = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(here, '../..');
export const ARTIFACTS = resolve(here, '.artifacts');

export async function buildSite(contentDir: string, name: string): Promise<string> {
  const outDir = join(ARTIFACTS, `dist-${name}`);
  const previous = process.env.CONTENT_DIR;
  process.env.CONTENT_DIR = contentDir;
  try {
    await buildStaticSite({ root: ROOT, outDir, logLevel: 'error' });
  } finally {
    if (previous === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = previous;
  }
  return outDir;
}

export interface RunningServer {
  url: string;
  kind: 'nginx' | 'node';
  stop: () => Promise<void>;
}

function findNginx(): string | undefined {
  return ['/usr/sbin/nginx', '/usr/bin/nginx', '/usr/local/sbin/nginx'].find((path) => existsSync(path));
}

async function freePort(): Promise<number> {
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

async function startNginx(nginx: string, dist: string, name: string): Promise<RunningServer> {
  const port = await freePort();
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
    kind: 'nginx',
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGQUIT');
      }),
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
};

async function startNodeServer(dist: string): Promise<RunningServer> {
  const server: Server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      path = '/';
    }
    let file = resolve(dist, `.${path}`);
    if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
      if (path.startsWith('/assets/')) {
        res.statusCode = 404;
        return res.end();
      }
      file = join(dist, 'index.html');
    }
    res.setHeader('Content-Type', TYPES[extname(file)] ?? 'application/octet-stream');
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    kind: 'node',
    stop: () => new Promise((done) => server.close(() => done())),
  };
}

export async function serve(dist: string, name: string): Promise<RunningServer> {
  const nginx = findNginx();
  if (nginx) return startNginx(nginx, dist, name);
  if (process.env.CI === 'true') throw new Error('CI=true but nginx is not installed (apt-get install -y nginx)');
  console.warn('nginx not found: serving dist/ with a small Node static server instead');
  return startNodeServer(dist);
}
