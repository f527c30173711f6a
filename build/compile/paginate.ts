import { PAGE_SIZE } from '../../src/model/compiled.ts';

export function paginate<T>(items: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += PAGE_SIZE) out.push(items.slice(i, i + PAGE_SIZE));
  return out.length ? out : [[]];
}
