// HTML form bodies → the same inputs the JSON API takes, checked by the same schemas.
import type { Context } from 'hono';

type Form = Record<string, string | File | Array<string | File>>;

export async function readForm(c: Context): Promise<FormReader> {
  return formReader((await c.req.parseBody({ all: true })) as Form);
}

export type FormReader = ReturnType<typeof formReader>;

export function formReader(form: Form) {
  // browsers send text areas' line breaks as CRLF
  const all = (name: string) =>
    [form[name] ?? []]
      .flat()
      .filter((v): v is string => typeof v === 'string')
      .map((v) => v.replace(/\r\n?/g, '\n'));
  const text = (name: string) => all(name)[0]?.trim() ?? '';
  return {
    has: (name: string) => name in form,
    /** A field's text, undefined when absent. */
    text: (name: string) => (name in form ? text(name) : undefined),
    /** Empty means "not set": null, for fields an editor may clear. */
    optional: (name: string) => text(name) || null,
    /** A repeated field (checkboxes, one input per value), empty values dropped. */
    all: (name: string) => all(name).map((v) => v.trim()).filter(Boolean),
    /** A textarea of one value a line. */
    lines: (name: string) => text(name).split('\n').map((l) => l.trim()).filter(Boolean),
    /** A whole number, or the text itself so the schema names the mistake. */
    number: (name: string) => {
      const value = text(name);
      if (!value) return undefined;
      return /^\d+$/.test(value) ? Number(value) : value;
    },
  };
}

/** "Name | role" lines → people. */
export const people = (lines: string[]) =>
  lines.map((line) => {
    const [name = '', ...role] = line.split('|');
    const r = role.join('|').trim();
    return r ? { name: name.trim(), role: r } : { name: name.trim() };
  });

/** Where to go back to after an action: a path inside the console, never elsewhere. */
export function safeReturn(value: string | undefined, base: string): string {
  if (!value || !(value === base || value.startsWith(`${base}/`) || value.startsWith(`${base}?`)) || /[\\\s]|\/\//.test(value)) return base;
  return value;
}

/** The return path with a notice code for the page to show once. */
export function withNotice(path: string, notice: string): string {
  const url = new URL(path, 'http://console.invalid');
  url.searchParams.set('notice', notice);
  return `${url.pathname}${url.search}`;
}
