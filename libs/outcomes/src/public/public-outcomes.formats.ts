import { writeCsv } from '#registration/exports/write-table.js';
import { escapeHtml } from '../html-escape.js';
import type { PublicOutcome, PublicOutcomeGroup, PublicOutcomes } from './public-outcomes.service.js';

type Row = PublicOutcome & { group: PublicOutcomeGroup };

/** One row per outcome, for spreadsheets. */
export function outcomesCsv(list: PublicOutcomes): Buffer {
  const rows: Row[] = list.groups.flatMap((group) => group.outcomes.map((outcome) => ({ ...outcome, group })));
  return writeCsv<Row>(
    [
      { header: 'kind', value: (r) => r.kind },
      { header: 'title', value: (r) => r.title },
      { header: 'session', value: (r) => r.group.session?.title ?? null },
      { header: 'track', value: (r) => r.group.track?.name ?? null },
      { header: 'date', value: (r) => r.occurredAt },
      { header: 'parties', value: (r) => r.parties.map((p) => `${p.name} (${p.country})`).join('; ') },
      { header: 'people', value: (r) => r.people.map((p) => p.name).join('; ') },
      { header: 'areas', value: (r) => r.areas.map((a) => a.name).join('; ') },
      { header: 'value', value: (r) => (r.value ? `${r.value.amount} ${r.value.currency}` : null) },
    ],
    rows,
  );
}

const HEADINGS = {
  zh: { title: '成果清单', total: '成果总数', none: '其他' },
  en: { title: 'Outcomes', total: 'Outcomes in all', none: 'Other' },
  ru: { title: 'Итоги', total: 'Всего итогов', none: 'Прочее' },
} as const;

/** A printable page: the outcomes under their sessions, then the counts. */
export function outcomesHtml(list: PublicOutcomes): string {
  const h = HEADINGS[list.language];
  const groups = list.groups
    .map((group) => {
      const items = group.outcomes
        .map((o) => {
          const parties = o.parties.map((p) => `${escapeHtml(p.name)} (${escapeHtml(p.country)})`).join(', ');
          const body = o.body ? `<div class="body">${o.body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>` : '';
          return `<li><strong>${escapeHtml(o.title)}</strong>${parties ? `<br>${parties}` : ''}${o.summary ? `<p>${escapeHtml(o.summary)}</p>` : ''}${body}</li>`;
        })
        .join('');
      const heading = group.session ? escapeHtml(group.session.title) : escapeHtml(h.none);
      const track = group.track ? ` <small style="color:${escapeHtml(group.track.colour)}">${escapeHtml(group.track.name)}</small>` : '';
      return `<section><h2>${heading}${track}</h2><ol>${items}</ol></section>`;
    })
    .join('\n');
  return `<!doctype html><html lang="${list.language}"><head><meta charset="utf-8"><title>${escapeHtml(list.event.name)} — ${escapeHtml(h.title)}</title>
<style>body{font-family:"Noto Sans SC","Noto Sans",sans-serif;margin:2cm}section{page-break-inside:avoid}li{margin:.5em 0}</style>
</head><body><h1>${escapeHtml(list.event.name)}</h1><h2>${escapeHtml(h.title)}</h2>
<p>${escapeHtml(h.total)}: ${list.counts.total}</p>${groups}</body></html>`;
}
