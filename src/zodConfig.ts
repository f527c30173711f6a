/**
 * Imported by api/validators.ts, before any schema is built: zod's JIT compiles validators with
 * `new Function`, which the built site's Content Security Policy forbids (and reports).
 */
import { config } from 'zod';

config({ jitless: true });
