// The console's only assets, served by the app itself (nothing loads from elsewhere, and the
// Content-Security-Policy allows nothing else). The page works without the script: it adds
// keyboard shortcuts on top of ordinary links, buttons and forms.

export const CONSOLE_CSS = `
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1d2a33;background:#fafaf7}
.skip{position:absolute;left:-999px}.skip:focus{left:.5rem;top:.5rem;background:#fff;padding:.25rem .5rem}
header{display:flex;flex-wrap:wrap;gap:1.25rem;align-items:center;border-bottom:3px solid #2a6f5b;padding:.5rem 1rem}
header nav{display:flex;gap:1rem}
header a{color:#2a6f5b;font-weight:600;text-decoration:none}
header a[aria-current=page]{text-decoration:underline}
header .who{margin-left:auto;font-size:.85rem;color:#55606a}
header form{margin:0}
main{max-width:78rem;margin:0 auto;padding:0 1rem 3rem}
h1{font-size:1.45rem;margin:1rem 0 .5rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
a{color:#1f5d8a}
:focus-visible{outline:3px solid #d98a00;outline-offset:1px}
tr[data-row]:focus{outline:3px solid #d98a00;background:#fff6e0}
table{border-collapse:collapse;width:100%}
th,td{padding:.35rem .5rem;text-align:left;vertical-align:top;border-bottom:1px solid #e2e6e3}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.03em;color:#55606a}
.tabs{display:flex;gap:.75rem;margin:.5rem 0 1rem}
.tabs a[aria-current=page]{font-weight:700;text-decoration:none;color:#1d2a33}
.tag{display:inline-block;background:#e6efe9;border-radius:.6rem;padding:0 .45rem;margin:0 .2rem .2rem 0;font-size:.78rem}
.tag.event{background:#e8eaf6}.tag.unknown{background:#fbe9e7}
.meta{font-size:.82rem;color:#55606a}
.status{font-weight:600;text-transform:uppercase;font-size:.75rem;padding:.05rem .4rem;border-radius:.3rem;background:#eceff1}
.status.published{background:#e0f2e9;color:#1b5e40}.status.rejected{background:#fbe9e7;color:#8e2b1a}.status.pending{background:#fff3cd;color:#7a5800}
.actions{display:flex;gap:.35rem;flex-wrap:wrap}
.actions form{margin:0}
button{font:inherit;padding:.2rem .6rem;border:1px solid #8a9a93;border-radius:.3rem;background:#fff;cursor:pointer}
button.primary{background:#2a6f5b;border-color:#2a6f5b;color:#fff}
button.danger{border-color:#a33a27;color:#a33a27}
kbd{font:.75rem ui-monospace,monospace;border:1px solid #b6c0bb;border-radius:.2rem;padding:0 .25rem;background:#fff}
form.stack{display:grid;gap:.75rem;max-width:48rem}
form.stack label{display:grid;gap:.2rem;font-weight:600}
form.inline{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap}
input,select,textarea{font:inherit;font-weight:400;padding:.3rem .4rem;border:1px solid #8a9a93;border-radius:.25rem;background:#fff}
textarea{min-height:5rem}
fieldset{border:1px solid #cfd8d3;border-radius:.3rem}
fieldset.checks{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.2rem}
fieldset.checks label{font-weight:400;display:flex;gap:.4rem;align-items:center}
.notice{background:#e0f2e9;border-left:4px solid #2a6f5b;padding:.5rem .75rem;margin:1rem 0}
.problem{background:#fbe9e7;border-left:4px solid #a33a27;padding:.5rem .75rem;margin:1rem 0}
.token{font:1rem ui-monospace,monospace;word-break:break-all;background:#fff;border:1px dashed #2a6f5b;padding:.5rem}
.text{white-space:pre-wrap;max-height:24rem;overflow:auto;background:#fff;border:1px solid #e2e6e3;padding:.75rem}
.grid{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,1fr);gap:2rem}
@media (max-width:60rem){.grid{grid-template-columns:1fr}}
details.keys{margin:1rem 0;font-size:.85rem}
`;

// Plain browser JavaScript (no build step): j/k move between the rows of a list, a key with a
// data-key button in the focused row (or on the page, where there are no rows) presses it.
export const CONSOLE_JS = `
const rows = () => [...document.querySelectorAll('[data-row]')];
const typing = (el) => el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));

function move(step) {
  const list = rows();
  if (list.length === 0) return;
  const at = list.indexOf(document.activeElement?.closest('[data-row]'));
  const next = list[Math.max(0, Math.min(list.length - 1, at < 0 ? 0 : at + step))];
  next.focus();
  next.scrollIntoView({ block: 'nearest' });
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey || typing(document.activeElement)) return;
  if (event.key === 'j' || event.key === 'k') {
    event.preventDefault();
    move(event.key === 'j' ? 1 : -1);
    return;
  }
  const row = document.activeElement?.closest('[data-row]');
  const scope = row ?? (rows().length === 0 ? document : null);
  const target = scope?.querySelector('[data-key="' + CSS.escape(event.key) + '"]');
  if (target) {
    event.preventDefault();
    if (target.matches('input, select, textarea')) target.focus();
    else target.click();
  }
});
`;

/** The tab icon: without one, browsers ask for /favicon.ico and log a 404 on every page. */
export const CONSOLE_ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#2a6f5b"/><path d="M4 12V5l4 4 4-4v7" fill="none" stroke="#fff" stroke-width="1.6"/></svg>`;
