import { sql, type Kysely } from 'kysely';

// The ledger pages newest first within a campaign or a subject, and campaign figures read a campaign's hazards
// from an index alone (index-only scan), however many hazards the campaign has.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create index hazards_campaign_found_idx on hazards (campaign_id, found_at desc, id desc);
    create index hazards_subject_found_idx on hazards (subject_id, found_at desc, id desc);
    create index hazards_campaign_stats_idx on hazards (campaign_id, subject_type) include (status, level, deadline, found_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index hazards_campaign_found_idx; drop index hazards_subject_found_idx; drop index hazards_campaign_stats_idx;`.execute(db);
}
