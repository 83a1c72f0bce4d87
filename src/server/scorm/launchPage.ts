/**
 * index.html, the page the LMS launches: every lesson as a static section (readable even if the
 * runtime never starts), the test's place, and the data the runtime needs. Only relative URLs:
 * the LMS serves the package from a path it chooses.
 */
import { calculatorDescriptionsByLocale } from '../../lib/calculators/descriptions.ts';
import { LANGUAGE_TAG } from '../../lib/i18n/locales.ts';
import type { PackageData } from '../../lib/scorm/packageData.ts';
import { packageText } from '../../lib/scorm/text.ts';
import { markdownToHtml, replaceCalculators } from './lessonHtml.ts';
import type { ModuleSource } from './moduleSource.ts';

/** HTML text and attribute escaping. */
export function escapeHtml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** JSON inside a script element: `<` escaped so no text can close the element. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function launchPage(source: ModuleSource, data: PackageData): string {
  const { locale } = source;
  const text = (key: Parameters<typeof packageText>[1], values?: Record<string, string | number>) => escapeHtml(packageText(locale, key, values));
  const descriptions: Readonly<Record<string, string>> = calculatorDescriptionsByLocale()[locale] ?? {};
  const questions = data.banks.reduce((sum, bank) => sum + Math.min(data.questionsPerLesson, bank.questions.length), 0);
  const lessonSections = source.lessons.map((lesson, index) => {
    const body = lesson.html ?? markdownToHtml(replaceCalculators(lesson.body, (name) => descriptions[name], packageText(locale, 'calculatorNote')));
    const objectives = lesson.objectives.map((objective) => `<li>${escapeHtml(objective)}</li>`).join('');
    const terms = lesson.keyTerms.map((term) => `<dt>${escapeHtml(term.term)}</dt><dd>${escapeHtml(term.definition)}</dd>`).join('');
    const isLast = index === source.lessons.length - 1;
    return `<section class="lesson" id="lesson-${index}" data-lesson="${index}">
<h2>${escapeHtml(lesson.title)}</h2>
${lesson.summary ? `<p class="summary">${escapeHtml(lesson.summary)}</p>` : ''}
<div class="listen" data-listen="${index}"></div>
${objectives ? `<h3>${text('objectives')}</h3><ul>${objectives}</ul>` : ''}
<div class="body">${body}</div>
${terms ? `<h3>${text('keyTerms')}</h3><dl>${terms}</dl>` : ''}
<p class="lesson-end"><a class="button" data-done="${index}" href="${isLast ? '#test' : `#lesson-${index + 1}`}">${text('markDone')}</a></p>
</section>`;
  });
  const contents = source.lessons
    .map((lesson, index) => `<li><a href="#lesson-${index}">${escapeHtml(lesson.title)}</a> <span class="done-mark" data-done-mark="${index}"></span></li>`)
    .join('');
  return `<!doctype html>
<html lang="${LANGUAGE_TAG[locale]}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(source.title)}</title>
<link rel="stylesheet" href="style.css">
<link rel="icon" href="data:,">
</head>
<body>
<header><a href="#home" class="title">${escapeHtml(source.title)}</a><p id="lms-status" role="status"></p></header>
<main>
<section id="home">
<h1>${escapeHtml(source.title)}</h1>
<p>${escapeHtml(source.summary)}</p>
<p>${text('intro', { count: source.lessons.length, questions, mastery: data.masteryPercent })}</p>
<h2>${text('lessons')}</h2>
<ol class="contents">${contents}</ol>
<p><a class="button" href="#test">${text('takeTest')}</a></p>
</section>
${lessonSections.join('\n')}
<section id="test"><h2>${text('test')}</h2><div id="test-body"></div></section>
</main>
<nav class="footer"><a href="#home">${text('home')}</a></nav>
<script type="application/json" id="ltv-package">${scriptJson(data)}</script>
<script src="runtime.js"></script>
</body>
</html>
`;
}

export const PACKAGE_CSS = `
*{box-sizing:border-box}
html{scroll-padding-top:4rem}
body{margin:0;font:16px/1.8 system-ui,"Hiragino Sans","Noto Sans JP",sans-serif;color:#1f2933;background:#fafaf7}
header{background:#12355b;color:#fff;padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
header .title{color:#fff;font-weight:700;text-decoration:none}
#lms-status{margin:0;font-size:.85rem;opacity:.9}
header .exit{margin-left:auto;min-height:36px;padding:.3rem .9rem}
main{max-width:44rem;margin:0 auto;padding:1rem}
section[hidden]{display:none}
.js section:not(.current){display:none}
h1,h2{line-height:1.4}
blockquote{margin:1rem 0;padding:.5rem 1rem;border-left:4px solid #c9a227;background:#fff8e1}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem}
.button,button{display:inline-block;padding:.6rem 1rem;border-radius:.4rem;border:0;background:#12355b;color:#fff;font:inherit;text-decoration:none;cursor:pointer;min-height:44px}
button.secondary{background:#e4e7eb;color:#1f2933}
.done-mark{color:#1a7f37;font-weight:700}
fieldset{border:1px solid #cbd2d9;border-radius:.4rem;margin:1rem 0;padding:.75rem 1rem}
legend{font-weight:700;padding:0 .25rem}
label{display:block;padding:.25rem 0}
.instructions{font-size:.9rem;color:#52606d}
.result{padding:.75rem 1rem;border-radius:.4rem;background:#e3f9e5}
.result.failed{background:#ffe3e3}
.feedback{font-size:.9rem}.feedback li{margin-bottom:1rem}.feedback p{margin:.15rem 0}.feedback__prompt{font-weight:600}.feedback__why{color:#52606d}
.feedback .ok{color:#1a7f37}.feedback .ng{color:#b42318}
nav.footer{max-width:44rem;margin:0 auto;padding:1rem}
`;
