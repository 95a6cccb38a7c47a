// Just enough of the SQLite file format to aim damage at one b-tree: find a
// table's or index's pages from its root page.
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';

export function pageSize(file: string): number {
  const raw = readFileSync(file).readUInt16BE(16);
  return raw === 1 ? 65536 : raw;
}

/** Every page of the b-tree rooted at `root` (1-based page numbers), root first. */
export function btreePages(file: string, root: number): { interior: number[]; leaves: number[] } {
  const buf = readFileSync(file);
  const size = pageSize(file);
  const interior: number[] = [];
  const leaves: number[] = [];
  const visit = (page: number, depth: number) => {
    if (depth > 20 || page < 1 || page * size > buf.length) return;
    const base = (page - 1) * size;
    const hdr = base + (page === 1 ? 100 : 0);
    const type = buf[hdr];
    if (type === 0x0d || type === 0x0a) {
      leaves.push(page);
      return;
    }
    if (type !== 0x05 && type !== 0x02) return;
    interior.push(page);
    const cells = buf.readUInt16BE(hdr + 3);
    for (let i = 0; i < cells; i += 1) {
      const ptr = buf.readUInt16BE(hdr + 12 + i * 2);
      visit(buf.readUInt32BE(base + ptr), depth + 1);
    }
    visit(buf.readUInt32BE(hdr + 8), depth + 1);
  };
  visit(root, 0);
  return { interior, leaves };
}

/** Overwrite `length` bytes at `offset` inside page `page` with `fill` (a byte or a generator). */
export function damage(file: string, page: number, offset: number, bytes: Buffer): void {
  const size = pageSize(file);
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, (page - 1) * size + offset);
  } finally {
    closeSync(fd);
  }
}

export function writeAt(file: string, position: number, bytes: Buffer): void {
  const fd = openSync(file, 'r+');
  try {
    writeSync(fd, bytes, 0, bytes.length, position);
  } finally {
    closeSync(fd);
  }
}
