/**
 * zod compiles object parsers with `new Function` when it may. The page's CSP has no
 * 'unsafe-eval', so zod is told not to try (it would fall back anyway, after a CSP violation
 * report). Imported first by whatever loads the engine, before any module parses at load time.
 */
import { config } from 'zod';

config({ jitless: true });
