// Where intake submissions are kept: PGlite (real PostgreSQL compiled to WebAssembly, embedded,
// in `dataDir` or in memory), or a PostgreSQL server when DATABASE_URL is set (which needs the
// `pg` package: without it the receiver refuses to start). Both speak the same SQL and the same
// `query(text, params)` API.
import { mkdir } from 'node:fs/promises';

const schemaSql = `
  create table if not exists intake_submissions (
    id text primary key,
    reference text not null unique,
    form text not null,
    idempotency_key text not null,
    body_hash text not null,
    data jsonb not null,
    received_at timestamptz not null default now(),
    unique (form, idempotency_key)
  )`;

async function openPglite(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? new PGlite(dataDir) : new PGlite();
  await db.waitReady;
  return {
    kind: dataDir ? `embedded database in ${dataDir}` : 'embedded in-memory database',
    query: (text, params) => db.query(text, params),
    close: () => db.close(),
  };
}

/**
 * The PostgreSQL client (`pg`), which DATABASE_URL needs. Its absence is a startup error that
 * names the fix, never a silent switch to the embedded database: the answers would then go
 * somewhere the operator does not look.
 */
export async function loadPg() {
  try {
    const pg = await import('pg');
    return pg.default ?? pg;
  } catch (error) {
    if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !/'pg'/.test(String(error.message))) throw error;
    const missing = new Error(
      'DATABASE_URL is set, but the PostgreSQL client package "pg" is not installed. ' +
        'Run `npm install pg` in this project (or unset DATABASE_URL to keep the answers in ' +
        'the embedded database).',
      { cause: error },
    );
    missing.code = 'DANDELION_PG_MISSING';
    throw missing;
  }
}

async function openPostgres(databaseUrl, pg) {
  const Pool = (pg ?? (await loadPg())).Pool;
  const pool = new Pool({ connectionString: databaseUrl, max: 5 });
  return {
    kind: 'PostgreSQL (DATABASE_URL)',
    query: (text, params) => pool.query(text, params),
    close: () => pool.end(),
  };
}

/**
 * @param {{ dataDir?: string, databaseUrl?: string, pg?: unknown }} options `pg`: the client
 *   module, when the caller loaded it already ({@link loadPg})
 */
export async function openStore({ dataDir, databaseUrl, pg } = {}) {
  const db = databaseUrl
    ? await openPostgres(databaseUrl, pg)
    : await openPglite(dataDir ? `${dataDir.replace(/\/$/, '')}/intake` : undefined);
  await db.query(schemaSql);
  console.log(`[intake] submissions are stored in the ${db.kind}`);

  return {
    /**
     * Inserts once per (form, key). Returns the stored row and whether this call created it;
     * a concurrent or repeated insert with the same key gets the first row back.
     */
    async insertOnce({ id, reference, form, key, hash, data }) {
      const inserted = await db.query(
        `insert into intake_submissions (id, reference, form, idempotency_key, body_hash, data)
         values ($1, $2, $3, $4, $5, $6::jsonb)
         on conflict (form, idempotency_key) do nothing
         returning id, reference, body_hash`,
        [id, reference, form, key, hash, JSON.stringify(data)],
      );
      if (inserted.rows.length > 0) return { row: inserted.rows[0], created: true };
      const existing = await db.query(
        `select id, reference, body_hash from intake_submissions
         where form = $1 and idempotency_key = $2`,
        [form, key],
      );
      return { row: existing.rows[0], created: false };
    },
    async referenceTaken(reference) {
      const r = await db.query('select 1 from intake_submissions where reference = $1', [
        reference,
      ]);
      return r.rows.length > 0;
    },
    async list(form, limit = 500) {
      const r = await db.query(
        `select id, reference, idempotency_key, received_at, data from intake_submissions
         where form = $1 order by received_at desc, id limit $2`,
        [form, limit],
      );
      return r.rows.map((row) => ({
        id: row.id,
        reference: row.reference,
        key: row.idempotency_key,
        receivedAt: new Date(row.received_at).toISOString(),
        data: typeof row.data === 'string' ? JSON.parse(row.data) : row.data,
      }));
    },
    close: () => db.close(),
  };
}
