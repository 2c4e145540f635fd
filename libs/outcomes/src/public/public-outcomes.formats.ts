import { writeCsv } from '#core/exports/write-table.js';
import { escapeHtml } from '#core/html/html-escape.js';
import type { PublicOutcome, PublicOutcomeGroup, PublicOutcomes } from './public-outcomes.service.js';

type Row = PublicOutcome & { group: PublicOutcomeGroup };

/** The words of the list itself, in the reader's language (also used by outcomes-pdf.ts). */
export const WORDS = {
  zh: {
    kind: '类型', title: '名称', session: '活动', track: '板块', date: '日期', parties: '参与方', people: '人员', areas: '合作领域', value: '金额',
    completed: '签署或举行时间', amount: '金额（数值）', currency: '币种',
    completedAs: { signed: '签署于', done: '举行于' },
    kinds: { agreement: '协议', unveiling: '揭牌', initiative: '倡议', alliance: '联盟', settlement: '企业入驻', announcement: '发布' },
    heading: '成果清单', total: '成果总数', byKind: '按类型', byCountry: '按国家', byArea: '按合作领域', none: '其他',
  },
  en: {
    kind: 'Kind', title: 'Title', session: 'Session', track: 'Track', date: 'Date', parties: 'Parties', people: 'People', areas: 'Cooperation areas', value: 'Value',
    completed: 'Signed or held', amount: 'Amount (number)', currency: 'Currency',
    completedAs: { signed: 'Signed', done: 'Held' },
    kinds: { agreement: 'Agreement', unveiling: 'Unveiling', initiative: 'Initiative', alliance: 'Alliance', settlement: 'Settlement', announcement: 'Announcement' },
    heading: 'Outcomes', total: 'Outcomes in all', byKind: 'By kind', byCountry: 'By country', byArea: 'By cooperation area', none: 'Other',
  },
  ru: {
    kind: 'Вид', title: 'Название', session: 'Мероприятие', track: 'Направление', date: 'Дата', parties: 'Стороны', people: 'Участники', areas: 'Области сотрудничества', value: 'Сумма',
    completed: 'Подписано или проведено', amount: 'Сумма (число)', currency: 'Валюта',
    completedAs: { signed: 'Подписано', done: 'Проведено' },
    kinds: { agreement: 'Соглашение', unveiling: 'Открытие', initiative: 'Инициатива', alliance: 'Альянс', settlement: 'Размещение предприятий', announcement: 'Объявление' },
    heading: 'Итоги', total: 'Всего итогов', byKind: 'По видам', byCountry: 'По странам', byArea: 'По областям сотрудничества', none: 'Прочее',
  },
} as const;

/** One row per outcome, for spreadsheets; headers and kinds in the reader's language. */
export function outcomesCsv(list: PublicOutcomes): Buffer {
  const w = WORDS[list.language];
  const rows: Row[] = list.groups.flatMap((group) => group.outcomes.map((outcome) => ({ ...outcome, group })));
  return writeCsv<Row>(
    [
      { header: w.kind, value: (r) => w.kinds[r.kind] },
      { header: w.title, value: (r) => r.title },
      { header: w.session, value: (r) => r.group.session?.title ?? null },
      { header: w.track, value: (r) => r.group.track?.name ?? null },
      { header: w.date, value: (r) => r.occurredAt?.slice(0, 10) ?? null },
      { header: w.parties, value: (r) => r.parties.map((p) => `${p.name} (${p.country})`).join('; ') },
      { header: w.people, value: (r) => r.people.map((p) => p.name).join('; ') },
      { header: w.areas, value: (r) => r.areas.map((a) => a.name).join('; ') },
      // The time as the reader writes it, in the event's zone (the zone is named in the JSON form).
      { header: w.completed, value: (r) => r.completed?.text ?? null },
      { header: w.value, value: (r) => r.value?.formatted ?? null },
      // The raw decimal and code too, for a spreadsheet to add up.
      { header: w.amount, value: (r) => r.value?.amount ?? null },
      { header: w.currency, value: (r) => r.value?.currency ?? null },
    ],
    rows,
  );
}

/** A printable page: the outcomes under their sessions, then the counts. */
export function outcomesHtml(list: PublicOutcomes): string {
  const w = WORDS[list.language];
  const h = { title: w.heading, total: w.total, none: w.none };
  const groups = list.groups
    .map((group) => {
      const items = group.outcomes
        .map((o) => {
          const parties = o.parties.map((p) => `${escapeHtml(p.name)} (${escapeHtml(p.country)})`).join(', ');
          const body = o.body ? `<div class="body">${o.body.split(/\n{2,}/).map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</div>` : '';
          const people = o.people.length ? `<br>${escapeHtml(w.people)}: ${o.people.map((p) => escapeHtml(p.name)).join(', ')}` : '';
          const areas = o.areas.length ? `<br>${escapeHtml(w.areas)}: ${o.areas.map((a) => escapeHtml(a.name)).join(', ')}` : '';
          const value = o.value ? `<br>${escapeHtml(w.value)}: <data value="${escapeHtml(o.value.amount)}">${escapeHtml(o.value.formatted)}</data>` : '';
          const completed = o.completed
            ? ` · ${escapeHtml(w.completedAs[o.completed.status])} <time datetime="${escapeHtml(o.completed.localAt)}">${escapeHtml(o.completed.text)}</time>`
            : o.occurredAt
              ? ` · ${escapeHtml(o.occurredAt.slice(0, 10))}`
              : '';
          const meta = `<small>${escapeHtml(w.kinds[o.kind])}${completed}</small>`;
          return `<li>${meta}<br><strong>${escapeHtml(o.title)}</strong>${parties ? `<br>${parties}` : ''}${people}${areas}${value}${o.summary ? `<p>${escapeHtml(o.summary)}</p>` : ''}${body}</li>`;
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
<p>${escapeHtml(h.total)}: ${list.counts.total}</p>${groups}
<section><h2>${escapeHtml(w.byKind)}</h2>${counts(list.counts.byKind, (k) => w.kinds[k as keyof typeof w.kinds] ?? k)}
<h2>${escapeHtml(w.byCountry)}</h2>${counts(list.counts.byCountry, (c) => c)}
<h2>${escapeHtml(w.byArea)}</h2>${counts(list.counts.byArea, (a) => list.areaNames[a] ?? a)}</section></body></html>`;
}

function counts(map: Record<string, number>, label: (key: string) => string): string {
  const rows = Object.entries(map)
    .sort((a, b) => b[1] - a[1])
    .map(([key, n]) => `<tr><td>${escapeHtml(label(key))}</td><td>${n}</td></tr>`)
    .join('');
  return `<table>${rows}</table>`;
}
