/**
 * More cases translated from the same Kafka tests as the shared 29 (and their neighbours), in the
 * same JSON format, so rules rather than individual cases are checked. One vitest test each.
 */
import { join } from 'node:path';
import { describeCaseFiles } from './run-case-files';

describeCaseFiles(join(__dirname, 'extra'));
