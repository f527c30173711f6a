/** Whether one path lies inside another, compared by whole path segments. */
import { isAbsolute, relative, sep } from 'node:path';

/**
 * Whether `path` is inside `folder` (not the folder itself). By segments, not by string prefix:
 * `content-old/a.json` is not inside `content`, while `content/..draft.json` is.
 */
export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** Whether `path` is `folder` itself or anything inside it. */
export function isSameOrInside(folder: string, path: string): boolean {
  return relative(folder, path) === '' || isInside(folder, path);
}
