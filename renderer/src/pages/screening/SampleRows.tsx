/** The first rows of a file as they were read, under the file's own headers. */
export function SampleRows({ headers, rows }: { headers: readonly string[]; rows: readonly (readonly string[])[] }) {
  if (rows.length === 0) return <p className="muted">文件中没有数据行。</p>;
  return (
    <div className="sample-list sample-rows">
      <table>
        <thead>
          <tr>{headers.map((h, i) => <th key={i}>{h}</th>)}</tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={r}>
              {headers.map((_, c) => <td key={c} title={row[c]}>{row[c]}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
