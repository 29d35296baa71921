import { useId } from 'react';

/** A labelled checkbox in the form's field rhythm. */
export function CheckField(props: { label: string; name: string; checked: boolean; onChange(v: boolean): void; error?: string }) {
  const id = useId();
  return (
    <div className={`field field-check${props.error ? ' field-invalid' : ''}`}>
      <label htmlFor={id}>
        <input id={id} type="checkbox" name={props.name} checked={props.checked} onChange={(e) => props.onChange(e.target.checked)} aria-invalid={!!props.error} /> {props.label}
      </label>
      {props.error && (
        <div className="field-error" role="alert">
          {props.error.charAt(0).toUpperCase() + props.error.slice(1)}
        </div>
      )}
    </div>
  );
}
