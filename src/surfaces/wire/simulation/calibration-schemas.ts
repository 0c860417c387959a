import { Type } from 'typebox';
import { Strict } from '../common-schemas.js';
import { Priority } from '../tickets/ticket-schemas.js';

const Column = Type.String({ minLength: 1, maxLength: 100, description: 'a column name of the log\'s header' });
const Values = Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 });

/** Which columns of a call log hold what (docs/simulator.md, "Calibration"). */
export const CallLogMappingBody = Strict({
  arrival: Column,
  date: Type.Optional(Column),
  date_format: Type.Optional(Type.String({ maxLength: 20, description: 'iso, yymmdd, yyyymmdd, dd/mm/yyyy or mm/dd/yyyy' })),
  queue_start: Type.Optional(Column),
  queue_end: Type.Optional(Column),
  answer: Type.Optional(Column),
  end: Type.Optional(Column),
  after_call_end: Type.Optional(Column),
  outcome: Column,
  answered_values: Values,
  abandoned_values: Values,
  agent: Type.Optional(Column),
  priority: Type.Optional(Column),
  priority_values: Type.Optional(Type.Record(Type.String({ maxLength: 100 }), Priority, { maxProperties: 50 })),
  type: Type.Optional(Column),
  absent_time: Type.Optional(Type.String({ maxLength: 20 })),
});
