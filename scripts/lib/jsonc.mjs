// Parses JSON with // and /* */ comments (the manifest template's format).

/** Removes comments outside string literals, keeping line breaks so JSON errors keep their line numbers. */
export function stripJsonComments(text) {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = endOfString(text, i);
      out += text.slice(i, end);
      i = end - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      if (end < 0) throw new SyntaxError('unterminated /* comment');
      out += text.slice(i, end + 2).replace(/[^\n]/g, '');
      i = end + 1;
    } else {
      out += c;
    }
  }
  return out;
}

/** Index just past the string literal that starts at `start`. */
function endOfString(text, start) {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i + 1;
  }
  throw new SyntaxError('unterminated string');
}

export function parseJsonc(text) {
  return JSON.parse(stripJsonComments(text));
}
