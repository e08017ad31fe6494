// Maps the headers of a user's table to the columns a parser needs. Users' spreadsheets carry extra columns,
// reorder them, and pick up stray spaces, BOMs and full-width characters; none of that should matter. A missing
// required header is an error that names it, so the user knows which column to add or rename.

export interface HeaderSpec<K extends string> {
  key: K;
  header: string;
  required: boolean;
  /** other headers users give the same column (图片 for 图样) */
  aliases?: readonly string[];
}

export type HeaderMapping<K extends string> =
  | { ok: true; columns: Record<K, number> }
  | { ok: false; error: string };

/** The form in which two headers are compared: no BOM, NFKC (full-width → half-width), no spaces, no asterisk. */
export function normaliseHeader(header: string): string {
  return header
    .replace(/^\uFEFF/, '')
    .normalize('NFKC')
    .replace(/[\s*]/g, '');
}

/** The normalised names a column of the spec goes by: its header, then its aliases. */
export function headerNames(spec: { header: string; aliases?: readonly string[] | undefined }): string[] {
  return [spec.header, ...(spec.aliases ?? [])].map(normaliseHeader);
}

export function mapHeaders<K extends string>(headers: string[], spec: HeaderSpec<K>[]): HeaderMapping<K> {
  const positions = new Map<string, number[]>();
  headers.forEach((h, i) => {
    const key = normaliseHeader(h);
    if (key) positions.set(key, [...(positions.get(key) ?? []), i]);
  });
  const columns = {} as Record<K, number>;
  const missing: string[] = [];
  for (const column of spec) {
    const { key, header, required } = column;
    // the column's own header first: another name for it counts only when the header itself is absent
    const [own, ...others] = headerNames(column);
    const named = positions.get(own!) ?? [];
    const found = named.length > 0 ? named : others.flatMap((h) => positions.get(h) ?? []);
    if (found.length > 1) {
      const written = [...new Set(found.map((i) => headers[i]!.trim()))].map((h) => `「${h}」`).join('');
      return { ok: false, error: `列「${header}」出现了 ${found.length} 次（${written}），无法确定使用哪一列` };
    }
    if (found.length === 0 && required) missing.push(header);
    columns[key] = found[0] ?? -1;
  }
  if (missing.length > 0) {
    const seen = headers.map((h) => h.trim()).filter(Boolean);
    const shown = seen.length > 12 ? [...seen.slice(0, 12), '…'] : seen;
    return {
      ok: false,
      error: `缺少必需的列${missing.map((m) => `「${m}」`).join('')}（文件中的列：${shown.join('、') || '无'}）`,
    };
  }
  return { ok: true, columns };
}
