// The frame of every web page: server-rendered, escaped by hono/html, styled inline, loading
// nothing from elsewhere (the Content-Security-Policy says so too).
import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { FEED_FORMATS, type FeedFormat } from '../../core/feeds/render-feed.ts';
import type { FeedLinksOut } from '../schemas.ts';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

export interface PageFrame {
  title: string;
  /** The feeds of what the page lists: announced for autodiscovery and linked. */
  feeds?: FeedLinksOut;
}

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1d2a33;background:#fafaf7}
header,main,footer{max-width:52rem;margin:0 auto;padding:0 1rem}
header{display:flex;gap:1.5rem;align-items:baseline;border-bottom:3px solid #2a6f5b;padding-top:.75rem}
header a{color:#2a6f5b;text-decoration:none;font-weight:600}
h1{font-size:1.6rem;margin:1rem 0 .5rem}
a{color:#1f5d8a}
form.filters{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end;margin:1rem 0}
form.filters label{display:flex;flex-direction:column;font-size:.85rem}
select,input,button{font:inherit;padding:.2rem .4rem}
ol.stories{list-style:none;padding:0}
ol.stories li{margin:0 0 1.25rem}
.meta{font-size:.85rem;color:#55606a}
.tag{display:inline-block;background:#e6efe9;border-radius:.6rem;padding:0 .5rem;margin:0 .25rem .25rem 0;font-size:.8rem;text-decoration:none;color:#1d2a33}
.feeds{font-size:.9rem}
table{border-collapse:collapse}
td,th{padding:.2rem .75rem .2rem 0;text-align:left;vertical-align:top}
svg.chart{width:100%;height:auto;max-height:16rem;background:#fff;border:1px solid #dde3e0}
svg.chart rect{fill:#2a6f5b}
svg.chart text{font:11px system-ui,sans-serif;fill:#55606a}
code,pre{background:#eef1ee;padding:0 .25rem}
footer{margin-top:2rem;padding-bottom:2rem;font-size:.85rem;color:#55606a;border-top:1px solid #dde3e0}
`;

const FEED_ORDER: FeedFormat[] = ['rss', 'atom', 'json'];

export function feedList(feeds: FeedLinksOut): Html {
  return html`<p class="feeds">Follow this list: ${FEED_ORDER.map(
    (f, n) => html`${n ? ' · ' : ''}<a href="${feeds[f]}" type="${FEED_FORMATS[f].contentType.split(';')[0]}">${FEED_FORMATS[f].name}</a>`,
  )}</p>`;
}

function layout(frame: PageFrame, body: Html): Html {
  const alternates = frame.feeds
    ? FEED_ORDER.map(
        (f) =>
          html`<link rel="alternate" type="${FEED_FORMATS[f].contentType.split(';')[0]}" title="${frame.title} (${FEED_FORMATS[f].name})" href="${frame.feeds![f]}">`,
      )
    : [];
  return html`<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${frame.title} · mutuals-news</title>
${alternates}
<style>${STYLE}</style>
</head>
<body>
<header><a href="/">mutuals-news</a><a href="/organisations">Organisations</a><a href="/docs">API</a></header>
<main>
${body}
</main>
<footer>News about UK public service mutuals, gathered from public sources and tagged by machine. <a href="/docs">API and feeds</a>.</footer>
</body>
</html>`;
}

export async function renderPage(frame: PageFrame, body: Html): Promise<string> {
  return String(await layout(frame, body));
}
