import { type Kysely, sql } from 'kysely';
import type { StoreKind } from '../database.ts';

/**
 * The case engine: cases of every kind, their timeline, reporters, photos, follow-ups, extension
 * requests, idempotency keys, case numbers, the KPI roll-ups (case_stats), staff classifier corrections,
 * in-app notifications and the webhook outbox. Frozen: later changes go into new migrations.
 */
export async function up(db: Kysely<any>, store: StoreKind): Promise<void> {
  const isPg = store === 'postgres';
  const pathType = isPg ? sql`text collate "C"` : sql`text`;
  const double = sql`double precision`;

  await db.schema
    .createTable('photos')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('original_format', 'text', (c) => c.notNull())
    .addColumn('exif_lng', double)
    .addColumn('exif_lat', double)
    .addColumn('taken_at', 'text')
    .addColumn('uploaded_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('nature', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('category_source', 'text')
    .addColumn('category_confidence', double)
    .addColumn('needs_review', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('lng', double, (c) => c.notNull())
    .addColumn('lat', double, (c) => c.notNull())
    .addColumn('address', 'text')
    .addColumn('compound_id', 'text')
    .addColumn('grid_id', 'text')
    .addColumn('community_id', 'text')
    .addColumn('police_beat_id', 'text')
    .addColumn('outside_grid', 'integer', (c) => c.notNull().defaultTo(0))
    // Where the case sits in the org tree (its grid, or the nearest community when outside every grid).
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('tier', 'integer', (c) => c.notNull())
    .addColumn('handler_node_id', 'text')
    .addColumn('handler_path', pathType)
    .addColumn('handler_staff_id', 'text')
    .addColumn('reporter_account_id', 'text')
    .addColumn('reporter_resident_id', 'text')
    .addColumn('reporter_name', 'text')
    .addColumn('reporter_phone', 'text')
    .addColumn('contact_preference', 'text', (c) => c.notNull())
    .addColumn('anonymous', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('proxy_consent', 'text')
    .addColumn('created_by', 'text')
    .addColumn('is_public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('kind_data', 'text')
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addColumn('reported_day', 'text', (c) => c.notNull())
    .addColumn('respond_by', 'text', (c) => c.notNull())
    .addColumn('resolve_by', 'text', (c) => c.notNull())
    .addColumn('accepted_at', 'text')
    .addColumn('resolved_at', 'text')
    .addColumn('resolved_tier', 'integer')
    .addColumn('resolution', 'text')
    .addColumn('closed_at', 'text')
    .addColumn('suspended_at', 'text')
    .addColumn('overdue_at', 'text')
    .addColumn('escalated_auto_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('rework_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reporter_count', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('merged_into_id', 'text')
    .addColumn('duplicate_candidate_id', 'text')
    .addColumn('repeat_of_id', 'text')
    // The case's current contribution to each cohort figure (see cases/figures.ts); the roll-ups are their sums.
    .addColumn('contributions', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cases_path_reported').on('cases').columns(['path', 'reported_at']).execute();
  await db.schema.createIndex('cases_handler').on('cases').columns(['handler_path', 'state']).execute();
  await db.schema.createIndex('cases_state_resolve_by').on('cases').columns(['state', 'resolve_by']).execute();
  await db.schema.createIndex('cases_category_reported').on('cases').columns(['category', 'reported_at']).execute();
  await db.schema.createIndex('cases_reporter').on('cases').columns(['reporter_account_id', 'reported_at']).execute();
  await db.schema.createIndex('cases_lat').on('cases').columns(['lat', 'lng']).execute();

  await db.schema
    .createTable('case_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor_account_id', 'text')
    .addColumn('actor_label', 'text', (c) => c.notNull())
    .addColumn('from_state', 'text')
    .addColumn('to_state', 'text')
    .addColumn('from_handler', 'text')
    .addColumn('to_handler', 'text')
    .addColumn('reason', 'text')
    .addColumn('data', 'text')
    .addColumn('public_note', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // One event per position in a case's timeline: a racing second writer cannot slip in a double event.
  await db.schema.createIndex('case_events_case_seq').on('case_events').columns(['case_id', 'seq']).unique().execute();

  await db.schema
    .createTable('case_reporters')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('reporter_key', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text')
    .addColumn('resident_id', 'text')
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('source_case_id', 'text', (c) => c.notNull())
    .addColumn('reported_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_reporters_pk', ['case_id', 'reporter_key'])
    .execute();
  await db.schema.createIndex('case_reporters_account').on('case_reporters').column('account_id').execute();

  await db.schema
    .createTable('case_photos')
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('photo_id', 'text', (c) => c.notNull().references('photos.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('released', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('case_photos_pk', ['case_id', 'photo_id', 'role'])
    .execute();

  await db.schema
    .createTable('follow_ups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('path', pathType, (c) => c.notNull())
    .addColumn('by_account_id', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('reached', 'integer', (c) => c.notNull())
    .addColumn('contacted_in_time', 'integer')
    .addColumn('solved', 'integer')
    .addColumn('satisfaction', 'text')
    .addColumn('comment', 'text')
    .execute();
  await db.schema.createIndex('follow_ups_case').on('follow_ups').column('case_id').execute();
  await db.schema.createIndex('follow_ups_path_day').on('follow_ups').columns(['path', 'day']).execute();

  await db.schema
    .createTable('extension_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('cases.id'))
    .addColumn('requested_by', 'text')
    .addColumn('requested_at', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'text')
    .addColumn('decided_at', 'text')
    .addColumn('decision_note', 'text')
    .execute();
  await db.schema.createIndex('extension_requests_case').on('extension_requests').columns(['case_id', 'state']).execute();

  await db.schema
    .createTable('idempotency_keys')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('case_numbers')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('last', 'integer', (c) => c.notNull())
    .execute();

  // KPI roll-ups: one counter per org node (every ancestor of the case), local day, kind, category, channel and metric.
  await db.schema
    .createTable('case_stats')
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('value', double, (c) => c.notNull())
    .addPrimaryKeyConstraint('case_stats_pk', ['node_id', 'day', 'metric', 'kind', 'category', 'channel'])
    .execute();

  await db.schema
    .createTable('classifier_examples')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('account_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('data', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();
  await db.schema.createIndex('notifications_account').on('notifications').columns(['account_id', 'created_at']).execute();

  await db.schema
    .createTable('webhooks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('secret', 'text', (c) => c.notNull())
    .addColumn('events', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Outbox: written in the same transaction as the change, delivered after commit, retried until done.
  await db.schema
    .createTable('webhook_deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('webhook_id', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('delivered_at', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('webhook_deliveries_due').on('webhook_deliveries').columns(['delivered_at', 'next_attempt_at']).execute();

  if (isPg) {
    await sql`create index cases_search on cases using gin (to_tsvector('simple', search_text))`.execute(db);
  } else {
    await sql`create virtual table cases_fts using fts5(search_text, content='cases', content_rowid='rowid', tokenize='unicode61')`.execute(db);
    await sql`create trigger cases_fts_insert after insert on cases begin insert into cases_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
    await sql`create trigger cases_fts_delete after delete on cases begin insert into cases_fts(cases_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); end`.execute(db);
    await sql`create trigger cases_fts_update after update of search_text on cases begin insert into cases_fts(cases_fts, rowid, search_text) values ('delete', old.rowid, old.search_text); insert into cases_fts(rowid, search_text) values (new.rowid, new.search_text); end`.execute(db);
  }
}
