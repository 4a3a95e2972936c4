interface SelectFieldProps {
  label: string;
  name: string;
  value: string | undefined;
  /** The empty option ("all"); without it the select has only the options (e.g. a sort order). */
  allLabel?: string;
  options: { value: string; label: string }[];
}

/** A labelled <select> for GET filter forms; the empty option, when there is one, means "all". */
export function SelectField({ label, name, value, allLabel, options }: SelectFieldProps) {
  return (
    <label className="flex flex-col gap-1">
      <span>{label}</span>
      <select
        name={name}
        defaultValue={value ?? (allLabel === undefined ? options[0]?.value : "")}
        className="rounded border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-900"
      >
        {allLabel === undefined ? null : <option value="">{allLabel}</option>}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
