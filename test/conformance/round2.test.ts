/**
 * Round 2 of the cases translated from Kafka's own tests (shared/conformance/round2: cogroup, the
 * Processor API, versioned tables, onWindowClose, foreign-key joins), one vitest test each. A family
 * joins the folder once every rule it teaches is implemented.
 */
import { join } from 'node:path';
import { describeCaseFiles } from './run-case-files';

describeCaseFiles(join(__dirname, 'round2'));
