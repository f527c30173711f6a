/**
 * The dev server must not hand out CONTENT_DIR's files by itself. When the content folder lies inside
 * Vite's root (the default, `content/`), Vite serves any file under the root as it is, following symbolic
 * links: `/content/images/link.svg` (or `?raw`, or `/@fs/…`) would send whatever the link points at. The
 * content reaches the browser only as compiled /data documents and checked /media files.
 */
import { realpathSync } from 'node:fs';
import { posix, resolve } from 'node:path';
import { isSameOrInside } from './pathWithin.ts';

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

/** Whether a request URL names a file in the content folder, the way Vite's own file serving reads URLs. */
export function requestsContentFile(url: string, viteRoot: string, contentDir: string): boolean {
  let path: string;
  try {
    path = decodeURIComponent(url.replace(/[?#].*$/s, ''));
  } catch {
    // Not a path any file is served at; refusing it costs nothing.
    return true;
  }
  path = posix.normalize(`/${path.replace(/\\/g, '/')}`);
  const files = [resolve(viteRoot, `.${path}`), resolve(realOrSelf(viteRoot), `.${path}`)];
  if (path.startsWith('/@fs/')) files.push(resolve(path.slice('/@fs'.length)));
  const folders = [resolve(contentDir), realOrSelf(contentDir)];
  return files.some((file) => folders.some((folder) => isSameOrInside(folder, file)));
}
