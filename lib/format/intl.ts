const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A shared Intl.DateTimeFormat for a locale and options. Building one costs ICU far more than
 * formatting with it (a list page formats hundreds of dates with two or three of them), and a
 * format never changes, so one per locale, time zone and shape serves every request. Locales and
 * time zones come from validated workspace settings, so the set stays small.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions) {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    formats.set(key, format);
  }
  return format;
}
