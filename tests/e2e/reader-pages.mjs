// Versions of the sample article laid out the way real news pages are, for
// the reader's-experience tests (reader-experience-scenario.mjs): links inside
// claims, a sticky header, and a right-to-left site around an English
// article. Written next to the other variants; served under /variants/.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where a link in a claim leads: a page of the test server. */
export const LINK_TARGET = '/pages/no-article.html';

/** Text inside a claim that the "linked" variants make a link, as news sites do mid-sentence. */
export const LINKED_TEXTS = ['$48 million barrier', 'March 2024 flood'];

export const READER_PAGE_PATHS = {
  linked: '/variants/linked/article.html',
  sticky: '/variants/sticky/article.html',
  rtl: '/variants/rtl/article.html',
};

/** A site header that stays on screen and stacks above everything the page has. */
const STICKY_HEADER_CSS =
  '<style>.masthead { position: sticky; top: 0; z-index: 2147483647; background: #fff; min-height: 96px; box-shadow: 0 2px 6px rgb(0 0 0 / 0.2); }</style>';

/** Writes the variants of `sampleDir`'s article into `dir`. */
export function writeReaderPages(sampleDir, dir) {
  const html = readFileSync(join(sampleDir, 'article.html'), 'utf8');
  let linked = html;
  for (const text of LINKED_TEXTS) {
    linked = replaceOnce(linked, text, `<a href="${LINK_TARGET}">${text}</a>`);
  }
  const variants = {
    linked,
    sticky: replaceOnce(linked, '</head>', `${STICKY_HEADER_CSS}\n</head>`),
    // An Arabic-language site (right to left) that carries one English article.
    rtl: replaceOnce(
      replaceOnce(
        replaceOnce(linked, '<html lang="en">', '<html lang="ar" dir="rtl">'),
        '<article class="story">',
        '<article class="story" lang="en" dir="ltr">',
      ),
      '<nav aria-label="Sections">',
      '<p class="site-tagline">أخبار المدينة والسياسة والاقتصاد كل يوم</p>\n    <nav aria-label="Sections">',
    ),
  };
  for (const [name, text] of Object.entries(variants)) {
    mkdirSync(join(dir, name), { recursive: true });
    writeFileSync(join(dir, name, 'article.html'), text);
    copyFileSync(join(sampleDir, 'article.css'), join(dir, name, 'article.css'));
  }
}

function replaceOnce(text, pattern, replacement) {
  const result = text.replace(pattern, replacement);
  if (result === text) {
    throw new Error(`reader page: ${pattern} is not in the sample article any more; update tests/e2e/reader-pages.mjs`);
  }
  return result;
}
