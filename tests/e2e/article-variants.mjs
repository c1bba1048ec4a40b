// Later versions of the sample article, for the reader's-notes tests: the
// same story at the same canonical URL, as a site would serve it after an
// edit. Written into a temporary directory the test server serves as /variants/.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The claim the tests put a note on: it stays word for word in "shifted" and is gone from "orphaned". */
export const NOTED_CLAIM = 'The price is about a third higher than the $36 million estimate the council was given in 2023.';

/** A paragraph inserted at the top of the story: every later offset moves. */
export const INSERTED_PARAGRAPH =
  'Editor’s note: this story was updated on November 19 with the final vote count and a response from the regional water authority.';

export const VARIANT_PATHS = {
  shifted: '/variants/shifted/article.html',
  orphaned: '/variants/orphaned/article.html',
};

/** Writes the variants of `sampleDir`'s article into `dir`. */
export function writeArticleVariants(sampleDir, dir) {
  const html = readFileSync(join(sampleDir, 'article.html'), 'utf8');
  const variants = {
    shifted: replaceOnce(html, '<div class="story-body">', `<div class="story-body">\n        <p>${INSERTED_PARAGRAPH}</p>\n`),
    // The noted sentence removed; the rest of its paragraph stays.
    orphaned: replaceOnce(html, /The price is about a third higher than the \$36 million estimate the council was given in 2023\.\s+/, ''),
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
    throw new Error(`article variant: ${pattern} is not in the sample article any more; update tests/e2e/article-variants.mjs`);
  }
  return result;
}
