import { useId, type ReactNode } from 'react';

interface BaseProps {
  label: string;
  error?: string;
  hint?: string;
  required?: boolean;
}

function Wrap({ id, label, error, hint, required, children }: BaseProps & { id: string; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        {label}
        {required && <span aria-hidden="true"> *</span>}
      </label>
      {children}
      {hint && !error && (
        <div className="field-hint" id={`${id}-hint`}>
          {hint}
        </div>
      )}
      {error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {error.charAt(0).toUpperCase() + error.slice(1)}
        </div>
      )}
    </div>
  );
}

const described = (id: string, error?: string, hint?: string) => (error ? `${id}-error` : hint ? `${id}-hint` : undefined);

export function TextField(props: BaseProps & { value: string; onChange(v: string): void; name: string; placeholder?: string; inputMode?: 'decimal' | 'numeric' | 'text' }) {
  const id = useId();
  return (
    <Wrap id={id} {...props}>
      <input
        id={id}
        name={props.name}
        value={props.value}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        aria-invalid={!!props.error}
        aria-describedby={described(id, props.error, props.hint)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Wrap>
  );
}

export function TextArea(props: BaseProps & { value: string; onChange(v: string): void; name: string; rows?: number }) {
  const id = useId();
  return (
    <Wrap id={id} {...props}>
      <textarea
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        value={props.value}
        aria-invalid={!!props.error}
        aria-describedby={described(id, props.error, props.hint)}
        onChange={(e) => props.onChange(e.target.value)}
      />
    </Wrap>
  );
}

export function SelectField(props: BaseProps & { value: string; onChange(v: string): void; name: string; options: { value: string; label: string }[]; placeholder?: string }) {
  const id = useId();
  return (
    <Wrap id={id} {...props}>
      <select id={id} name={props.name} value={props.value} aria-invalid={!!props.error} aria-describedby={described(id, props.error, props.hint)} onChange={(e) => props.onChange(e.target.value)}>
        {props.placeholder !== undefined && <option value="">{props.placeholder}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function CheckboxField(props: { label: string; name: string; checked: boolean; onChange(v: boolean): void; hint?: string }) {
  const id = useId();
  return (
    <div className="field field-check">
      <label htmlFor={id}>
        <input id={id} type="checkbox" name={props.name} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} /> {props.label}
      </label>
      {props.hint && <div className="field-hint">{props.hint}</div>}
    </div>
  );
}

/** Several choices from a list (e.g. the executing partners), as a group of checkboxes. */
export function CheckboxGroup(props: { label: string; name: string; options: { value: string; label: string }[]; value: string[]; onChange(v: string[]): void; error?: string }) {
  const id = useId();
  const toggle = (v: string, on: boolean) => props.onChange(on ? [...props.value, v] : props.value.filter((x) => x !== v));
  return (
    <fieldset className={`field checkbox-group${props.error ? ' field-invalid' : ''}`} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.label}</legend>
      <div className="checkbox-list">
        {props.options.map((o) => (
          <label key={o.value}>
            <input type="checkbox" name={props.name} value={o.value} checked={props.value.includes(o.value)} onChange={(e) => toggle(o.value, e.target.checked)} /> {o.label}
          </label>
        ))}
      </div>
      {props.error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {props.error}
        </div>
      )}
    </fieldset>
  );
}

/** One choice of a few, each with a line that explains it (a measure's shape). */
export function RadioGroup(props: { label: string; name: string; options: { value: string; label: string; hint?: string }[]; value: string; onChange(v: string): void; error?: string }) {
  const id = useId();
  return (
    <fieldset className={`field radio-group${props.error ? ' field-invalid' : ''}`} aria-describedby={props.error ? `${id}-error` : undefined}>
      <legend>{props.label}</legend>
      {props.options.map((o) => (
        <label key={o.value} className="radio-option">
          <input type="radio" name={props.name} value={o.value} checked={props.value === o.value} onChange={() => props.onChange(o.value)} />
          <span>
            {o.label}
            {o.hint && <span className="field-hint">{o.hint}</span>}
          </span>
        </label>
      ))}
      {props.error && (
        <div className="field-error" id={`${id}-error`} role="alert">
          {props.error.charAt(0).toUpperCase() + props.error.slice(1)}
        </div>
      )}
    </fieldset>
  );
}
