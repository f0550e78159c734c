import { useId } from 'react';
import type { ReactNode } from 'react';

interface FieldProps {
  label: string;
  /** Messages shown under the field (the API's field errors or ours); the input is then marked invalid. */
  errors?: string[];
  hint?: string;
  children: (props: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
  className?: string;
}

/** A labelled form control with its hint and errors wired to it (aria-describedby / aria-invalid). */
export function Field({ label, errors = [], hint, children, className }: FieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors.length ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={['field', errors.length ? 'field--invalid' : '', className ?? ''].join(' ').trim()}>
      <label htmlFor={id}>{label}</label>
      {hint && <p className="field__hint" id={hintId}>{hint}</p>}
      {children({ id, 'aria-invalid': errors.length ? true : undefined, 'aria-describedby': describedBy })}
      {errorId && (
        <p className="field__error" id={errorId}>
          {errors.join(' ')}
        </p>
      )}
    </div>
  );
}
