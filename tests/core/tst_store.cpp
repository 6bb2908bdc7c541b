// The store as a whole: schema migrations, SQLite settings, the outbox, transactions, and the
// queries and rules that span several tables.

#include "TestResult.h"
#include "TestStore.h"

#include <QFile>
#include <QJsonArray>
#include <QSet>
#include <QSqlQuery>
#include <QTest>

using namespace centrale;
using namespace Qt::StringLiterals;


namespace {

// One value from an SQL query on the store's connection.
QVariant scalar(Store &store, const QString &sql, const QVariantList &binds = {})
{
    auto q = store.database().exec(sql, binds);
    if (!q || !q->next())
        return {};
    return q->value(0);
}

int rows(Store &store, const QString &table)
{
    return scalar(store, u"SELECT count(*) FROM "_s + table).toInt();
}

User makeUser(int n, const QString &first, const QString &last, const QStringList &groups = {})
{
    User u;
    u.username = u"user.%1@domaincustomer.be"_s.arg(n);
    u.firstName = first;
    u.lastName = last;
    u.groupIds = groups;
    return u;
}

Contact makeContact(
    const QString &first, const QString &last, Contact::Scope scope = Contact::Scope::Organisation, const QString &owner = {})
{
    static int counter = 0;
    Contact c;
    c.firstName = first;
    c.lastName = last;
    c.scope = scope;
    c.ownerId = owner;
    c.numbers = {{u"Work"_s, u"+3223%1"_s.arg(++counter, 6, 10, QLatin1Char('0'))}};
    return c;
}

UserGroup makeGroup(const QString &name)
{
    UserGroup g;
    g.name = name;
    return g;
}

QByteArray readFile(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(data) == data.size();
}

} // namespace

class TestStoreSuite final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void migratesAnEmptyFile();
    void migratesAnEmptyExistingFile();
    void reopeningIsIdempotent();
    void refusesANewerSchema();
    void refusesWhatIsNotAStore_data();
    void refusesWhatIsNotAStore();
    void walAndForeignKeys();
    void outboxOneEntryPerMutation();
    void outboxBaseVersion();
    void outboxAcknowledge();
    void failedTransactionWritesNothing();
    void failedNestedTransactionWritesNothing();
    void refusedMutationsWriteNothing();
    void effectiveContacts();
    void effectiveSettings();
    void groupWithMembersIsInUse();
    void promptUsedByEventIsInUse();
    void assignedNumberIsInUse();
    void deletingAUserCascades();
};

// --- Migrations and opening ----------------------------------------------------------------------

void TestStoreSuite::migratesAnEmptyFile()
{
    TestStore ts;
    QVERIFY(!QFile::exists(ts.path()));
    QVERIFY(ts.open(false));
    Database &db = ts.store->database();
    QVERIFY(db.isOpen());
    QVERIFY(Database::latestSchemaVersion() >= 1);
    QCOMPARE(db.schemaVersion(), Database::latestSchemaVersion());
    QCOMPARE(db.integrityCheck(), u"ok"_s);

    QSet<QString> tables;
    auto q = db.exec(u"SELECT name FROM sqlite_master WHERE type = 'table'"_s);
    VERIFY_OK(q);
    while (q->next())
        tables << q->value(0).toString();
    for (const QString &table : {u"organisation"_s, u"user_group"_s, u"app_user"_s, u"group_member"_s, u"function_number"_s,
             u"pool_number"_s, u"contact"_s, u"voice_prompt"_s, u"schedule_event"_s, u"sip_phone"_s, u"outbox"_s}) {
        QVERIFY2(tables.contains(table), qPrintable(table));
    }
    QCOMPARE(rows(*ts.store, u"outbox"_s), 0); // migrating queues nothing
}

void TestStoreSuite::migratesAnEmptyExistingFile()
{
    TestStore ts;
    QVERIFY(writeFile(ts.path(), {}));
    QVERIFY(ts.open());
    QCOMPARE(ts.store->database().schemaVersion(), Database::latestSchemaVersion());
}

void TestStoreSuite::reopeningIsIdempotent()
{
    TestStore ts;
    QVERIFY(ts.open());
    VERIFY_OK(ts.store->groups.create(makeGroup(u"Sales"_s)));
    const int outbox = TAKE(ts.store->outbox.count());
    ts.store->database().close();
    QVERIFY(!ts.store->database().isOpen());

    for (int i = 0; i < 2; ++i) {
        Store again;
        VERIFY_OK(again.open(ts.path()));
        QCOMPARE(again.database().schemaVersion(), Database::latestSchemaVersion());
        QCOMPARE(TAKE(again.groups.count()), 1);
        QCOMPARE(TAKE(again.outbox.count()), outbox + i); // the user created by the previous round
        QCOMPARE(TAKE(again.organisation.current()).domain, u"domaincustomer.be"_s);
        // The organisation's domain is known again after opening: usernames validate against it.
        VERIFY_OK(again.users.create(makeUser(10 + i, u"Emma"_s, u"Peeters"_s)));
    }
    // Opening the same Store object again works too.
    VERIFY_OK(ts.store->open(ts.path()));
    QCOMPARE(TAKE(ts.store->users.count()), 2);
}

void TestStoreSuite::refusesANewerSchema()
{
    TestStore ts;
    QVERIFY(ts.open());
    const int newer = Database::latestSchemaVersion() + 1;
    VERIFY_OK(ts.store->database().exec(u"PRAGMA user_version = %1"_s.arg(newer)));
    ts.store->database().close();

    Store store;
    const Status s = store.open(ts.path());
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Storage);
    QVERIFY2(s.error().message.contains(u"newer version"_s), qPrintable(s.error().message));
    QVERIFY2(s.error().message.contains(QString::number(newer)), qPrintable(s.error().message));
    QVERIFY(!store.database().isOpen());

    // Nothing was changed: the file still says the newer version.
    Store reader;
    QVERIFY(!reader.open(ts.path()).ok());
    QSqlDatabase raw = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"tst_store_raw"_s);
    raw.setDatabaseName(ts.path());
    QVERIFY(raw.open());
    {
        QSqlQuery q(raw);
        QVERIFY(q.exec(u"PRAGMA user_version"_s));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), newer);
    }
    raw.close();
    raw = QSqlDatabase();
    QSqlDatabase::removeDatabase(u"tst_store_raw"_s);
}

void TestStoreSuite::refusesWhatIsNotAStore_data()
{
    QTest::addColumn<QByteArray>("content");

    QTest::newRow("text") << QByteArray("Domain Customer\nuser.1@domaincustomer.be;Emma;Peeters\n");
    QByteArray binary(8192, '\0');
    for (int i = 0; i < binary.size(); ++i)
        binary[i] = static_cast<char>((i * 7919 + 13) % 251);
    QTest::newRow("binary") << binary;
    QByteArray damaged("SQLite format 3");
    damaged.append('\0');
    damaged.append(QByteArray(4096 - damaged.size(), '\x5a'));
    QTest::newRow("damaged database header") << damaged;
}

void TestStoreSuite::refusesWhatIsNotAStore()
{
    QFETCH(QByteArray, content);

    TestStore ts;
    QVERIFY(writeFile(ts.path(), content));
    const Status s = ts.store->open(ts.path());
    QVERIFY(!s.ok());
    QCOMPARE(s.error().code, ErrorCode::Storage);
    QVERIFY2(s.error().message.contains(u"not a Centrale store"_s), qPrintable(s.error().message));
    QVERIFY(!ts.store->database().isOpen());
    // The file is left as it was.
    QCOMPARE(readFile(ts.path()), content);
    // And the Store object can still open a real store afterwards.
    QTemporaryDir other;
    VERIFY_OK(ts.store->open(other.filePath(u"good.sqlite"_s)));
    QCOMPARE(ts.store->database().schemaVersion(), Database::latestSchemaVersion());
}

void TestStoreSuite::walAndForeignKeys()
{
    TestStore ts;
    QVERIFY(ts.open());
    QCOMPARE(scalar(*ts.store, u"PRAGMA journal_mode"_s).toString().toLower(), u"wal"_s);
    QCOMPARE(scalar(*ts.store, u"PRAGMA foreign_keys"_s).toInt(), 1);
    QVERIFY(QFile::exists(ts.path() + u"-wal"_s));

    // Foreign keys are enforced, not only declared.
    VERIFY_ERROR(ts.store->database().exec(u"INSERT INTO group_member (user_id, group_id, position) VALUES ('nobody', 'nothing', 0)"_s),
        ErrorCode::InUse);
    QCOMPARE(rows(*ts.store, u"group_member"_s), 0);
}

// --- Outbox --------------------------------------------------------------------------------------

void TestStoreSuite::outboxOneEntryPerMutation()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const auto before = TAKE(s.outbox.pending());
    QCOMPARE(before.size(), 1); // the organisation
    QCOMPARE(before.first().entity, u"organisation"_s);
    QCOMPARE(before.first().operation, u"create"_s);

    struct Expected {
        QString entity;
        QString id;
        QString operation;
        QString payloadKey; // a payload field to check ...
        QJsonValue payloadValue; // ... and its value
    };
    QList<Expected> expected;

    // One of each mutation.
    const UserGroup sales = TAKE(s.groups.create(makeGroup(u"Sales"_s)));
    expected.append({u"group"_s, sales.id, u"create"_s, u"name"_s, u"Sales"_s});

    User u = makeUser(1, u"Emma"_s, u"Peeters"_s, {sales.id});
    u.mobile = u"0475 12 34 56"_s;
    const User emma = TAKE(s.users.create(u));
    expected.append({u"user"_s, emma.id, u"create"_s, u"mobile"_s, u"+32475123456"_s});

    User changed = emma;
    changed.lastName = u"Maes"_s;
    VERIFY_OK(s.users.update(changed));
    expected.append({u"user"_s, emma.id, u"update"_s, u"lastName"_s, u"Maes"_s});

    const Contact contact = TAKE(s.contacts.create(makeContact(u"Jan"_s, u"Janssens"_s, Contact::Scope::User, emma.id)));
    expected.append({u"contact"_s, contact.id, u"create"_s, u"scope"_s, u"user"_s});

    VoicePrompt p;
    p.name = u"Accueil"_s;
    p.audio = QByteArray("audio");
    const VoicePrompt prompt = TAKE(s.prompts.create(p));
    expected.append({u"prompt"_s, prompt.id, u"create"_s, u"name"_s, u"Accueil"_s});

    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Accueil"_s;
    const FunctionNumber function = TAKE(s.functions.create(f));
    expected.append({u"function"_s, function.id, u"create"_s, u"number"_s, u"+3223000050"_s});

    const PoolNumber number = TAKE(s.numbers.create(PoolNumber {{}, u"02 300 00 01"_s, {}, {}, {}}));
    expected.append({u"number"_s, number.id, u"create"_s, u"number"_s, u"+3223000001"_s});

    VERIFY_OK(s.numbers.assignToUser(number.id, emma.id));
    expected.append({u"number"_s, number.id, u"update"_s, u"userId"_s, emma.id});

    SipPhone phone;
    phone.mac = u"00:04:13:aa:bb:cc"_s;
    phone.model = u"Snom D715"_s;
    phone.ownerId = emma.id;
    const SipPhone createdPhone = TAKE(s.phones.create(phone));
    expected.append({u"phone"_s, createdPhone.id, u"create"_s, u"mac"_s, u"000413AABBCC"_s});

    VERIFY_OK(s.contacts.remove(contact.id));
    expected.append({u"contact"_s, contact.id, u"delete"_s, u"id"_s, contact.id});

    Organisation org = TAKE(s.organisation.current());
    org.name = u"Domain Customer SA"_s;
    VERIFY_OK(s.organisation.update(org));
    expected.append({u"organisation"_s, org.id, u"update"_s, u"name"_s, u"Domain Customer SA"_s});

    const auto entries = TAKE(s.outbox.pending());
    QCOMPARE(entries.size(), before.size() + expected.size());
    QCOMPARE(TAKE(s.outbox.count()), static_cast<int>(entries.size()));
    QSet<QString> keys;
    qint64 lastSeq = before.first().seq;
    for (int i = 0; i < expected.size(); ++i) {
        const OutboxEntry &e = entries.at(i + 1);
        const Expected &x = expected.at(i);
        const QByteArray where = QByteArray::number(i) + ' ' + x.entity.toUtf8() + ' ' + x.operation.toUtf8();
        QVERIFY2(e.seq > lastSeq, where.constData()); // in the order the changes were made
        lastSeq = e.seq;
        QCOMPARE(e.entity, x.entity);
        QCOMPARE(e.entityId, x.id);
        QCOMPARE(e.operation, x.operation);
        QCOMPARE(e.baseVersion, qint64(0)); // all records are local: the server has not versioned them yet
        QCOMPARE(e.payload.value(x.payloadKey), x.payloadValue);
        QCOMPARE(e.payload.value(u"id"_s).toString(), x.id);
        QVERIFY2(e.createdAt.isValid(), where.constData());
        QVERIFY2(!e.idempotencyKey.isEmpty(), where.constData());
        keys << e.idempotencyKey;
    }
    keys << before.first().idempotencyKey;
    QCOMPARE(keys.size(), entries.size()); // every key is unique

    // Payloads carry what the server needs: a prompt's audio travels with it.
    QCOMPARE(entries.at(2).payload.value(u"groups"_s).toArray(), QJsonArray {sales.id});
    QCOMPARE(QByteArray::fromBase64(entries.at(5).payload.value(u"audio"_s).toString().toLatin1()), QByteArray("audio"));
    QCOMPARE(entries.at(10).payload.size(), 1); // a delete carries the id only

    // Every written record is marked dirty.
    for (const QString &table :
        {u"user_group"_s, u"app_user"_s, u"voice_prompt"_s, u"function_number"_s, u"pool_number"_s, u"sip_phone"_s, u"organisation"_s}) {
        QCOMPARE(scalar(s, u"SELECT count(*) FROM %1 WHERE dirty = 0"_s.arg(table)).toInt(), 0);
    }
    // A limited read returns the oldest entries.
    const auto firstTwo = TAKE(s.outbox.pending(2));
    QCOMPARE(firstTwo.size(), 2);
    QCOMPARE(firstTwo.at(1).seq, entries.at(1).seq);
}

void TestStoreSuite::outboxBaseVersion()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const UserGroup sales = TAKE(s.groups.create(makeGroup(u"Sales"_s)));
    // The server acknowledged the group at version 7.
    VERIFY_OK(s.database().exec(u"UPDATE user_group SET version = 7, dirty = 0 WHERE id = ?"_s, {sales.id}));

    UserGroup changed = TAKE(s.groups.get(sales.id));
    QCOMPARE(changed.version, qint64(7));
    QVERIFY(!changed.dirty);
    changed.description = u"Bruxelles"_s;
    VERIFY_OK(s.groups.update(changed));
    QVERIFY(TAKE(s.groups.get(sales.id)).dirty);
    VERIFY_OK(s.groups.remove(sales.id));

    const auto entries = TAKE(s.outbox.pending());
    QCOMPARE(entries.size(), 4); // organisation, group create, update, delete
    QCOMPARE(entries.at(2).operation, u"update"_s);
    QCOMPARE(entries.at(2).baseVersion, qint64(7));
    QCOMPARE(entries.at(2).payload.value(u"description"_s).toString(), u"Bruxelles"_s);
    QCOMPARE(entries.at(3).operation, u"delete"_s);
    QCOMPARE(entries.at(3).baseVersion, qint64(7));
}

void TestStoreSuite::outboxAcknowledge()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    VERIFY_OK(s.groups.create(makeGroup(u"Sales"_s)));
    VERIFY_OK(s.groups.create(makeGroup(u"Support"_s)));
    auto entries = TAKE(s.outbox.pending());
    QCOMPARE(entries.size(), 3);
    VERIFY_OK(s.outbox.acknowledge(entries.at(0).seq));
    VERIFY_OK(s.outbox.acknowledge(entries.at(1).seq));
    const auto rest = TAKE(s.outbox.pending());
    QCOMPARE(rest.size(), 1);
    QCOMPARE(rest.first().seq, entries.at(2).seq);
    QCOMPARE(rest.first().payload.value(u"name"_s).toString(), u"Support"_s);

    // Sequence numbers are never reused, even after acknowledging the newest entry.
    VERIFY_OK(s.outbox.acknowledge(rest.first().seq));
    QCOMPARE(TAKE(s.outbox.count()), 0);
    VERIFY_OK(s.groups.create(makeGroup(u"Management"_s)));
    QVERIFY(TAKE(s.outbox.pending()).first().seq > rest.first().seq);
}

// --- Transactions --------------------------------------------------------------------------------

void TestStoreSuite::failedTransactionWritesNothing()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    Database &db = s.database();
    const int outbox = TAKE(s.outbox.count());

    const QString id = newId();
    const Status st = db.transaction([&]() -> Status {
        if (Status w = db.insertRecord(u"user_group"_s, u"group"_s, id, {{u"name"_s, u"Ghost"_s}}, QJsonObject {{u"id"_s, id}}); !w)
            return w;
        if (TAKE(s.groups.count()) != 1) // visible inside the transaction
            return Error {ErrorCode::Storage, u"the row was not written"_s, {}};
        return Error::invalid(u"the second half of the change is not valid"_s, u"name"_s);
    });
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, ErrorCode::Invalid);
    QCOMPARE(st.error().message, u"the second half of the change is not valid"_s); // the work's own error
    QCOMPARE(st.error().field, u"name"_s);
    QCOMPARE(rows(s, u"user_group"_s), 0);
    QCOMPARE(TAKE(s.outbox.count()), outbox);
    VERIFY_ERROR(s.groups.get(id), ErrorCode::NotFound);

    // The database is usable afterwards, and a successful transaction commits.
    VERIFY_OK(db.transaction([&]() -> Status {
        return db.insertRecord(u"user_group"_s, u"group"_s, id, {{u"name"_s, u"Real"_s}}, QJsonObject {{u"id"_s, id}});
    }));
    QCOMPARE(rows(s, u"user_group"_s), 1);
    QCOMPARE(TAKE(s.outbox.count()), outbox + 1);
}

void TestStoreSuite::failedNestedTransactionWritesNothing()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    Database &db = s.database();
    const int outbox = TAKE(s.outbox.count());

    // The inner part fails but the outer part ignores it: the whole change is still cancelled.
    const Status st = db.transaction([&]() -> Status {
        if (auto created = s.groups.create(makeGroup(u"Sales"_s)); !created)
            return created.error();
        const Status inner = db.transaction([&]() -> Status {
            if (auto created = s.groups.create(makeGroup(u"Support"_s)); !created)
                return created.error();
            return Error::invalid(u"inner failure"_s);
        });
        if (inner.ok())
            return Error {ErrorCode::Storage, u"the inner transaction should have failed"_s, {}};
        return {};
    });
    QVERIFY(!st.ok());
    QCOMPARE(st.error().code, ErrorCode::Storage);
    QCOMPARE(rows(s, u"user_group"_s), 0);
    QCOMPARE(TAKE(s.outbox.count()), outbox);

    // A later transaction is not affected by the earlier failure.
    VERIFY_OK(s.groups.create(makeGroup(u"Management"_s)));
    QCOMPARE(rows(s, u"user_group"_s), 1);
}

void TestStoreSuite::refusedMutationsWriteNothing()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const UserGroup sales = TAKE(s.groups.create(makeGroup(u"Sales"_s)));
    const int outbox = TAKE(s.outbox.count());

    // Refused by validation.
    User invalid = makeUser(1, u"Emma"_s, QString());
    VERIFY_ERROR(s.users.create(invalid), ErrorCode::Invalid);
    VERIFY_ERROR(s.contacts.create(makeContact(QString(), QString())), ErrorCode::Invalid);
    VERIFY_ERROR(s.numbers.create(PoolNumber {{}, u"02 300"_s, {}, {}, {}}), ErrorCode::Invalid);
    SipPhone phone;
    phone.mac = u"xx"_s;
    phone.model = u"Snom D715"_s;
    VERIFY_ERROR(s.phones.create(phone), ErrorCode::Invalid);
    // Refused by a rule of the store.
    VERIFY_ERROR(s.groups.create(makeGroup(u"SALES"_s)), ErrorCode::Duplicate);
    VERIFY_ERROR(s.users.create(makeUser(1, u"Emma"_s, u"Peeters"_s, {sales.id, u"no-such-group"_s})), ErrorCode::NotFound);
    UserGroup renamed = sales;
    renamed.name = QString();
    VERIFY_ERROR(s.groups.update(renamed), ErrorCode::Invalid);

    QCOMPARE(TAKE(s.outbox.count()), outbox);
    QCOMPARE(rows(s, u"app_user"_s), 0);
    QCOMPARE(rows(s, u"group_member"_s), 0);
    QCOMPARE(rows(s, u"contact"_s), 0);
    QCOMPARE(rows(s, u"pool_number"_s), 0);
    QCOMPARE(rows(s, u"sip_phone"_s), 0);
    QCOMPARE(rows(s, u"user_group"_s), 1);
    QCOMPARE(TAKE(s.groups.get(sales.id)).name, u"Sales"_s);
}

// --- Queries across tables -----------------------------------------------------------------------

void TestStoreSuite::effectiveContacts()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const QString sales = TAKE(s.groups.create(makeGroup(u"Sales"_s))).id;
    const QString support = TAKE(s.groups.create(makeGroup(u"Support"_s))).id;
    const QString management = TAKE(s.groups.create(makeGroup(u"Management"_s))).id;
    const QString emma = TAKE(s.users.create(makeUser(1, u"Emma"_s, u"Peeters"_s, {sales, support}))).id;
    const QString lucas = TAKE(s.users.create(makeUser(2, u"Lucas"_s, u"Janssens"_s, {management}))).id;

    VERIFY_OK(s.contacts.create(makeContact(u"Org"_s, u"Alpha"_s)));
    VERIFY_OK(s.contacts.create(makeContact(u"Org"_s, u"Beta"_s)));
    VERIFY_OK(s.contacts.create(makeContact(u"Sales"_s, u"Gamma"_s, Contact::Scope::Group, sales)));
    VERIFY_OK(s.contacts.create(makeContact(u"Support"_s, u"Delta"_s, Contact::Scope::Group, support)));
    VERIFY_OK(s.contacts.create(makeContact(u"Management"_s, u"Epsilon"_s, Contact::Scope::Group, management)));
    VERIFY_OK(s.contacts.create(makeContact(u"Emma's"_s, u"Zeta"_s, Contact::Scope::User, emma)));
    VERIFY_OK(s.contacts.create(makeContact(u"Lucas's"_s, u"Eta"_s, Contact::Scope::User, lucas)));

    const auto mine = TAKE(s.contacts.effectiveForUser(emma));
    QStringList seen;
    for (const Contact &c : mine) {
        seen << c.lastName;
        if (c.lastName == u"Alpha"_s || c.lastName == u"Beta"_s) {
            QCOMPARE(c.scope, Contact::Scope::Organisation);
            QVERIFY(c.sourceName.isEmpty());
        } else if (c.lastName == u"Gamma"_s) {
            QCOMPARE(c.scope, Contact::Scope::Group);
            QCOMPARE(c.ownerId, sales);
            QCOMPARE(c.sourceName, u"Sales"_s);
        } else if (c.lastName == u"Delta"_s) {
            QCOMPARE(c.scope, Contact::Scope::Group);
            QCOMPARE(c.sourceName, u"Support"_s);
        } else if (c.lastName == u"Zeta"_s) {
            QCOMPARE(c.scope, Contact::Scope::User);
            QCOMPARE(c.ownerId, emma);
        }
    }
    // Organisation ∪ each of her groups ∪ her own; not Management's, not Lucas's.
    QCOMPARE(seen, (QStringList {u"Alpha"_s, u"Beta"_s, u"Delta"_s, u"Gamma"_s, u"Zeta"_s}));

    const auto his = TAKE(s.contacts.effectiveForUser(lucas));
    QStringList hisNames;
    for (const Contact &c : his)
        hisNames << c.lastName;
    QCOMPARE(hisNames, (QStringList {u"Alpha"_s, u"Beta"_s, u"Epsilon"_s, u"Eta"_s}));

    // Filtered, sorted and paged like other lists.
    ListQuery q;
    q.filter = u"SUPPORT"_s;
    const auto filtered = TAKE(s.contacts.effectiveForUser(emma, q));
    QCOMPARE(filtered.size(), 1);
    QCOMPARE(filtered.first().lastName, u"Delta"_s);
    q = {};
    q.descending = true;
    q.limit = 2;
    const auto lastTwo = TAKE(s.contacts.effectiveForUser(emma, q));
    QCOMPARE(lastTwo.size(), 2);
    QCOMPARE(lastTwo.at(0).lastName, u"Zeta"_s);
    QCOMPARE(lastTwo.at(1).lastName, u"Gamma"_s);

    // Leaving a group removes its contacts from the user's view.
    User changed = TAKE(s.users.get(emma));
    changed.groupIds = {support};
    VERIFY_OK(s.users.update(changed));
    QStringList after;
    for (const Contact &c : TAKE(s.contacts.effectiveForUser(emma)))
        after << c.lastName;
    QCOMPARE(after, (QStringList {u"Alpha"_s, u"Beta"_s, u"Delta"_s, u"Zeta"_s}));
}

void TestStoreSuite::effectiveSettings()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    UserGroup sales = makeGroup(u"Sales"_s);
    sales.settings.noAnswerSeconds = 15;
    sales.settings.internationalCalls = true;
    UserGroup support = makeGroup(u"Support"_s);
    support.settings.noAnswerSeconds = 30;
    support.settings.callRecording = true;
    const QString salesId = TAKE(s.groups.create(sales)).id;
    const QString supportId = TAKE(s.groups.create(support)).id;
    User u = makeUser(1, u"Emma"_s, u"Peeters"_s, {salesId, supportId});
    u.settings.voicemail = false;
    const QString emma = TAKE(s.users.create(u)).id;

    auto byKey = [&](const QList<EffectiveSetting> &list, ServiceSettings::Key key) {
        for (const EffectiveSetting &e : list) {
            if (e.key == key)
                return e;
        }
        return EffectiveSetting {};
    };

    auto effective = TAKE(s.users.effectiveSettings(emma));
    QCOMPARE(effective.size(), ServiceSettings::keys().size());
    auto e = byKey(effective, ServiceSettings::Key::Voicemail);
    QCOMPARE(e.source, EffectiveSetting::Source::User);
    QCOMPARE(e.value.toBool(), false);
    e = byKey(effective, ServiceSettings::Key::NoAnswerSeconds);
    QCOMPARE(e.source, EffectiveSetting::Source::Group);
    QCOMPARE(e.sourceName, u"Sales"_s); // the first group wins
    QCOMPARE(e.value.toInt(), 15);
    e = byKey(effective, ServiceSettings::Key::CallRecording);
    QCOMPARE(e.source, EffectiveSetting::Source::Group);
    QCOMPARE(e.sourceName, u"Support"_s);
    QCOMPARE(e.value.toBool(), true);
    e = byKey(effective, ServiceSettings::Key::CallerId);
    QCOMPARE(e.source, EffectiveSetting::Source::Organisation);
    QCOMPARE(e.value.toInt(), static_cast<int>(ServiceSettings::CallerId::OwnNumber));

    // The membership order decides; the organisation's own values follow its updates.
    User changed = TAKE(s.users.get(emma));
    changed.groupIds = {supportId, salesId};
    VERIFY_OK(s.users.update(changed));
    Organisation org = TAKE(s.organisation.current());
    org.settings.callerId = ServiceSettings::CallerId::Hidden;
    VERIFY_OK(s.organisation.update(org));
    effective = TAKE(s.users.effectiveSettings(emma));
    e = byKey(effective, ServiceSettings::Key::NoAnswerSeconds);
    QCOMPARE(e.sourceName, u"Support"_s);
    QCOMPARE(e.value.toInt(), 30);
    e = byKey(effective, ServiceSettings::Key::CallerId);
    QCOMPARE(e.source, EffectiveSetting::Source::Organisation);
    QCOMPARE(e.value.toInt(), static_cast<int>(ServiceSettings::CallerId::Hidden));

    VERIFY_ERROR(s.users.effectiveSettings(u"no-such-user"_s), ErrorCode::NotFound);
}

// --- Referential rules ---------------------------------------------------------------------------

void TestStoreSuite::groupWithMembersIsInUse()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const QString sales = TAKE(s.groups.create(makeGroup(u"Sales"_s))).id;
    User emma = TAKE(s.users.create(makeUser(1, u"Emma"_s, u"Peeters"_s, {sales})));
    const int outbox = TAKE(s.outbox.count());

    const Status refused = s.groups.remove(sales);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InUse);
    QVERIFY2(refused.error().message.contains(u"Sales"_s), qPrintable(refused.error().message));
    VERIFY_OK(s.groups.get(sales));
    QCOMPARE(TAKE(s.outbox.count()), outbox);

    emma.groupIds.clear();
    VERIFY_OK(s.users.update(emma));
    VERIFY_OK(s.groups.remove(sales));
    VERIFY_ERROR(s.groups.get(sales), ErrorCode::NotFound);
}

void TestStoreSuite::promptUsedByEventIsInUse()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    VoicePrompt p;
    p.name = u"Fermeture annuelle"_s;
    const QString promptId = TAKE(s.prompts.create(p)).id;
    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Accueil"_s;
    const QString fid = TAKE(s.functions.create(f)).id;
    ScheduleEvent e;
    e.functionId = fid;
    e.title = u"Nouvel an"_s;
    e.state = OpenState::Closed;
    e.promptId = promptId;
    e.allDay = true;
    e.start = QDateTime(QDate(2025, 1, 1), QTime(0, 0));
    e.end = QDateTime(QDate(2025, 1, 2), QTime(0, 0));
    e.rrule = u"FREQ=YEARLY"_s;
    const QString eventId = TAKE(s.functions.addEvent(e)).id;
    const int outbox = TAKE(s.outbox.count());

    const Status refused = s.prompts.remove(promptId);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InUse);
    QVERIFY2(refused.error().message.contains(u"Accueil"_s), qPrintable(refused.error().message)); // the function number
    QVERIFY2(refused.error().message.contains(u"Nouvel an"_s), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(u"Fermeture annuelle"_s), qPrintable(refused.error().message));
    VERIFY_OK(s.prompts.get(promptId));
    QCOMPARE(TAKE(s.outbox.count()), outbox);

    VERIFY_OK(s.functions.removeEvent(eventId));
    VERIFY_OK(s.prompts.remove(promptId));
    VERIFY_ERROR(s.prompts.get(promptId), ErrorCode::NotFound);
}

void TestStoreSuite::assignedNumberIsInUse()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const QString emma = TAKE(s.users.create(makeUser(1, u"Emma"_s, u"Peeters"_s))).id;
    const QString numberId = TAKE(s.numbers.create(PoolNumber {{}, u"02 300 00 01"_s, {}, {}, {}})).id;
    VERIFY_OK(s.numbers.assignToUser(numberId, emma));
    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Accueil"_s;
    const QString fid = TAKE(s.functions.create(f)).id;
    const QString functionNumberId = TAKE(s.numbers.create(PoolNumber {{}, u"02 300 00 50"_s, {}, {}, {}})).id;
    VERIFY_OK(s.numbers.assignToFunction(functionNumberId, fid));
    const int outbox = TAKE(s.outbox.count());

    const Status refused = s.numbers.remove(numberId);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::InUse);
    QVERIFY2(refused.error().message.contains(u"Emma Peeters"_s), qPrintable(refused.error().message));
    QVERIFY2(refused.error().message.contains(u"+32 2 300 00 01"_s), qPrintable(refused.error().message));
    VERIFY_ERROR(s.numbers.remove(functionNumberId), ErrorCode::InUse);
    QCOMPARE(TAKE(s.outbox.count()), outbox);
    QCOMPARE(rows(s, u"pool_number"_s), 2);

    VERIFY_OK(s.numbers.release(numberId));
    VERIFY_OK(s.numbers.remove(numberId));
    VERIFY_ERROR(s.numbers.get(numberId), ErrorCode::NotFound);
}

void TestStoreSuite::deletingAUserCascades()
{
    TestStore ts;
    QVERIFY(ts.open());
    Store &s = *ts.store;
    const QString sales = TAKE(s.groups.create(makeGroup(u"Sales"_s))).id;
    const QString support = TAKE(s.groups.create(makeGroup(u"Support"_s))).id;
    const QString emma = TAKE(s.users.create(makeUser(1, u"Emma"_s, u"Peeters"_s, {sales, support}))).id;
    const QString lucas = TAKE(s.users.create(makeUser(2, u"Lucas"_s, u"Janssens"_s, {sales}))).id;

    const QString emmasNumber = TAKE(s.numbers.create(PoolNumber {{}, u"02 300 00 01"_s, {}, {}, {}})).id;
    const QString lucasNumber = TAKE(s.numbers.create(PoolNumber {{}, u"02 300 00 02"_s, {}, {}, {}})).id;
    VERIFY_OK(s.numbers.assignToUser(emmasNumber, emma));
    VERIFY_OK(s.numbers.assignToUser(lucasNumber, lucas));
    const QString own1 = TAKE(s.contacts.create(makeContact(u"Mama"_s, u"Peeters"_s, Contact::Scope::User, emma))).id;
    const QString own2 = TAKE(s.contacts.create(makeContact(u"Papa"_s, u"Peeters"_s, Contact::Scope::User, emma))).id;
    const QString lucasOwn = TAKE(s.contacts.create(makeContact(u"Oma"_s, u"Janssens"_s, Contact::Scope::User, lucas))).id;
    const QString groupContact = TAKE(s.contacts.create(makeContact(u"Client"_s, u"Claes"_s, Contact::Scope::Group, sales))).id;
    SipPhone phone;
    phone.mac = u"000413000001"_s;
    phone.model = u"Snom D715"_s;
    phone.ownerId = emma;
    const QString phoneId = TAKE(s.phones.create(phone)).id;
    phone.mac = u"000413000002"_s;
    phone.ownerId = lucas;
    const QString lucasPhone = TAKE(s.phones.create(phone)).id;

    VERIFY_OK(s.users.remove(emma));
    VERIFY_ERROR(s.users.get(emma), ErrorCode::NotFound);

    // Her number is back in the pool; Lucas keeps his.
    QVERIFY(TAKE(s.numbers.get(emmasNumber)).isFree());
    QCOMPARE(TAKE(s.numbers.get(lucasNumber)).userId, lucas);
    QCOMPARE(TAKE(s.numbers.count({}, true)), 1);
    // Her own contacts are gone; the others stay.
    VERIFY_ERROR(s.contacts.get(own1), ErrorCode::NotFound);
    VERIFY_ERROR(s.contacts.get(own2), ErrorCode::NotFound);
    VERIFY_OK(s.contacts.get(lucasOwn));
    VERIFY_OK(s.contacts.get(groupContact));
    QCOMPARE(TAKE(s.contacts.count({}, Contact::Scope::User, emma)), 0);
    // Her memberships are gone.
    QCOMPARE(TAKE(s.groups.get(sales)).memberCount, 1);
    QCOMPARE(TAKE(s.groups.get(support)).memberCount, 0);
    QCOMPARE(scalar(s, u"SELECT count(*) FROM group_member WHERE user_id = ?"_s, {emma}).toInt(), 0);
    VERIFY_OK(s.groups.remove(support)); // no longer in use
    // Her phone stays, without an owner.
    const SipPhone orphan = TAKE(s.phones.get(phoneId));
    QVERIFY(orphan.ownerId.isEmpty());
    QVERIFY(orphan.ownerName.isEmpty());
    QCOMPARE(TAKE(s.phones.get(lucasPhone)).ownerId, lucas);
    QCOMPARE(TAKE(s.phones.list({}, emma)).size(), 0);
    QCOMPARE(s.database().integrityCheck(), u"ok"_s);
    QCOMPARE(scalar(s, u"SELECT count(*) FROM pragma_foreign_key_check"_s).toInt(), 0);
}

QTEST_GUILESS_MAIN(TestStoreSuite)
#include "tst_store.moc"
