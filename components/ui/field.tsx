import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";
import { cn } from "./cn";

const control =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-blue-600";
const invalid = "ring-red-500 focus:ring-red-600";

interface FieldProps {
  label: string;
  name: string;
  errors?: string[];
  hint?: ReactNode;
  children?: never;
}

function FieldShell({ label, name, errors, hint, control: field }: Omit<FieldProps, "children"> & { control: ReactNode }) {
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {field}
      {hint && !errors?.length ? <p id={`${name}-hint`} className="text-xs text-slate-500">{hint}</p> : null}
      {errors?.length ? (
        <div id={`${name}-error`} role="alert" className="space-y-0.5 text-xs font-medium text-red-600">
          {errors.map((error) => (
            <p key={error}>{error}</p>
          ))}
        </div>
      ) : null}
    </div>
  );
}

/** What every control shares: its id and name, its error state and what describes it. */
function controlProps(name: string, errors: string[] | undefined, hint: ReactNode, className?: string, extra?: string) {
  return {
    id: name,
    name,
    "aria-invalid": errors?.length ? true : undefined,
    "aria-describedby": errors?.length ? `${name}-error` : hint ? `${name}-hint` : undefined,
    className: cn(control, extra, errors?.length ? invalid : "", className),
  };
}

export function TextField({ label, name, errors, hint, className, ...input }: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return <FieldShell label={label} name={name} errors={errors} hint={hint} control={<input {...controlProps(name, errors, hint, className)} {...input} />} />;
}

export function TextAreaField({ label, name, errors, hint, className, ...input }: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return (
    <FieldShell
      label={label}
      name={name}
      errors={errors}
      hint={hint}
      control={<textarea {...controlProps(name, errors, hint, className, "font-mono")} {...input} />}
    />
  );
}

export function SelectField({
  label,
  name,
  errors,
  hint,
  options,
  className,
  ...select
}: FieldProps & SelectHTMLAttributes<HTMLSelectElement> & { options: Array<{ value: string; label: string }> }) {
  return (
    <FieldShell
      label={label}
      name={name}
      errors={errors}
      hint={hint}
      control={
        <select {...controlProps(name, errors, hint, className)} {...select}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      }
    />
  );
}
