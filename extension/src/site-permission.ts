// The optional host permission that "always annotate" asks for, one per host
// (any scheme, any port): requested by the panel, used and revoked by the background.

export function originPattern(host: string): string {
  return `*://${host}/*`;
}

/** The host of a pattern made by `originPattern`, or null for any other pattern. */
export function hostOfPattern(pattern: string): string | null {
  const match = /^\*:\/\/([^/*]+)\/\*$/.exec(pattern);
  return match ? match[1] : null;
}
