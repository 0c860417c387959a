import type { Static } from 'typebox';
import { fail } from '../../../domain/errors.js';
import type { CalibrationOptions } from '../../../domain/simulator/calibration/calibration.js';
import { CALL_LOG_PRESETS, type CallLogMapping } from '../../../domain/simulator/calibration/call-log-mapping.js';
import { INTERVAL_MINUTES } from '../../../domain/simulator/staffing-plan.js';
import { bodyValidator } from '../../http/validation.js';
import { CallLogMappingBody, type CalibrationQuery } from './calibration-schemas.js';

/** The interval a calibration request names (default 30 minutes); another than 15, 30 or 60 is a 400 `validation_failed`. */
export function intervalOf(minutes: number | undefined): number {
  const interval = minutes ?? 30;
  if (!(INTERVAL_MINUTES as readonly number[]).includes(interval)) {
    throw fail('validation_failed', `interval_min must be one of ${INTERVAL_MINUTES.join(', ')}.`, { in: 'querystring', path: '/interval_min' });
  }
  return interval;
}

/** The mapping and options a calibration request names; a bad one is a 400 `validation_failed` with its path. */
export function calibrationFromQuery(query: Static<typeof CalibrationQuery>): { mapping: CallLogMapping; options: CalibrationOptions } {
  const invalid = (path: string, message: string) => fail('validation_failed', message, { in: 'querystring', path });
  if (query.preset !== undefined && query.mapping !== undefined) throw invalid('/mapping', 'Give either preset or mapping, not both.');
  const options: CalibrationOptions = { interval_min: intervalOf(query.interval_min), staffing: query.staffing ?? 'agents', handle: query.handle ?? 'fitted' };
  if (query.mapping === undefined) {
    const name = query.preset ?? 'switchboard';
    if (!Object.hasOwn(CALL_LOG_PRESETS, name)) throw invalid('/preset', `Unknown preset "${name}"; known: ${Object.keys(CALL_LOG_PRESETS).join(', ')}.`);
    return { mapping: CALL_LOG_PRESETS[name]!, options };
  }
  let mapping: unknown;
  try {
    mapping = JSON.parse(query.mapping);
  } catch {
    throw invalid('/mapping', 'mapping is not JSON.');
  }
  const issues = bodyValidator(CallLogMappingBody)(mapping);
  if (issues.length > 0) throw invalid(`/mapping${issues[0]!.path}`, `mapping${issues[0]!.path}: ${issues[0]!.message}`);
  return { mapping: mapping as CallLogMapping, options };
}
