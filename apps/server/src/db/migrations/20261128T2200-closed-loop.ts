import { sql, type Kysely } from 'kysely';

// The closed loop on hazards: subjects, checklists, campaigns, inspections, hazards, notices, cases,
// stored files, idempotency keys and Open311 reports.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table files (
      id uuid primary key default gen_random_uuid(),
      sha256 text not null,
      mime text not null,
      size_bytes integer not null,
      storage_key text not null,
      original_name text,
      organisation_id uuid references organisations(id),
      uploaded_by uuid references users(id),
      created_at timestamptz not null default now()
    );

    create table subjects (
      id uuid primary key default gen_random_uuid(),
      type text not null check (type in ('construction_site', 'residential_estate', 'household', 'chemical_enterprise', 'hazmat_carrier', 'public_place')),
      name text not null,
      address text,
      lat double precision check (lat between -90 and 90),
      lon double precision check (lon between -180 and 180),
      organisation_id uuid references organisations(id),
      department_id uuid references organisations(id),
      parent_id uuid references subjects(id),
      responsible_person text,
      contact_phone text,
      created_at timestamptz not null default now()
    );
    create index subjects_type_idx on subjects (type, name);
    create index subjects_organisation_idx on subjects (organisation_id);

    create table checklists (
      id uuid primary key default gen_random_uuid(),
      code text not null,
      version integer not null,
      name text not null,
      subject_types text[] not null,
      catalogue text,
      published_at timestamptz not null default now(),
      unique (code, version)
    );
    create table checklist_items (
      id uuid primary key default gen_random_uuid(),
      checklist_id uuid not null references checklists(id),
      seq integer not null,
      category text not null,
      text text not null,
      clause text,
      major boolean not null default false,
      requires_photo_on_fail boolean not null default true,
      requires_note_on_fail boolean not null default true,
      unique (checklist_id, seq)
    );

    create table campaigns (
      id uuid primary key default gen_random_uuid(),
      name text not null,
      description text,
      starts_on date not null,
      ends_on date not null,
      subject_types text[] not null,
      department_id uuid references organisations(id),
      created_by uuid references users(id),
      created_at timestamptz not null default now(),
      check (ends_on >= starts_on)
    );
    create table campaign_inspectors (
      campaign_id uuid not null references campaigns(id),
      user_id uuid not null references users(id),
      primary key (campaign_id, user_id)
    );

    create table inspections (
      id uuid primary key default gen_random_uuid(),
      campaign_id uuid references campaigns(id),
      subject_id uuid not null references subjects(id),
      checklist_id uuid references checklists(id),
      organisation_id uuid references organisations(id),
      inspected_at timestamptz not null,
      lat double precision,
      lon double precision,
      note text,
      leaflets integer not null default 0,
      created_by uuid references users(id),
      created_at timestamptz not null default now()
    );
    create index inspections_campaign_idx on inspections (campaign_id, subject_id);
    create index inspections_subject_idx on inspections (subject_id, inspected_at);
    create table inspection_inspectors (
      inspection_id uuid not null references inspections(id),
      user_id uuid not null references users(id),
      primary key (inspection_id, user_id)
    );
    create table inspection_answers (
      inspection_id uuid not null references inspections(id),
      item_id uuid not null references checklist_items(id),
      result text not null check (result in ('pass', 'fail', 'na')),
      note text,
      file_ids uuid[] not null default '{}',
      primary key (inspection_id, item_id)
    );

    create table hazards (
      id uuid primary key default gen_random_uuid(),
      code text not null unique,
      source text not null check (source in ('inspection', 'public_report', 'vehicle_alarm', 'self_check')),
      campaign_id uuid references campaigns(id),
      inspection_id uuid references inspections(id),
      subject_id uuid not null references subjects(id),
      subject_type text not null,
      organisation_id uuid references organisations(id),
      department_id uuid references organisations(id),
      level text not null check (level in ('general', 'major')),
      category text not null,
      description text not null,
      location text,
      lat double precision,
      lon double precision,
      checklist_item_id uuid references checklist_items(id),
      clause text,
      catalogue text,
      risk_colour text not null check (risk_colour in ('red', 'orange', 'yellow', 'blue')),
      status text not null check (status in ('found', 'notice_issued', 'rectifying', 'submitted', 'verified', 'closed', 'void')),
      escalation text not null default 'none' check (escalation in ('none', 'listed', 'escalated')),
      deadline timestamptz,
      acceptance_due_at timestamptz,
      recheck_failures integer not null default 0,
      notice_id uuid,
      found_at timestamptz not null,
      found_by uuid references users(id),
      closed_at timestamptz,
      updated_at timestamptz not null default now()
    );
    create index hazards_found_idx on hazards (found_at desc, id);
    create index hazards_status_deadline_idx on hazards (status, deadline);
    create index hazards_campaign_idx on hazards (campaign_id, status);
    create index hazards_subject_idx on hazards (subject_id);
    create index hazards_organisation_idx on hazards (organisation_id, found_at desc);
    create index hazards_department_idx on hazards (department_id, found_at desc);

    create table hazard_files (
      hazard_id uuid not null references hazards(id),
      file_id uuid not null references files(id),
      role text not null check (role in ('before', 'after', 'recheck', 'plan', 'acceptance', 'document')),
      added_at timestamptz not null default now(),
      primary key (hazard_id, file_id)
    );

    create table treatment_plans (
      hazard_id uuid primary key references hazards(id),
      goals text not null,
      measures text not null,
      funding text not null,
      organisation text not null,
      timeline text not null,
      safety_measures text not null,
      updated_by uuid references users(id),
      updated_at timestamptz not null default now()
    );

    create table document_serials (
      kind text not null,
      year integer not null,
      last integer not null,
      primary key (kind, year)
    );

    create table notices (
      id uuid primary key default gen_random_uuid(),
      kind text not null check (kind in ('rectify', 'stop_work')),
      number text not null unique,
      year integer not null,
      serial integer not null,
      subject_id uuid not null references subjects(id),
      organisation_id uuid references organisations(id),
      department_id uuid references organisations(id),
      campaign_id uuid references campaigns(id),
      recipient text not null,
      deadline timestamptz not null,
      stop_work_scope text,
      issued_at timestamptz not null,
      issued_by uuid not null references users(id),
      pdf_file_id uuid references files(id),
      unique (kind, year, serial)
    );
    create index notices_campaign_idx on notices (campaign_id, kind);
    create index notices_organisation_idx on notices (organisation_id);
    create table notice_hazards (
      notice_id uuid not null references notices(id),
      hazard_id uuid not null references hazards(id),
      primary key (notice_id, hazard_id)
    );
    alter table hazards add constraint hazards_notice_fk foreign key (notice_id) references notices(id);

    create table cases (
      id uuid primary key default gen_random_uuid(),
      number text not null unique,
      subject_id uuid not null references subjects(id),
      organisation_id uuid references organisations(id),
      campaign_id uuid references campaigns(id),
      summary text not null,
      status text not null default 'open' check (status in ('open', 'closed')),
      decision text,
      opened_at timestamptz not null,
      opened_by uuid not null references users(id),
      closed_at timestamptz
    );
    create index cases_campaign_idx on cases (campaign_id);
    create table case_hazards (
      case_id uuid not null references cases(id),
      hazard_id uuid not null references hazards(id),
      primary key (case_id, hazard_id)
    );

    create table idempotency_keys (
      key text not null,
      user_id uuid not null references users(id),
      route text not null,
      status integer not null,
      response jsonb not null,
      created_at timestamptz not null default now(),
      primary key (user_id, key)
    );

    create table public_reports (
      id uuid primary key default gen_random_uuid(),
      service_code text not null,
      description text not null,
      address text,
      lat double precision,
      lon double precision,
      media_url text,
      contact text,
      token text not null unique,
      hazard_id uuid references hazards(id),
      status text not null default 'open' check (status in ('open', 'closed')),
      status_notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    );
    create index public_reports_created_idx on public_reports (created_at);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    drop table public_reports; drop table idempotency_keys; drop table case_hazards; drop table cases;
    alter table hazards drop constraint hazards_notice_fk;
    drop table notice_hazards; drop table notices; drop table document_serials; drop table treatment_plans;
    drop table hazard_files; drop table hazards; drop table inspection_answers; drop table inspection_inspectors;
    drop table inspections; drop table campaign_inspectors; drop table campaigns; drop table checklist_items;
    drop table checklists; drop table subjects; drop table files;
  `.execute(db);
}
