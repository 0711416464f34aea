import { cn } from "./cn";

export interface RadioOption {
  value: string;
  label: string;
  /** One line on what the choice means; outside the label, so the label stays the accessible name. */
  description: string;
}

export function RadioGroupField({
  legend,
  name,
  options,
  defaultValue,
  errors,
}: {
  legend: string;
  name: string;
  options: RadioOption[];
  defaultValue: string;
  errors?: string[];
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={errors?.length ? `${name}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      {options.map((option) => {
        const id = `${name}-${option.value}`;
        return (
          <div key={option.value} className="flex items-start gap-2">
            <input
              type="radio"
              id={id}
              name={name}
              value={option.value}
              defaultChecked={option.value === defaultValue}
              aria-describedby={`${id}-hint`}
              className={cn("mt-1 border-slate-300", errors?.length ? "ring-1 ring-red-500" : "")}
            />
            <div>
              <label htmlFor={id} className="text-sm font-medium text-slate-900">
                {option.label}
              </label>
              <p id={`${id}-hint`} className="text-xs text-slate-500">
                {option.description}
              </p>
            </div>
          </div>
        );
      })}
      {errors?.length ? (
        <p id={`${name}-error`} role="alert" className="text-xs font-medium text-red-600">
          {errors.join(" ")}
        </p>
      ) : null}
    </fieldset>
  );
}
