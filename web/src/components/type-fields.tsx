import type { JsonObject, JsonValue } from '../../../src/domain/shared/json';
import { checkFieldValues, localized, missingFields, type FieldDefinition, type FieldKind, type TicketTypeDocument } from '../../../src/domain/ticket/ticket-type';
import { useI18n } from '../lib/i18n-provider';
import { type Translate } from '../lib/i18n';

/** What to tell the requester about a value the server would refuse, by the field's kind. */
const PROBLEM_KEY: Record<FieldKind, string> = {
  text: 'portal.check.too_long', textarea: 'portal.check.too_long', number: 'portal.check.number', select: 'portal.check.choice',
  multiselect: 'portal.check.choice', date: 'portal.check.date', email: 'portal.check.email', url: 'portal.check.url',
  phone: 'portal.check.phone', boolean: 'portal.check.choice',
};

/** What the checks read of a ticket type: its fields. */
export type TypeFields = Pick<TicketTypeDocument, 'fields'>;

/** The problems the server would find with the type's fields (the same checks, run in the browser), by field key. */
export function fieldProblems(type: TypeFields, values: JsonObject, t: Translate): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const field of missingFields(type, values)) problems[field.key] = t('portal.check.required');
  for (const error of checkFieldValues(type, values)) {
    const key = error.path.split('/').at(-1) ?? '';
    const field = type.fields.find((f) => f.key === key);
    if (field) problems[key] = t(PROBLEM_KEY[field.kind]);
  }
  return problems;
}

/** The control's value as the server checks it: numbers as numbers, empty as absent. */
function parsed(field: FieldDefinition, raw: string): JsonValue | undefined {
  if (raw === '') return undefined;
  if (field.kind === 'number') return Number.isNaN(Number(raw)) ? raw : Number(raw);
  return raw;
}

interface FieldProps {
  field: FieldDefinition;
  value: JsonValue | undefined;
  problem: string | undefined;
  onChange(value: JsonValue | undefined): void;
}

const INPUT_TYPE: Partial<Record<FieldKind, string>> = { number: 'number', date: 'date', email: 'email', url: 'url', phone: 'tel', text: 'text' };

function Control(props: FieldProps & { id: string; describedBy: string | undefined }) {
  const { field, value, id, describedBy, onChange } = props;
  const { locale, t } = useI18n();
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': props.problem ? true : undefined, required: field.required };
  const options = field.options ?? [];
  switch (field.kind) {
    case 'textarea':
      return <textarea {...common} rows={4} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(parsed(field, e.target.value))} />;
    case 'boolean':
      return <input {...common} required={false} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked ? true : undefined)} />;
    case 'select':
      return (
        <select {...common} value={typeof value === 'string' ? value : ''} onChange={(e) => onChange(parsed(field, e.target.value))}>
          <option value="">{t('portal.form.choose')}</option>
          {options.map((option) => <option key={option.value} value={option.value}>{localized(option.label ?? option.value, locale)}</option>)}
        </select>
      );
    case 'multiselect': {
      const chosen = Array.isArray(value) ? value : [];
      const toggle = (option: string, on: boolean) => {
        const next = on ? [...chosen, option] : chosen.filter((v) => v !== option);
        onChange(next.length > 0 ? next : undefined);
      };
      return (
        <div className="choices" role="group" aria-labelledby={`${id}-label`} aria-describedby={describedBy}>
          {options.map((option) => (
            <label key={option.value} className="choice">
              <input type="checkbox" checked={chosen.includes(option.value)} onChange={(e) => toggle(option.value, e.target.checked)} />
              {localized(option.label ?? option.value, locale)}
            </label>
          ))}
        </div>
      );
    }
    default:
      return (
        <input {...common} type={INPUT_TYPE[field.kind] ?? 'text'} min={field.min} max={field.max} maxLength={field.max_length}
          value={value === undefined || value === null ? '' : String(value)} onChange={(e) => onChange(parsed(field, e.target.value))} />
      );
  }
}

/** One field of a request type: its label in the requester's language, required marked, help and problem under it. */
export function TypeField(props: FieldProps) {
  const { locale, t } = useI18n();
  const { field, problem } = props;
  const id = `field-${field.key}`;
  const help = localized(field.help, locale);
  const describedBy = [help ? `${id}-help` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`form-field field-${field.kind}`}>
      <label id={`${id}-label`} htmlFor={id}>
        {localized(field.label, locale)}
        {field.required ? <span className="required"> ({t('portal.form.required')})</span> : null}
      </label>
      <Control {...props} id={id} describedBy={describedBy} />
      {help ? <p id={`${id}-help`} className="help">{help}</p> : null}
      {problem ? <p id={`${id}-problem`} className="field-error">{problem}</p> : null}
    </div>
  );
}
