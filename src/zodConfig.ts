/**
 * Imported by api/validators.ts, before any schema is built. zod's JIT compiles validators with `new Function`,
 * which the built site's Content Security Policy forbids (and reports), so in a browser it is off. Under Node (the
 * build's prerender, which validates every document of every page it renders) nothing forbids it, and there the
 * compiled validators are faster.
 */
import { config } from 'zod';

config({ jitless: typeof document !== 'undefined' });
