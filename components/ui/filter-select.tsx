/** A select of a GET filter form: the choice lands in the query string, "" meaning no filter. */
export function FilterSelect({ label, name, value, options }: { label: string; name: string; value?: string; options: Array<{ value: string; label: string }> }) {
  return (
    <label className="text-sm">
      <span className="block font-medium">{label}</span>
      <select name={name} defaultValue={value ?? ""} className="mt-1 rounded-md border-0 py-2 pl-3 pr-8 text-sm ring-1 ring-inset ring-slate-300">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
