import { createContext, useContext } from 'react';
import type { FieldError } from '../api/envelope';

/** Server validation errors by dotted path (`endpoints.0.id`), as the fields of a form look them up. */
export type ErrorMap = Record<string, FieldError[]>;

export const ErrorContext = createContext<ErrorMap>({});

/** `a[0].b` and `a.0.b` are the same field. */
export function normalisePath(path: string): string {
  return path.replace(/\[(\d+)]/g, '.$1').replace(/^\./, '');
}

export function useFieldErrors(path: string): FieldError[] {
  const errors = useContext(ErrorContext);
  return errors[path] ?? [];
}

/** Errors of paths that no field of the form shows (so none is ever lost). */
export function unclaimed(errors: ErrorMap, shown: Set<string>): [string, FieldError[]][] {
  return Object.entries(errors).filter(([path]) => !shown.has(path));
}

export function FieldErrorText({ errors, id }: { errors: FieldError[]; id?: string }) {
  if (errors.length === 0) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {errors.map((e) => e.message).join(' · ')}
    </span>
  );
}
