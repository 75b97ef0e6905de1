/**
 * A running digest of a trace's lines, so two hosts can show they wrote the same trace without
 * keeping it: two FNV-1a 32-bit lanes with different offsets, 64 bits in all. It is a check of
 * equality between our own runs, not a cryptographic hash.
 */
export class TraceDigest {
  private a = 0x811c9dc5;
  private b = 0x01000193 ^ 0x5bd1e995;
  lines = 0;

  addLine(line: string): void {
    let a = this.a;
    let b = this.b;
    for (let i = 0; i < line.length; i++) {
      const c = line.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    // The newline that ends each line.
    this.a = Math.imul(a ^ 10, 0x01000193) >>> 0;
    this.b = (Math.imul(b ^ 10, 0x01000193) ^ (b >>> 15)) >>> 0;
    this.lines++;
  }

  get hex(): string {
    return this.a.toString(16).padStart(8, '0') + this.b.toString(16).padStart(8, '0');
  }
}

export function digestOfLines(lines: readonly string[]): string {
  const d = new TraceDigest();
  for (const line of lines) d.addLine(line);
  return d.hex;
}
