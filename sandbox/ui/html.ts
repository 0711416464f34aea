const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export const escapeHtml = (value: unknown): string => String(value ?? "").replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** Tagged template that escapes every interpolation unless it is already-built markup from `raw`. */
export class Markup {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export const raw = (value: string): Markup => new Markup(value);

export function html(strings: TemplateStringsArray, ...values: unknown[]): Markup {
  let out = strings[0];
  values.forEach((value, i) => {
    const parts = Array.isArray(value) ? value : [value];
    out += parts.map((p) => (p instanceof Markup ? p.value : escapeHtml(p))).join("") + strings[i + 1];
  });
  return new Markup(out);
}

const STYLE = `
  body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;background:#f3f2f1;color:#201f1e}
  header{background:#0f6cbd;color:#fff;padding:12px 24px;font-weight:600}
  header a{color:#fff;text-decoration:none}
  main{max-width:1100px;margin:24px auto;padding:0 24px}
  .card{background:#fff;border-radius:4px;box-shadow:0 1px 3px rgba(0,0,0,.12);padding:16px 20px;margin-bottom:16px}
  .narrow{max-width:440px;margin:48px auto}
  table{border-collapse:collapse;width:100%;font-size:14px}
  th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #edebe9;vertical-align:top}
  th{font-weight:600;color:#605e5c}
  code{font-size:13px;background:#f3f2f1;padding:1px 4px;border-radius:3px}
  .ok{color:#107c10}.bad{color:#a4262c}.muted{color:#605e5c}
  .error{color:#a4262c;background:#fde7e9;padding:8px 12px;border-radius:4px}
  label{display:block;margin:12px 0 4px;font-size:14px}
  input,select{width:100%;padding:8px;box-sizing:border-box;font-size:15px}
  button{margin-top:16px;margin-right:8px;padding:8px 20px;font-size:15px;border:0;border-radius:2px;background:#0f6cbd;color:#fff;cursor:pointer}
  button.secondary{background:#edebe9;color:#201f1e}
  iframe{width:100%;min-height:320px;border:1px solid #edebe9}
  pre{white-space:pre-wrap;font-family:inherit}
`;

export function page(title: string, body: Markup): string {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${title}</title><style>${raw(STYLE)}</style></head>
<body><header>${raw('<a href="/">Microsoft 365 sandbox</a>')}</header><main>${body}</main></body></html>`.value;
}
