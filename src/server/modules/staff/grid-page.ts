import type { Locale } from '../../http/errors.ts';
import type { GridCard } from './contact-card.ts';
import { escapeXml as escape } from './contact-card.ts';
import { publicMessages } from './public-messages.ts';

// Large type and big tap targets: elderly residents open this page from the QR on their door card.
const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:18px/1.5 'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',sans-serif;color:#222;background:#f6f6f6}
header{background:#c8161d;color:#fff;padding:16px 20px}
header h1{margin:0;font-size:26px}
header p{margin:4px 0 0;font-size:17px;opacity:.9}
main{max-width:560px;margin:0 auto;padding:12px 16px 24px}
h2{font-size:19px;color:#c8161d;margin:16px 4px 8px}
ul{list-style:none;margin:0;padding:0}
li{display:flex;align-items:center;gap:12px;background:#fff;border-radius:10px;padding:12px 14px;margin-bottom:10px;box-shadow:0 1px 2px rgba(0,0,0,.08)}
.who{flex:1;min-width:0}
.role{display:block;font-size:15px;color:#c8161d}
.name{display:block;font-size:21px;font-weight:bold}
.tel{flex:none;display:inline-block;padding:10px 14px;border-radius:8px;background:#c8161d;color:#fff;text-decoration:none;font-size:18px;white-space:nowrap}
.none{color:#888;font-size:16px}
.slogan{text-align:center;color:#c8161d;font-weight:bold;font-size:20px;margin:20px 0 4px}
footer{text-align:center;font-size:15px;color:#666;padding:8px 16px 24px}
footer a{color:#c8161d;margin:0 8px}
`.trim();

/** The page a grid's QR code opens (网格主页): its contacts with tap-to-call links, in zh-CN or English. */
export function renderGridPage(card: GridCard, locale: Locale): string {
  const m = publicMessages(locale);
  const place = [card.street, card.community].filter((s): s is string => !!s).join(' · ');
  const langQuery = locale === 'en' ? '?lang=en' : '';
  const cardUrl = `/api/v1/grids/${encodeURIComponent(card.grid.code)}/contact-card${langQuery}`;
  const otherUrl = `/grid/${encodeURIComponent(card.grid.code)}?lang=${m.otherLanguageCode}`;
  const items = card.contacts.map((c) => {
    const call = c.workPhone
      ? `<a class="tel" href="tel:${escape(c.workPhone)}" aria-label="${escape(`${m.call} ${c.name} ${c.workPhone}`)}">${escape(c.workPhone)}</a>`
      : `<span class="none">${escape(m.noPhone)}</span>`;
    return `<li><span class="who"><span class="role">${escape(c.roleLabel)}</span><span class="name">${escape(c.name)}</span></span>${call}</li>`;
  });
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(m.pageTitle(card.grid.name))}</title>
<style>${STYLE}</style>
</head>
<body>
<header><h1>${escape(card.grid.name)}</h1>${place ? `<p>${escape(place)}</p>` : ''}</header>
<main>
<h2>${escape(m.contactsHeading)}</h2>
${items.length ? `<ul>\n${items.join('\n')}\n</ul>` : `<p class="none">${escape(m.noContacts)}</p>`}
<p class="slogan">${escape(m.slogan)}</p>
</main>
<footer><a href="${escape(cardUrl)}">${escape(m.printCard)}</a><a href="${escape(otherUrl)}" lang="${m.otherLanguageCode}">${escape(m.otherLanguage)}</a><br>${escape(m.footer)}</footer>
</body>
</html>
`;
}

/** A page for a QR code whose grid is gone: the refusal in the reader's language, still a readable page. */
export function renderGridNotFoundPage(message: string, locale: Locale): string {
  return `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(message)}</title>
<style>${STYLE}</style>
</head>
<body>
<main><p class="slogan">${escape(message)}</p></main>
</body>
</html>
`;
}
