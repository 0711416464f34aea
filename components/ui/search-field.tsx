/** The text box of a GET filter form: what was typed lands in the query string as `name`. */
export function SearchField({ name = "q", value, placeholder }: { name?: string; value?: string; placeholder: string }) {
  return (
    <label className="text-sm">
      <span className="block font-medium">Search</span>
      <input name={name} type="search" defaultValue={value} placeholder={placeholder} className="mt-1 rounded-md border-0 px-3 py-2 text-sm ring-1 ring-inset ring-slate-300" />
    </label>
  );
}
