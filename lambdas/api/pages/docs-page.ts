// `/docs`: the OpenAPI document as a readable page, rendered here (no viewer loaded from a CDN).
import { html } from 'hono/html';
import type { OpenApiDocument } from '../openapi.ts';
import type { Html } from './layout.ts';

type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  items?: Schema;
  anyOf?: Schema[];
  format?: string;
  default?: unknown;
  minimum?: number;
  maximum?: number;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: Schema | boolean;
};

interface Parameter {
  name: string;
  in: string;
  description?: string;
  schema: Schema;
}

interface Operation {
  summary: string;
  description?: string;
  parameters?: Parameter[];
  responses: Record<string, { description: string; content?: Record<string, { schema: Schema }> }>;
}

/** OpenAPI descriptions are CommonMark: their `code` spans are shown as code. */
const prose = (text: string | undefined): Html =>
  html`${(text ?? '').split('`').map((part, n) => (n % 2 ? html`<code>${part}</code>` : part))}`;

const anchor = (ref: string) => `schema-${ref.split('/').at(-1)}`;

/** A schema in a few words, with links to named schemas. */
function typeOf(schema: Schema): Html {
  if (schema.$ref) return html`<a href="#${anchor(schema.$ref)}">${schema.$ref.split('/').at(-1)}</a>`;
  if (schema.enum) return html`one of ${schema.enum.map((v, n) => html`${n ? ', ' : ''}<code>${String(v)}</code>`)}`;
  if (schema.anyOf) return html`${schema.anyOf.map((s, n) => html`${n ? ' or ' : ''}${typeOf(s)}`)}`;
  if (schema.type === 'array' && schema.items) return html`list of ${typeOf(schema.items)}`;
  if (schema.type === 'object' && typeof schema.additionalProperties === 'object') return html`map to ${typeOf(schema.additionalProperties)}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  const range = schema.minimum !== undefined && schema.maximum !== undefined ? ` ${schema.minimum} to ${schema.maximum}` : '';
  return html`${type}${schema.format ? ` (${schema.format})` : ''}${range}${schema.default !== undefined ? html`, default <code>${String(schema.default)}</code>` : ''}`;
}

function operation(path: string, op: Operation): Html {
  return html`<section>
<h2 id="${`op-${path}`}"><code>GET ${path}</code></h2>
<p><strong>${prose(op.summary)}</strong>${op.description ? html`. ${prose(op.description)}` : ''}</p>
${op.parameters?.length ? html`<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>Meaning</th></tr></thead><tbody>${op.parameters.map(
    (p) => html`<tr><td><code>${p.name}</code></td><td>${p.in}</td><td>${typeOf(p.schema)}</td><td>${prose(p.description)}</td></tr>`,
  )}</tbody></table>` : ''}
<ul>${Object.entries(op.responses).map(
    ([status, r]) => html`<li><code>${status}</code> ${r.description}${
      r.content ? html`: ${Object.entries(r.content).map(([type, c], n) => html`${n ? '; ' : ''}${type} ${c.schema.$ref ? typeOf(c.schema) : ''}`)}` : ''
    }</li>`,
  )}</ul>
</section>`;
}

function component(id: string, schema: Schema): Html {
  const required = new Set(schema.required ?? []);
  return html`<section>
<h3 id="${`schema-${id}`}">${id}</h3>
${schema.description ? html`<p>${prose(schema.description)}</p>` : ''}
${schema.properties ? html`<table><thead><tr><th>Field</th><th>Type</th><th>Meaning</th></tr></thead><tbody>${Object.entries(schema.properties).map(
    ([name, field]) => html`<tr><td><code>${name}</code>${required.has(name) ? '' : ' (optional)'}</td><td>${typeOf(field)}</td><td>${prose(field.description)}</td></tr>`,
  )}</tbody></table>` : html`<p>${typeOf(schema)}</p>`}
</section>`;
}

export function docsPage(doc: OpenApiDocument): Html {
  const paths = Object.entries(doc.paths) as Array<[string, { get: Operation }]>;
  const schemas = Object.entries(doc.components.schemas) as Array<[string, Schema]>;
  return html`<h1>${doc.info.title} API</h1>
<p>${doc.info.description}</p>
<p>Every answer to a GET carries an ETag (and Last-Modified when it has a date): send them back as If-None-Match or If-Modified-Since to get 304 Not Modified. Errors are JSON, <code>{ "error", "detail" }</code>. The machine-readable description is <a href="/openapi.json">/openapi.json</a> (OpenAPI ${doc.openapi}).</p>
<ul>${paths.map(([path, item]) => html`<li><a href="#${`op-${path}`}"><code>${path}</code></a>: ${prose(item.get.summary)}</li>`)}</ul>
${paths.map(([path, item]) => operation(path, item.get))}
<h2>Schemas</h2>
${schemas.map(([id, schema]) => component(id, schema))}`;
}
