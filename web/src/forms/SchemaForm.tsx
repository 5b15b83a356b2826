import { useId, useMemo, useState, type ReactNode } from 'react';
import type { FieldError } from '../api/envelope';
import { useSchema } from '../api/queries';
import { Icon } from '../ui/Icon';
import { Spinner } from '../ui/states';
import { DocumentPicker } from './DocumentPicker';
import { ErrorContext, FieldErrorText, normalisePath, useFieldErrors, type ErrorMap } from './FieldErrors';
import {
  effectiveType, externalRefName, fieldLabel, isObject, refCollections, resolveLocalRef, setKey, withDefaults,
  type JsonObject, type JsonSchema,
} from './jsonSchema';
import './forms.css';

export type SchemaFormProps = {
  /** An object schema (a document's, or a callflow module's `data`). */
  schema: JsonSchema;
  value: JsonObject;
  onChange: (next: JsonObject) => void;
  /** Server validation errors keyed by dotted path; `errorPrefix` is cut from their front (`flow.data.`). */
  errors?: Record<string, FieldError[]>;
  errorPrefix?: string;
  /** Keys not shown (edited elsewhere, e.g. `skip_module` by the node's own switch). */
  hidden?: string[];
  /** Keys shown first, in this order; the rest follow in schema order. */
  order?: string[];
  disabled?: boolean;
};

/**
 * A form generated from a JSON schema: strings, numbers, booleans, enums, arrays, nested objects, `$ref`s, schema
 * defaults as placeholders, `x-ref` fields as document pickers, and the server's errors next to their fields.
 * Fields the schema does not know are kept untouched; removing a value removes its key.
 */
export function SchemaForm({ schema, value, onChange, errors = {}, errorPrefix = '', hidden = [], order = [], disabled }: SchemaFormProps) {
  const errorMap = useMemo(() => {
    const out: ErrorMap = {};
    for (const [path, list] of Object.entries(errors)) {
      const p = normalisePath(path);
      if (!errorPrefix || p.startsWith(errorPrefix)) out[p.slice(errorPrefix.length)] = list;
    }
    return out;
  }, [errors, errorPrefix]);
  const known = useMemo(() => knownPaths(schema, schema, value, ''), [schema, value]);
  const orphan = Object.entries(errorMap).filter(([path]) => !known.has(path) && ![...known].some((k) => path.startsWith(`${k}.`)));

  return (
    <ErrorContext.Provider value={errorMap}>
      <fieldset className="schema-form" disabled={disabled}>
        {orphan.length > 0 && (
          <div className="banner banner-danger" role="alert">
            <Icon name="alert" />
            <div>{orphan.map(([path, list]) => <div key={path}><strong>{path || 'Form'}</strong>: {list.map((e) => e.message).join(', ')}</div>)}</div>
          </div>
        )}
        <ObjectFields schema={schema} root={schema} value={value} onChange={onChange} path="" hidden={hidden} order={order} />
      </fieldset>
    </ErrorContext.Provider>
  );
}

/** Every field path the form renders, so errors of other paths are shown at the top instead of lost. */
function knownPaths(schema: JsonSchema, root: JsonSchema, value: unknown, prefix: string, out = new Set<string>()): Set<string> {
  for (const [key, raw] of Object.entries(schema.properties ?? {})) {
    const prop = resolveLocalRef(raw, root);
    const path = prefix ? `${prefix}.${key}` : key;
    out.add(path);
    const v = isObject(value) ? value[key] : undefined;
    if (prop.properties) knownPaths(prop, root, v, path, out);
  }
  return out;
}

type FieldsProps = {
  schema: JsonSchema;
  root: JsonSchema;
  value: JsonObject;
  onChange: (next: JsonObject) => void;
  path: string;
  hidden?: string[];
  order?: string[];
};

function ObjectFields({ schema, root, value, onChange, path, hidden = [], order = [] }: FieldsProps) {
  const keys = Object.keys(schema.properties ?? {}).filter((k) => !hidden.includes(k));
  const sorted = [...order.filter((k) => keys.includes(k)), ...keys.filter((k) => !order.includes(k))];
  return (
    <>
      {sorted.map((key) => (
        <Field
          key={key}
          name={key}
          schema={resolveLocalRef(schema.properties![key], root)}
          root={root}
          value={value[key]}
          required={schema.required?.includes(key) ?? false}
          path={path ? `${path}.${key}` : key}
          onChange={(v) => onChange(withEndpointType(setKey(value, key, v), schema, key, v))}
        />
      ))}
    </>
  );
}

/**
 * A picker over several collections (a ring group member: device, user or group) also sets the sibling
 * `endpoint_type`, so the member's kind always matches the document chosen.
 */
function withEndpointType(object: JsonObject, schema: JsonSchema, key: string, value: unknown): JsonObject {
  const prop = schema.properties?.[key];
  const typeProp = schema.properties?.endpoint_type;
  if (!prop || !typeProp?.enum || refCollections(prop).length < 2 || typeof value !== 'string') return object;
  const chosen = pickedCollections.get(value);
  const singular = chosen?.replace(/s$/, '');
  return singular && typeProp.enum.includes(singular) ? { ...object, endpoint_type: singular } : object;
}

/** Which collection each id last picked came from (ids are unique across an account's documents). */
const pickedCollections = new Map<string, string>();

type FieldProps = {
  name: string;
  schema: JsonSchema;
  root: JsonSchema;
  value: unknown;
  required: boolean;
  path: string;
  onChange: (value: unknown) => void;
};

function Field(props: FieldProps) {
  const { schema } = props;
  const external = externalRefName(schema);
  if (external) return <ExternalRefField {...props} refName={external} />;
  const type = effectiveType(schema, props.value);
  if (refCollections(schema).length > 0 && type === 'string') return <RefField {...props} />;
  if (schema.enum) return <EnumField {...props} />;
  switch (type) {
    case 'boolean': return <BooleanField {...props} />;
    case 'integer':
    case 'number': return <NumberField {...props} integer={type === 'integer'} />;
    case 'array': return <ArrayField {...props} />;
    case 'object': return schema.properties ? <ObjectField {...props} /> : <JsonField {...props} />;
    default: return <StringField {...props} />;
  }
}

function Labelled({ label, help, errors, required, htmlFor, children }: {
  label: string; help?: string; errors: FieldError[]; required: boolean; htmlFor?: string; children: ReactNode;
}) {
  return (
    <div className="field">
      <label className="field-label" htmlFor={htmlFor}>
        {label}{required && <span className="required" aria-label="required"> *</span>}
      </label>
      {children}
      {help && <span className="field-help">{help}</span>}
      <FieldErrorText errors={errors} id={htmlFor ? `${htmlFor}-error` : undefined} />
    </div>
  );
}

function StringField({ name, schema, value, required, path, onChange }: FieldProps) {
  const id = useId();
  const errors = useFieldErrors(path);
  const long = (schema.maxLength ?? 0) > 512 || /text|body|template/.test(name);
  const common = {
    id,
    name: path,
    className: long ? 'textarea' : 'input',
    value: typeof value === 'string' || typeof value === 'number' ? String(value) : '',
    placeholder: typeof schema.default === 'string' ? schema.default : undefined,
    'aria-invalid': errors.length > 0,
    'aria-describedby': errors.length > 0 ? `${id}-error` : undefined,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value === '' ? undefined : e.target.value),
  };
  const inputType = schema.format === 'email' ? 'email' : schema.format === 'uri' ? 'url' : /password|pin$/.test(name) ? 'password' : 'text';
  return (
    <Labelled label={fieldLabel(name, schema)} help={schema.description} errors={errors} required={required} htmlFor={id}>
      {long ? <textarea {...common} /> : <input {...common} type={inputType} autoComplete="off" />}
    </Labelled>
  );
}

function NumberField({ name, schema, value, required, path, onChange, integer }: FieldProps & { integer: boolean }) {
  const id = useId();
  const errors = useFieldErrors(path);
  const [draft, setDraft] = useState<string | null>(null);
  const shown = draft ?? (typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '');
  return (
    <Labelled label={fieldLabel(name, schema)} help={schema.description} errors={errors} required={required} htmlFor={id}>
      <input
        id={id}
        name={path}
        className="input"
        type="number"
        inputMode={integer ? 'numeric' : 'decimal'}
        step={integer ? 1 : 'any'}
        min={schema.minimum}
        max={schema.maximum}
        value={shown}
        placeholder={schema.default !== undefined ? String(schema.default) : undefined}
        aria-invalid={errors.length > 0}
        aria-describedby={errors.length > 0 ? `${id}-error` : undefined}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          if (text === '') onChange(undefined);
          else if (!Number.isNaN(Number(text))) onChange(integer ? Math.trunc(Number(text)) : Number(text));
        }}
        onBlur={() => setDraft(null)}
      />
    </Labelled>
  );
}

function BooleanField({ name, schema, value, path, onChange }: FieldProps) {
  const errors = useFieldErrors(path);
  const checked = typeof value === 'boolean' ? value : value === 'true' ? true : schema.default === true;
  return (
    <div className="field">
      <label className="checkbox">
        <input type="checkbox" name={path} checked={checked} onChange={(e) => onChange(e.target.checked)} />
        <span className="field-label">{fieldLabel(name, schema)}</span>
        {value === undefined && schema.default === undefined && <span className="subtle">(not set)</span>}
      </label>
      {schema.description && <span className="field-help">{schema.description}</span>}
      <FieldErrorText errors={errors} />
    </div>
  );
}

function EnumField({ name, schema, value, required, path, onChange }: FieldProps) {
  const id = useId();
  const errors = useFieldErrors(path);
  const options = schema.enum ?? [];
  const current = value === undefined ? '' : JSON.stringify(value);
  return (
    <Labelled label={fieldLabel(name, schema)} help={schema.description} errors={errors} required={required} htmlFor={id}>
      <select
        id={id}
        name={path}
        className="select"
        value={current}
        aria-invalid={errors.length > 0}
        onChange={(e) => onChange(e.target.value === '' ? undefined : JSON.parse(e.target.value))}
      >
        <option value="">{schema.default !== undefined ? `Default (${String(schema.default)})` : '—'}</option>
        {options.map((o) => <option key={JSON.stringify(o)} value={JSON.stringify(o)}>{String(o)}</option>)}
        {value !== undefined && !options.some((o) => JSON.stringify(o) === current) && <option value={current}>{String(value)}</option>}
      </select>
    </Labelled>
  );
}

function RefField({ name, schema, value, required, path, onChange }: FieldProps) {
  const id = useId();
  const errors = useFieldErrors(path);
  return (
    <Labelled label={fieldLabel(name, schema)} help={schema.description} errors={errors} required={required} htmlFor={id}>
      <DocumentPicker
        id={id}
        collections={refCollections(schema)}
        value={typeof value === 'string' ? value : undefined}
        invalid={errors.length > 0}
        onChange={(docId, collection) => {
          if (docId && collection) pickedCollections.set(docId, collection);
          onChange(docId);
        }}
      />
    </Labelled>
  );
}

function ObjectField({ name, schema, root, value, path, onChange }: FieldProps) {
  const errors = useFieldErrors(path);
  const object = isObject(value) ? value : {};
  const [open, setOpen] = useState(() => Object.keys(object).length > 0);
  return (
    <fieldset className="group">
      <legend>
        <button type="button" className="group-toggle" aria-expanded={open} onClick={() => setOpen(!open)}>
          <Icon name={open ? 'chevronDown' : 'chevronRight'} size={14} />{fieldLabel(name, schema)}
        </button>
      </legend>
      {schema.description && <span className="field-help">{schema.description}</span>}
      <FieldErrorText errors={errors} />
      {open && (
        <ObjectFields schema={schema} root={root} value={object} path={path}
          onChange={(next) => onChange(Object.keys(next).length === 0 ? undefined : next)} />
      )}
    </fieldset>
  );
}

/** An object without declared properties (headers, custom data): edited as JSON, refused until it parses. */
function JsonField({ name, schema, value, required, path, onChange }: FieldProps) {
  const id = useId();
  const errors = useFieldErrors(path);
  const [draft, setDraft] = useState<string | null>(null);
  const [parseError, setParseError] = useState<string | null>(null);
  const text = draft ?? (value === undefined ? '' : JSON.stringify(value, null, 2));
  const all = parseError ? [...errors, { code: 'json', message: parseError }] : errors;
  return (
    <Labelled label={fieldLabel(name, schema)} help={schema.description ?? 'JSON object'} errors={all} required={required} htmlFor={id}>
      <textarea
        id={id}
        name={path}
        className="textarea"
        value={text}
        placeholder="{ }"
        aria-invalid={all.length > 0}
        onChange={(e) => {
          setDraft(e.target.value);
          if (e.target.value.trim() === '') {
            setParseError(null);
            onChange(undefined);
            return;
          }
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (!isObject(parsed) && effectiveType(schema, parsed) === 'object') throw new Error('a JSON object { … } is needed');
            setParseError(null);
            onChange(parsed);
          } catch (err) {
            setParseError(err instanceof Error ? `Not valid JSON yet: ${err.message}` : 'Not valid JSON yet');
          }
        }}
        onBlur={() => { if (!parseError) setDraft(null); }}
      />
    </Labelled>
  );
}

function ArrayField({ name, schema, root, value, required, path, onChange }: FieldProps) {
  const errors = useFieldErrors(path);
  const items = Array.isArray(value) ? value : [];
  const itemSchema = resolveLocalRef(schema.items ?? {}, root);
  const label = fieldLabel(name, schema);

  if (itemSchema.enum) {
    const options = itemSchema.enum;
    return (
      <fieldset className="group">
        <legend>{label}{required && ' *'}</legend>
        {schema.description && <span className="field-help">{schema.description}</span>}
        <div className="chip-options">
          {options.map((o) => {
            const on = items.some((i) => JSON.stringify(i) === JSON.stringify(o));
            return (
              <label key={JSON.stringify(o)} className={`chip-option${on ? ' is-on' : ''}`}>
                <input type="checkbox" checked={on} onChange={() => {
                  const next = on ? items.filter((i) => JSON.stringify(i) !== JSON.stringify(o)) : [...items, o];
                  onChange(next.length === 0 ? undefined : next);
                }} />
                {String(o)}
              </label>
            );
          })}
        </div>
        <FieldErrorText errors={errors} />
      </fieldset>
    );
  }

  const blank = (): unknown => {
    const t = effectiveType(itemSchema, undefined);
    if (itemSchema.default !== undefined) return structuredClone(itemSchema.default);
    if (t === 'object') return withDefaults(itemSchema, {});
    if (t === 'integer' || t === 'number') return 0;
    if (t === 'boolean') return false;
    return '';
  };
  const replace = (index: number, item: unknown) => onChange(items.map((old, i) => (i === index ? item : old)));
  const remove = (index: number) => {
    const next = items.filter((_, i) => i !== index);
    onChange(next.length === 0 ? undefined : next);
  };
  const move = (index: number, by: number) => {
    const next = [...items];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item);
    onChange(next);
  };

  return (
    <fieldset className="group">
      <legend>{label}{required && ' *'} <span className="subtle">({items.length})</span></legend>
      {schema.description && <span className="field-help">{schema.description}</span>}
      <FieldErrorText errors={errors} />
      {items.map((item, index) => (
        <div key={index} className="array-item">
          <div className="array-item-body">
            <Field
              name={`${itemSchema.title ?? 'Item'} ${index + 1}`}
              schema={{ ...itemSchema, title: `${itemSchema.title ?? 'Item'} ${index + 1}` }}
              root={root}
              value={item}
              required={false}
              path={`${path}.${index}`}
              onChange={(v) => replace(index, v === undefined ? blank() : v)}
            />
          </div>
          <div className="array-item-tools">
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move item ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}><Icon name="chevronDown" style={{ transform: 'rotate(180deg)' }} /></button>
            <button type="button" className="btn btn-ghost btn-icon btn-sm" aria-label={`Move item ${index + 1} down`} disabled={index === items.length - 1} onClick={() => move(index, 1)}><Icon name="chevronDown" /></button>
            <button type="button" className="btn btn-ghost btn-icon btn-sm btn-danger" aria-label={`Remove item ${index + 1}`} onClick={() => remove(index)}><Icon name="trash" /></button>
          </div>
        </div>
      ))}
      <div>
        <button type="button" className="btn btn-sm" onClick={() => onChange([...items, blank()])}>
          <Icon name="plus" />Add {(itemSchema.title ?? 'item').toLowerCase()}
        </button>
      </div>
    </fieldset>
  );
}

/** A property described by another schema file (`caller_id.json`): loaded, then rendered like any object. */
function ExternalRefField(props: FieldProps & { refName: string }) {
  const referenced = useSchema(props.refName);
  if (referenced.isLoading) return <div className="field"><span className="field-label">{fieldLabel(props.name, props.schema)}</span><Spinner /></div>;
  if (!referenced.data) return <JsonField {...props} />;
  const { $ref: _ref, ...own } = props.schema;
  const merged = { ...(referenced.data as JsonSchema), ...own, title: own.title ?? (referenced.data as JsonSchema).title };
  return <Field {...props} schema={merged} root={referenced.data as JsonSchema} />;
}
