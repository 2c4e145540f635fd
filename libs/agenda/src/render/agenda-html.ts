/**
 * An agenda as one self-contained HTML page: no scripts, no external files, styles inline, so it can be served,
 * mailed, saved or printed (A4, sessions never split across pages) as it is.
 */
import { escapeHtml } from '#core/html/html-escape.js';
import type { PublicSessionDto } from '#programme/index.js';
import type { AgendaInput } from './agenda-input.js';
import {
  agendaDays, agendaHeading, type DetailLine, detailLines, releaseLine, timeRange, timesNote, wordsFor,
} from './agenda-text.js';

const STYLE = `
@page { size: A4; margin: 16mm 15mm 18mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", system-ui, sans-serif;
  font-size: 11pt; line-height: 1.45; color: #111; background: #fff; margin: 0 auto; max-width: 52rem; padding: 1.5rem; }
html:lang(zh) body { font-family: "Noto Sans SC", "PingFang SC", "Microsoft YaHei", "Noto Sans", system-ui, sans-serif; }
header .event { margin: 0; color: #555; }
h1 { font-size: 1.7em; margin: .1em 0 .3em; }
header .note { margin: 0 0 1em; color: #555; font-size: .9em; }
h2 { font-size: 1.2em; margin: 1.4em 0 .2em; padding-bottom: .2em; border-bottom: 2px solid #111; break-after: avoid; page-break-after: avoid; }
.session { display: grid; grid-template-columns: 8.5em 1fr; gap: 0 1em; padding: .6em 0; border-bottom: 1px solid #ddd;
  break-inside: avoid; page-break-inside: avoid; }
.time { margin: 0; font-weight: 700; font-variant-numeric: tabular-nums; white-space: nowrap; }
h3 { font-size: 1.05em; margin: 0 0 .25em; }
.kind-break h3 { font-weight: 400; color: #555; }
dl { margin: 0; display: grid; grid-template-columns: max-content 1fr; gap: .1em .8em; font-size: .9em; }
dl > div { display: contents; } /* each label and value on one row of the dl's grid */
dt { color: #666; }
dd { margin: 0; }
dd ul { list-style: none; margin: 0; padding: 0; }
.swatch { display: inline-block; width: .8em; height: .8em; margin-right: .4em; border-radius: 2px; vertical-align: -.05em;
  -webkit-print-color-adjust: exact; print-color-adjust: exact; }
.empty { color: #555; }
footer { margin-top: 2em; color: #666; font-size: .8em; }
@media (max-width: 36rem) { .session { grid-template-columns: 1fr; } }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
}
`;

export function agendaHtml(programme: AgendaInput): string {
  const w = wordsFor(programme);
  const heading = agendaHeading(programme);
  const days = agendaDays(programme);
  const body = days.length
    ? days
        .map((d) => `<section class="day" id="day-${escapeHtml(d.day)}">\n<h2>${escapeHtml(d.title)}</h2>\n${d.sessions.map((s) => sessionHtml(programme, s)).join('\n')}\n</section>`)
        .join('\n')
    : `<p class="empty">${escapeHtml(w.noSessions)}</p>`;
  return `<!doctype html>
<html lang="${escapeHtml(w.htmlLang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(programme.event.name)} — ${escapeHtml(heading)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<p class="event">${escapeHtml(programme.event.name)}</p>
<h1>${escapeHtml(heading)}</h1>
<p class="note">${escapeHtml(timesNote(programme))}</p>
</header>
<main>
${body}
</main>
<footer>${escapeHtml(releaseLine(programme))}</footer>
</body>
</html>
`;
}

function sessionHtml(programme: AgendaInput, s: PublicSessionDto): string {
  const details = detailLines(programme, s)
    .map((line) => `<div class="${line.key}"><dt>${escapeHtml(line.label)}</dt><dd>${detailHtml(programme, line)}</dd></div>`)
    .join('');
  return `<article class="session kind-${escapeHtml(s.kind)}" id="session-${escapeHtml(s.id)}">
<p class="time"><time datetime="${escapeHtml(s.startsAt)}">${escapeHtml(timeRange(programme, s))}</time></p>
<div><h3>${escapeHtml(s.title)}</h3>${details ? `<dl>${details}</dl>` : ''}</div>
</article>`;
}

function detailHtml(programme: AgendaInput, line: DetailLine): string {
  if (line.stacked) return `<ul>${line.items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  const text = escapeHtml(line.items.join(wordsFor(programme).separator));
  // safeColour let only #rgb / #rrggbb through: nothing else can reach the style attribute.
  return line.colour ? `<span class="swatch" style="background-color:${line.colour}"></span>${text}` : text;
}
