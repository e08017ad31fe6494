// The speed floor of a screen: reading, decoding and splitting the batch CSV with the same reader the screen uses,
// and nothing else. Bundled to out/read-floor.cjs (used by bench/); prints one JSON line {rows, seconds}.
import { openTable } from '../tabular';

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) throw new Error('usage: bench-floor FILE.csv');
  const started = process.hrtime.bigint();
  const table = await openTable(file);
  let rows = 0;
  let cells = 0;
  for await (const row of table.rows) {
    rows++;
    cells += row.cells.length;
  }
  await table.close();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ rows, cells, seconds }) + '\n');
}

main().catch((error: unknown) => {
  process.stderr.write(String(error) + '\n');
  process.exitCode = 2;
});
