// What the load test must show (issue 11): checked from the server's database and audit log against what the
// clients were told. A decision the server accepted is written exactly once (one audit entry per hit it wrote, no
// two accepted decisions given the same version of a hit), none is lost (each hit's version counts its accepted
// writes and its decision is the last accepted one), a refused decision wrote nothing, and the letter numbers are
// unique and gapless within each year.
import type { DataQueries } from '../../electron/data/queries';
import { LETTER_ENTITY } from '../../electron/letters/store';
import type { LoadRecord } from './clients';

export interface Check {
  name: string;
  ok: boolean;
  detail: string;
}

interface Write {
  version: number;
  decision: string;
  actor: string;
}

function writesByHit(record: LoadRecord): Map<number, Write[]> {
  const writes = new Map<number, Write[]>();
  for (const accepted of record.accepted) {
    for (const { hitId, version } of accepted.versions) {
      const list = writes.get(hitId) ?? [];
      list.push({ version, decision: accepted.decision, actor: accepted.actor });
      writes.set(hitId, list);
    }
  }
  for (const list of writes.values()) list.sort((a, b) => a.version - b.version);
  return writes;
}

const check = (name: string, problems: string[], detail: string): Check => ({
  name,
  ok: problems.length === 0,
  detail: problems.length === 0 ? detail : `${problems.length} problem(s): ${problems.slice(0, 3).join('; ')}`,
});

async function decisionChecks(data: DataQueries, record: LoadRecord): Promise<Check[]> {
  const writes = writesByHit(record);
  const total = [...writes.values()].reduce((n, list) => n + list.length, 0);
  const hits = await data.selectFrom('hits').select(['id', 'decision', 'decided_by', 'version']).where('source', '=', 'filing').execute();
  const audit = await data.selectFrom('audit_log').select(['entity_key as key', 'actor']).where('entity', '=', 'hit').orderBy('id').execute();
  const auditByHit = new Map<number, string[]>();
  for (const entry of audit) auditByHit.set(Number(entry.key), [...(auditByHit.get(Number(entry.key)) ?? []), entry.actor]);

  const duplicated: string[] = [];
  const lost: string[] = [];
  const wrongFinal: string[] = [];
  const auditMismatch: string[] = [];
  for (const hit of hits) {
    const list = writes.get(hit.id) ?? [];
    const versions = list.map((w) => w.version);
    // two accepted decisions given the same version of a hit: one overwrote the other unseen
    if (new Set(versions).size !== versions.length || versions.some((v, i) => v !== i + 1)) duplicated.push(`hit ${hit.id} versions ${versions.join(',')}`);
    if (hit.version !== list.length) lost.push(`hit ${hit.id} at version ${hit.version}, ${list.length} accepted writes`);
    const last = list.at(-1);
    const expected = last ? [last.decision, last.actor] : ['undecided', null];
    if (hit.decision !== expected[0] || hit.decided_by !== expected[1]) wrongFinal.push(`hit ${hit.id} is ${hit.decision} by ${hit.decided_by}, last accepted ${expected.join(' by ')}`);
    const actors = auditByHit.get(hit.id) ?? [];
    if (actors.join('|') !== list.map((w) => w.actor).join('|')) auditMismatch.push(`hit ${hit.id}: audit ${actors.length}, accepted ${list.length}`);
  }
  const known = new Set(hits.map((h) => h.id));
  const strays = [...auditByHit.keys()].filter((id) => !known.has(id)).map((id) => `audit entry for unknown hit ${id}`);
  return [
    check('every accepted decision recorded exactly once (audit entries = accepted writes, per hit and in order)', [...auditMismatch, ...strays], `${audit.length} audit entries = ${total} hit writes by ${record.accepted.length} accepted decisions`),
    check('no two accepted decisions on the same version of a hit (no duplicated or overwritten decision)', duplicated, `${writes.size} hits decided, versions 1…n each`),
    check('no decision lost (each hit\'s version = its accepted writes)', lost, `${hits.length} hits checked`),
    check('final decision of each hit = the last accepted decision on it, by its clerk', wrongFinal, `${hits.length} hits checked`),
    check('conflicts refused without writes', record.conflicts > 0 ? [...auditMismatch, ...lost] : ['no conflict happened: the race was not exercised'], `${record.conflicts} conflicts, none wrote`),
  ];
}

async function letterChecks(data: DataQueries, record: LoadRecord): Promise<Check[]> {
  const issued = await data
    .selectFrom('letters')
    .select(['id', 'year', 'sequence', 'document_number as number', 'issued_by as actor'])
    .where('status', '<>', 'draft')
    // an issued letter has its year and sequence (the schema's CHECK)
    .$narrowType<{ year: number; sequence: number; number: string; actor: string }>()
    .orderBy('year')
    .orderBy('sequence')
    .execute();
  const problems: string[] = [];
  if (new Set(issued.map((l) => l.number)).size !== issued.length) problems.push('a document number appears twice');
  const byYear = new Map<number, number[]>();
  for (const letter of issued) byYear.set(letter.year, [...(byYear.get(letter.year) ?? []), letter.sequence]);
  const sequences = new Map((await data.selectFrom('letter_sequences').select(['year', 'last_number']).execute()).map((s) => [s.year, s.last_number]));
  for (const [year, list] of byYear) {
    if (list.some((s, i) => s !== i + 1)) problems.push(`${year}: sequences ${list.slice(0, 10).join(',')}… not 1…${list.length}`);
    if (sequences.get(year) !== list.length) problems.push(`${year}: sequence at ${sequences.get(year)}, ${list.length} letters issued`);
  }
  const answered = new Map(record.letters.issued.map((l) => [l.id, l]));
  const mismatch = issued.filter((l) => answered.get(l.id)?.documentNumber !== l.number || answered.get(l.id)?.actor !== l.actor);
  if (issued.length !== record.letters.issued.length || mismatch.length > 0) problems.push(`${issued.length} issued in the database, ${record.letters.issued.length} answered as issued`);
  const audited = Number(
    (await data.selectFrom('audit_log').select((eb) => eb.fn.countAll<string | number>().as('n')).where('entity', '=', LETTER_ENTITY).where('action', '=', 'issue').executeTakeFirstOrThrow()).n,
  );
  if (audited !== issued.length) problems.push(`${audited} issue entries in the audit log for ${issued.length} letters`);
  const years = [...byYear.entries()].map(([year, list]) => `${year}: 1…${list.length}`).join(', ');
  return [check('letter numbers unique and gapless per year, each issue answered and audited once', issued.length === 0 ? ['no letter was issued'] : problems, `${issued.length} letters (${years})`)];
}

/**
 * `data`: the server's data, on either store. `letters`: whether 处长 took part (a run without them issues none, and
 * its letter check is left out).
 */
export async function verifyLoad(data: DataQueries, record: LoadRecord, letters = true): Promise<Check[]> {
  return [
    check('no request failed other than the expected conflicts', record.failures, `${Object.values(record.latencies).reduce((n, l) => n + l.length, 0)} requests`),
    ...(await decisionChecks(data, record)),
    ...(letters ? await letterChecks(data, record) : []),
  ];
}
