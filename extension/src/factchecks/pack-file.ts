// What the reader chose to import: a ready pack, or a file of published
// fact-checks the core builds one from; and the name such a pack gets.

/** The first bytes of every .clpack file (src/verify/pack/mod.rs, MAGIC). */
const PACK_SIGNATURE = [0x89, 0x43, 0x4c, 0x50, 0x41, 0x43, 0x4b, 0x0a];

/** A ready pack (by its signature or its name), rather than a file of published fact-checks to build one from. */
export function isPackFile(fileName: string, bytes: Uint8Array): boolean {
  return fileName.toLowerCase().endsWith('.clpack') || PACK_SIGNATURE.every((byte, i) => bytes[i] === byte);
}

/** A pack name for a file the reader imports: its name, lower case, letters, digits and dashes. */
export function packNameFor(fileName: string): string {
  const stem = fileName.replace(/\.[^.]*$/, '');
  const name = stem
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return name || 'imported';
}
