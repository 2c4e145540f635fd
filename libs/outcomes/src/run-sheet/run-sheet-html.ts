import { escapeHtml } from '#core/html/html-escape.js';
import type { RunSheet, RunSheetEntry } from './run-sheet.service.js';
import { RUN_SHEET_WORDS, type RunSheetWords } from './run-sheet-words.js';

/** "11:50–12:10, Friday 18 July 2025 · Asia/Shanghai (UTC+08:00)": the wall clock of the event's zone, and which zone. */
export function runSheetWhen(sheet: RunSheet): { time: string; zone: string } {
  const s = sheet.session;
  return { time: `${s.startTime}–${s.endTime}, ${s.date}`, zone: `${s.timeZone} (${s.utcOffset})` };
}

/** Who signs for whom, party by party (protocol order within a party), as a table the master of ceremonies reads. */
function partiesTable(e: RunSheetEntry, w: RunSheetWords): string {
  if (!e.parties.length) return '';
  const rows = e.parties
    .map((p) => `<tr><td>${escapeHtml(p.name)}</td><td>${escapeHtml(p.country)}</td><td>${p.signatories.length ? p.signatories.map(escapeHtml).join('<br>') : escapeHtml(w.none)}</td></tr>`)
    .join('');
  return `<table class="parties"><thead><tr><th scope="col">${escapeHtml(w.party)}</th><th scope="col">${escapeHtml(w.country)}</th><th scope="col">${escapeHtml(w.signatory)}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function entryPage(sheet: RunSheet, e: RunSheetEntry, w: RunSheetWords): string {
  const when = runSheetWhen(sheet);
  const people = (label: string, names: string[]) => (names.length ? `<p><strong>${escapeHtml(label)}${escapeHtml(w.colon)}</strong>${names.map(escapeHtml).join(escapeHtml(w.separator))}</p>` : '');
  return `<section class="ceremony" id="entry-${e.order}">
<p class="running">${escapeHtml(sheet.session.title)} · ${escapeHtml(when.time)} · ${escapeHtml(when.zone)}</p>
<h2>${e.order}. ${escapeHtml(e.title)}</h2>
<p class="meta">${escapeHtml(e.kindLabel)} · <span class="status status-${escapeHtml(e.status)}">${escapeHtml(e.statusLabel)}</span></p>
${partiesTable(e, w)}${people(w.witnesses, e.witnesses)}${people(w.unveilers, e.unveilers)}
</section>`;
}

/**
 * The run sheet as a page that prints: a first page with the ceremony (its wall-clock time in the event's zone,
 * the zone named) and the order of proceedings, then one page per signing or unveiling, in protocol order, each
 * with the table of who signs for whom and the witnesses. Every word is in the reader's language; every value is
 * escaped (titles and names are typed by people).
 */
export function runSheetHtml(sheet: RunSheet): string {
  const w = RUN_SHEET_WORDS[sheet.language];
  const when = runSheetWhen(sheet);
  const s = sheet.session;
  const order = sheet.entries.length
    ? `<table class="order"><caption>${escapeHtml(w.programme)}</caption><thead><tr><th scope="col">${escapeHtml(w.order)}</th><th scope="col">${escapeHtml(w.item)}</th><th scope="col">${escapeHtml(w.status)}</th></tr></thead><tbody>${sheet.entries
        .map((e) => `<tr><td>${e.order}</td><td><a href="#entry-${e.order}">${escapeHtml(e.title)}</a><br><small>${escapeHtml(e.kindLabel)}</small></td><td>${escapeHtml(e.statusLabel)}</td></tr>`)
        .join('')}</tbody></table>`
    : `<p>${escapeHtml(w.empty)}</p>`;
  return `<!doctype html><html lang="${escapeHtml(w.locale)}"><head><meta charset="utf-8"><title>${escapeHtml(s.title)} — ${escapeHtml(w.heading)}</title>
<style>
body{font-family:"Noto Sans SC","Noto Sans CJK SC","Noto Sans",sans-serif;margin:2cm;color:#111}
table{border-collapse:collapse;width:100%;margin:.5em 0}th,td{border:1px solid #999;padding:.3em .5em;text-align:left;vertical-align:top}
caption{text-align:left;font-weight:bold;padding:.3em 0}.running,.meta{color:#444;font-size:.9em}
section.ceremony{break-before:page;page-break-before:always;page-break-inside:avoid;padding-top:.5em}
@media screen{section.ceremony{border-top:2px solid #999;margin-top:2em}}
@page{size:A4;margin:1.5cm}
</style>
</head><body><header><p class="running">${escapeHtml(sheet.eventName)} · ${escapeHtml(w.heading)}</p><h1>${escapeHtml(s.title)}</h1>
<dl><dt>${escapeHtml(w.time)}</dt><dd><time datetime="${escapeHtml(s.startsAt)}">${escapeHtml(when.time)}</time></dd><dt>${escapeHtml(w.timeZone)}</dt><dd>${escapeHtml(when.zone)}</dd>${
    s.room ? `<dt>${escapeHtml(w.room)}</dt><dd>${escapeHtml(s.room)}</dd>` : ''
  }</dl></header>
${order}
${sheet.entries.map((e) => entryPage(sheet, e, w)).join('\n')}
</body></html>`;
}
