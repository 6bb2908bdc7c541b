#include "store/Migrations.h"

namespace centrale {

const QList<QStringList> &schemaMigrations()
{
    static const QList<QStringList> migrations = {
        // 1: the first schema.
        {
            QStringLiteral(R"(CREATE TABLE organisation (
                id TEXT PRIMARY KEY, domain TEXT NOT NULL UNIQUE COLLATE NOCASE, name TEXT NOT NULL,
                language TEXT NOT NULL, main_number TEXT NOT NULL DEFAULT '', settings TEXT NOT NULL DEFAULT '{}',
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral(R"(CREATE TABLE user_group (
                id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT NOT NULL DEFAULT '',
                settings TEXT NOT NULL DEFAULT '{}',
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral(R"(CREATE TABLE app_user (
                id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE COLLATE NOCASE,
                first_name TEXT NOT NULL, last_name TEXT NOT NULL, email TEXT NOT NULL DEFAULT '',
                mobile TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT 'fr',
                settings TEXT NOT NULL DEFAULT '{}', pin_hash TEXT NOT NULL DEFAULT '', photo BLOB,
                sort_last TEXT NOT NULL DEFAULT '', sort_first TEXT NOT NULL DEFAULT '', search_key TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX app_user_last_name ON app_user(sort_last, sort_first)"),
            QStringLiteral("CREATE INDEX app_user_first_name ON app_user(sort_first, sort_last)"),
            QStringLiteral("CREATE INDEX app_user_mobile ON app_user(mobile)"),
            QStringLiteral(R"(CREATE TABLE group_member (
                user_id TEXT NOT NULL REFERENCES app_user(id) ON DELETE CASCADE,
                group_id TEXT NOT NULL REFERENCES user_group(id) ON DELETE RESTRICT,
                position INTEGER NOT NULL, PRIMARY KEY (user_id, group_id)))"),
            QStringLiteral("CREATE INDEX group_member_group ON group_member(group_id)"),
            QStringLiteral(R"(CREATE TABLE function_number (
                id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
                default_state TEXT NOT NULL DEFAULT 'closed' CHECK (default_state IN ('open','closed')),
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral(R"(CREATE TABLE pool_number (
                id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE,
                user_id TEXT UNIQUE REFERENCES app_user(id) ON DELETE SET NULL,
                function_id TEXT UNIQUE REFERENCES function_number(id) ON DELETE SET NULL,
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0,
                CHECK (user_id IS NULL OR function_id IS NULL)))"),
            QStringLiteral(R"(CREATE TABLE contact (
                id TEXT PRIMARY KEY, scope TEXT NOT NULL CHECK (scope IN ('organisation','group','user')),
                group_id TEXT REFERENCES user_group(id) ON DELETE CASCADE,
                user_id TEXT REFERENCES app_user(id) ON DELETE CASCADE,
                first_name TEXT NOT NULL DEFAULT '', last_name TEXT NOT NULL DEFAULT '', company TEXT NOT NULL DEFAULT '',
                email TEXT NOT NULL DEFAULT '', numbers TEXT NOT NULL DEFAULT '[]',
                sort_name TEXT NOT NULL DEFAULT '', search_key TEXT NOT NULL DEFAULT '',
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0,
                CHECK ((scope = 'organisation' AND group_id IS NULL AND user_id IS NULL)
                    OR (scope = 'group' AND group_id IS NOT NULL AND user_id IS NULL)
                    OR (scope = 'user' AND user_id IS NOT NULL AND group_id IS NULL))))"),
            QStringLiteral("CREATE INDEX contact_group ON contact(group_id) WHERE group_id IS NOT NULL"),
            QStringLiteral("CREATE INDEX contact_user ON contact(user_id) WHERE user_id IS NOT NULL"),
            QStringLiteral("CREATE INDEX contact_scope_name ON contact(scope, sort_name)"),
            QStringLiteral("CREATE INDEX contact_name ON contact(sort_name)"),
            QStringLiteral(R"(CREATE TABLE voice_prompt (
                id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, description TEXT NOT NULL DEFAULT '',
                duration_ms INTEGER NOT NULL DEFAULT 0, origin TEXT NOT NULL DEFAULT 'imported',
                source_file TEXT NOT NULL DEFAULT '', peak_dbfs REAL NOT NULL DEFAULT 0, rms_dbfs REAL NOT NULL DEFAULT 0,
                audio BLOB,
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral(R"(CREATE TABLE schedule_event (
                id TEXT PRIMARY KEY,
                function_id TEXT NOT NULL REFERENCES function_number(id) ON DELETE CASCADE,
                position INTEGER NOT NULL, title TEXT NOT NULL,
                state TEXT NOT NULL CHECK (state IN ('open','closed')),
                prompt_id TEXT REFERENCES voice_prompt(id) ON DELETE RESTRICT,
                start_local TEXT NOT NULL, end_local TEXT NOT NULL, all_day INTEGER NOT NULL DEFAULT 0,
                rrule TEXT NOT NULL DEFAULT '', exceptions TEXT NOT NULL DEFAULT '[]',
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX schedule_event_function ON schedule_event(function_id, position)"),
            QStringLiteral("CREATE INDEX schedule_event_prompt ON schedule_event(prompt_id) WHERE prompt_id IS NOT NULL"),
            QStringLiteral(R"(CREATE TABLE sip_phone (
                id TEXT PRIMARY KEY, mac TEXT NOT NULL UNIQUE, model TEXT NOT NULL,
                owner_id TEXT REFERENCES app_user(id) ON DELETE SET NULL,
                keys TEXT NOT NULL DEFAULT '[]', pending_push INTEGER NOT NULL DEFAULT 0,
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral("CREATE INDEX sip_phone_owner ON sip_phone(owner_id)"),
            QStringLiteral(R"(CREATE TABLE outbox (
                seq INTEGER PRIMARY KEY AUTOINCREMENT, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
                operation TEXT NOT NULL CHECK (operation IN ('create','update','delete')),
                payload TEXT NOT NULL, base_version INTEGER NOT NULL,
                idempotency_key TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL))"),
            QStringLiteral("CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        },
        // 2: SIP phones get a label, the address and credentials "Save and reload" uses, and key
        // templates attached to user groups.
        {
            QStringLiteral("ALTER TABLE sip_phone ADD COLUMN label TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE sip_phone ADD COLUMN sip_address TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE sip_phone ADD COLUMN sip_user TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("ALTER TABLE sip_phone ADD COLUMN sip_password TEXT NOT NULL DEFAULT ''"),
            QStringLiteral(R"(CREATE TABLE key_template (
                id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE, keys TEXT NOT NULL DEFAULT '[]',
                version INTEGER NOT NULL DEFAULT 0, dirty INTEGER NOT NULL DEFAULT 0))"),
            QStringLiteral(R"(CREATE TABLE key_template_group (
                group_id TEXT PRIMARY KEY REFERENCES user_group(id) ON DELETE CASCADE,
                template_id TEXT NOT NULL REFERENCES key_template(id) ON DELETE CASCADE))"),
            QStringLiteral("CREATE INDEX key_template_group_template ON key_template_group(template_id)"),
        },
        // 3: changes the server refused because the record had moved on there, kept side by side
        // until the administrator keeps theirs or takes the server's.
        {
            QStringLiteral(R"(CREATE TABLE sync_conflict (
                id INTEGER PRIMARY KEY AUTOINCREMENT, outbox_seq INTEGER NOT NULL UNIQUE,
                entity TEXT NOT NULL, entity_id TEXT NOT NULL, operation TEXT NOT NULL,
                local_payload TEXT NOT NULL, server_record TEXT NOT NULL, server_version INTEGER NOT NULL,
                server_deleted INTEGER NOT NULL DEFAULT 0, detected_at TEXT NOT NULL))"),
            // The sync engine asks, per record, whether changes of it are still queued.
            QStringLiteral("CREATE INDEX outbox_entity_id ON outbox(entity_id)"),
        },
    };
    return migrations;
}

} // namespace centrale
