/** Where things are, from the project root. */
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url)).replace(/\/$/, '');
export const DIST = `${ROOT}/dist`;
export const FIXTURE_CONTENT = `${ROOT}/tests/e2e/fixtures/content`;
export const FIXTURE_SITE = `${ROOT}/tests/.tmp/fixture-site`;
