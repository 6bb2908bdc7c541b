// User administration in core: PIN and password (Argon2id, never in clear text in the store or the
// outbox), photos, welcome message requests, group changes on many users at once, filtering on one
// column (SQL and the in-memory index agree), and stopping a CSV import.
#include "bulk/UserCsv.h"
#include "demo/DemoGenerator.h"
#include "domain/Validators.h"
#include "security/Secrets.h"
#include "store/UserIndex.h"

#include "TestResult.h"
#include "TestStore.h"

#include <QJsonDocument>
#include <QTest>

using namespace centrale;

class TestUsersAdmin : public QObject {
    Q_OBJECT

    std::unique_ptr<TestStore> m_ts;
    Store &store() { return *m_ts->store; }

    User addUser(const QString &name, const QString &email, const QString &mobile)
    {
        User u;
        u.username = name + QStringLiteral("@domaincustomer.be");
        u.firstName = QStringLiteral("Anne");
        u.lastName = name;
        u.email = email;
        u.mobile = mobile;
        return TAKE(store().users.create(u));
    }

    QList<OutboxEntry> outboxOf(const QString &entity)
    {
        QList<OutboxEntry> out;
        for (const OutboxEntry &e : TAKE(store().outbox.pending())) {
            if (e.entity == entity)
                out << e;
        }
        return out;
    }

    static QString payloadText(const OutboxEntry &e) { return QString::fromUtf8(QJsonDocument(e.payload).toJson()); }

private Q_SLOTS:
    void init()
    {
        m_ts = std::make_unique<TestStore>();
        QVERIFY(m_ts->open(false));
        VERIFY_OK(DemoGenerator::generate(store().database(), {}));
        store().refreshOrganisation();
    }

    void secretsHashAndVerify()
    {
        const QString a = TAKE(Secrets::hash(QStringLiteral("1234")));
        const QString b = TAKE(Secrets::hash(QStringLiteral("1234")));
        QVERIFY(a.startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(a != b); // a new salt each time
        QVERIFY(Secrets::verify(a, QStringLiteral("1234")));
        QVERIFY(Secrets::verify(b, QStringLiteral("1234")));
        QVERIFY(!Secrets::verify(a, QStringLiteral("1235")));
        QVERIFY(!Secrets::verify(QString(), QStringLiteral("1234")));
    }

    void generatedSecretsFollowTheRules()
    {
        QSet<QString> seen;
        for (int i = 0; i < 50; ++i) {
            const QString pw = Secrets::generatePassword();
            QCOMPARE(pw.size(), 14);
            VERIFY_OK(Validators::password(pw, QStringLiteral("user.1@domaincustomer.be")));
            QVERIFY(!pw.contains(QLatin1Char('0')) && !pw.contains(QLatin1Char('O')) && !pw.contains(QLatin1Char('l')));
            seen.insert(pw);
            const QString pin = Secrets::generatePin();
            VERIFY_OK(Validators::pin(pin));
        }
        QCOMPARE(seen.size(), 50);
    }

    void passwordRules_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<bool>("valid");
        QTest::newRow("short") << QStringLiteral("abc12") << false;
        QTest::newRow("no digit") << QStringLiteral("abcdefghijkl") << false;
        QTest::newRow("no letter") << QStringLiteral("123456789012") << false;
        QTest::newRow("username inside") << QStringLiteral("xxuser.1xx99") << false;
        QTest::newRow("good") << QStringLiteral("Zebra-Kite-42") << true;
        QTest::newRow("accents count as letters") << QStringLiteral("éléphant-2024") << true;
    }

    void passwordRules()
    {
        QFETCH(QString, password);
        QFETCH(bool, valid);
        QCOMPARE(Validators::password(password, QStringLiteral("user.1@domaincustomer.be")).ok(), valid);
    }

    void pinIsStoredHashed()
    {
        const User u = TAKE(store().users.findByUsername(QStringLiteral("user.1@domaincustomer.be")));
        const int before = TAKE(store().outbox.count());
        for (const char *bad : {"12a4", "123", "123456789", "", " 1234"}) {
            const Status s = store().users.setPin(u.id, QLatin1String(bad));
            QVERIFY2(!s, bad);
            QCOMPARE(s.error().field, QStringLiteral("pin"));
        }
        QCOMPARE(TAKE(store().outbox.count()), before);
        VERIFY_OK(store().users.setPin(u.id, QStringLiteral("4821")));
        const User after = TAKE(store().users.get(u.id));
        QVERIFY(Secrets::verify(after.pinHash, QStringLiteral("4821")));
        QVERIFY(!after.pinHash.contains(QStringLiteral("4821")));
        const auto queued = outboxOf(QStringLiteral("user_pin"));
        QCOMPARE(queued.size(), 1);
        QCOMPARE(queued.first().entityId, u.id);
        QVERIFY(!payloadText(queued.first()).contains(QStringLiteral("4821")));
        QVERIFY(Secrets::verify(queued.first().payload.value(QStringLiteral("pinHash")).toString(), QStringLiteral("4821")));
        QVERIFY(!store().users.setPin(QStringLiteral("no-such-user"), QStringLiteral("4821")));
    }

    void passwordIsQueuedHashed()
    {
        const User u = TAKE(store().users.findByUsername(QStringLiteral("user.2@domaincustomer.be")));
        QVERIFY(!store().users.resetPassword(u.id, QStringLiteral("short1")));
        QVERIFY(outboxOf(QStringLiteral("user_password")).isEmpty());
        VERIFY_OK(store().users.resetPassword(u.id, QStringLiteral("Correct-Horse-9")));
        const auto queued = outboxOf(QStringLiteral("user_password"));
        QCOMPARE(queued.size(), 1);
        QVERIFY(!payloadText(queued.first()).contains(QStringLiteral("Correct-Horse-9")));
        QVERIFY(Secrets::verify(queued.first().payload.value(QStringLiteral("passwordHash")).toString(), QStringLiteral("Correct-Horse-9")));
        // Nothing of it in the users table either.
        auto q = store().database().exec(QStringLiteral("SELECT count(*) FROM app_user WHERE pin_hash LIKE '%argon2id%'"));
        VERIFY_OK(q);
        QVERIFY(q->next());
        QCOMPARE(q->value(0).toInt(), 0);
    }

    void photoIsAJpeg()
    {
        const User u = TAKE(store().users.findByUsername(QStringLiteral("user.3@domaincustomer.be")));
        QVERIFY(TAKE(store().users.photo(u.id)).isEmpty());
        const Status png = store().users.setPhoto(u.id, QByteArrayLiteral("\x89PNG\r\n\x1a\n...."));
        QVERIFY(!png);
        QCOMPARE(png.error().field, QStringLiteral("photo"));
        QVERIFY(!store().users.setPhoto(u.id, QByteArray("\xFF\xD8\xFF", 3) + QByteArray(UserRepository::MaxPhotoBytes, 'x')));
        const QByteArray jpeg = QByteArray("\xFF\xD8\xFF\xE0", 4) + QByteArray(100, 'j');
        VERIFY_OK(store().users.setPhoto(u.id, jpeg));
        QCOMPARE(TAKE(store().users.photo(u.id)), jpeg);
        QCOMPARE(outboxOf(QStringLiteral("user_photo")).size(), 1);
        QCOMPARE(QByteArray::fromBase64(outboxOf(QStringLiteral("user_photo")).first().payload.value(QStringLiteral("photo")).toString().toLatin1()),
                 jpeg);
        VERIFY_OK(store().users.setPhoto(u.id, {}));
        QVERIFY(TAKE(store().users.photo(u.id)).isEmpty());
        QVERIFY(outboxOf(QStringLiteral("user_photo")).last().payload.value(QStringLiteral("photo")).isNull());
        // Lists do not carry photos, but the user is still whole.
        QCOMPARE(TAKE(store().users.get(u.id)).username, u.username);
    }

    void welcomeGoesByEmailOrSms()
    {
        const User both = addUser(QStringLiteral("both"), QStringLiteral("both@example.be"), QStringLiteral("0475 11 22 33"));
        const User emailOnly = addUser(QStringLiteral("emailonly"), QStringLiteral("mail@example.be"), {});
        const User smsOnly = addUser(QStringLiteral("smsonly"), {}, QStringLiteral("+32476112233"));
        const User none = addUser(QStringLiteral("nothing"), {}, {});
        QVERIFY(!store().users.requestWelcome({both.id}, {}));
        const int before = TAKE(store().outbox.count());
        const auto all = {WelcomeMessage::Channel::Web, WelcomeMessage::Channel::Mobile, WelcomeMessage::Channel::Softphone};
        const auto deliveries = TAKE(store().users.requestWelcome({both.id, emailOnly.id, smsOnly.id, none.id}, all));
        QCOMPARE(deliveries.size(), 12);
        auto find = [&deliveries](const QString &id, WelcomeMessage::Channel c) {
            for (const auto &d : deliveries) {
                if (d.userId == id && d.channel == c)
                    return d;
            }
            return WelcomeMessage::Delivery{};
        };
        QCOMPARE(find(both.id, WelcomeMessage::Channel::Web).via, WelcomeMessage::Via::Email);
        QCOMPARE(find(both.id, WelcomeMessage::Channel::Mobile).via, WelcomeMessage::Via::Sms);
        QCOMPARE(find(both.id, WelcomeMessage::Channel::Mobile).address, QStringLiteral("+32 475 11 22 33"));
        QCOMPARE(find(emailOnly.id, WelcomeMessage::Channel::Mobile).via, WelcomeMessage::Via::Email);
        QCOMPARE(find(smsOnly.id, WelcomeMessage::Channel::Softphone).via, WelcomeMessage::Via::Sms);
        QCOMPARE(find(none.id, WelcomeMessage::Channel::Web).via, WelcomeMessage::Via::None);
        QVERIFY(!find(none.id, WelcomeMessage::Channel::Web).problem.isEmpty());
        // Nine can go, three cannot: only the nine are queued.
        QCOMPARE(TAKE(store().outbox.count()), before + 9);
        const auto queued = outboxOf(QStringLiteral("welcome_message"));
        QCOMPARE(queued.size(), 9);
        for (const OutboxEntry &e : queued) {
            QVERIFY(e.payload.value(QStringLiteral("user")).toString() != none.id);
            QCOMPARE(e.operation, QStringLiteral("create"));
        }
    }

    void groupChangesOnMany()
    {
        const UserGroup sales = TAKE(store().groups.findByName(QStringLiteral("Sales")));
        auto users = TAKE(store().users.list({}));
        QStringList outside;
        for (const User &u : users) {
            if (!u.groupIds.contains(sales.id) && outside.size() < 5)
                outside << u.id;
        }
        QCOMPARE(outside.size(), 5);
        const int members = TAKE(store().users.count({}, sales.id));
        QCOMPARE(TAKE(store().users.addToGroup(outside, sales.id)), 5);
        QCOMPARE(TAKE(store().users.count({}, sales.id)), members + 5);
        QCOMPARE(TAKE(store().users.addToGroup(outside, sales.id)), 0); // already members
        // The group is added last: groups the user was in keep deciding its settings.
        for (const QString &id : outside)
            QCOMPARE(TAKE(store().users.get(id)).groupIds.last(), sales.id);
        QCOMPARE(TAKE(store().users.removeFromGroup(outside.mid(0, 2), sales.id)), 2);
        QCOMPARE(TAKE(store().users.count({}, sales.id)), members + 3);
        const auto gone = store().users.addToGroup(outside, QStringLiteral("no-such-group"));
        QVERIFY(!gone);
        QCOMPARE(gone.error().code, ErrorCode::NotFound);
        QCOMPARE(TAKE(store().users.count({}, sales.id)), members + 3);
    }

    void phoneNeedle_data()
    {
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("needle");
        QTest::newRow("national mobile") << QStringLiteral("0475 12") << QStringLiteral("+3247512");
        QTest::newRow("00 prefix") << QStringLiteral("0032 2 300") << QStringLiteral("+322300");
        QTest::newRow("international") << QStringLiteral("+32 (0)2") << QStringLiteral("+3202");
        QTest::newRow("digits") << QStringLiteral("300 00") << QStringLiteral("30000");
        QTest::newRow("not a number") << QStringLiteral("anne") << QStringLiteral("anne");
    }

    void phoneNeedle()
    {
        QFETCH(QString, typed);
        QFETCH(QString, needle);
        QCOMPARE(SqlList::phoneNeedle(typed), needle);
    }

    // Filtering on one column gives the same users in SQL and in the in-memory index.
    void filterOnOneColumn_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("filter");
        QTest::addColumn<bool>("some");
        QTest::newRow("last name") << QStringLiteral("lastName") << QStringLiteral("ma") << true;
        QTest::newRow("last name, accents ignored") << QStringLiteral("lastName") << QStringLiteral("LEFÈ") << true;
        QTest::newRow("first name") << QStringLiteral("firstName") << QStringLiteral("an") << true;
        QTest::newRow("username") << QStringLiteral("username") << QStringLiteral("user.1") << true;
        QTest::newRow("email") << QStringLiteral("email") << QStringLiteral("USER.2") << true;
        QTest::newRow("mobile typed nationally") << QStringLiteral("mobile") << QStringLiteral("047") << true;
        QTest::newRow("direct number") << QStringLiteral("directNumber") << QStringLiteral("02 300") << true;
        QTest::newRow("group") << QStringLiteral("groups") << QStringLiteral("sales") << true;
        QTest::newRow("phone model") << QStringLiteral("phones") << QStringLiteral("snom") << true;
        QTest::newRow("no match") << QStringLiteral("email") << QStringLiteral("zzzz") << false;
    }

    void filterOnOneColumn()
    {
        QFETCH(QString, field);
        QFETCH(QString, filter);
        QFETCH(bool, some);
        ListQuery q;
        q.filter = filter;
        q.filterField = field;
        const auto sql = TAKE(store().users.list(q));
        QCOMPARE(TAKE(store().users.count(filter, {}, field)), sql.size());
        QCOMPARE(!sql.isEmpty(), some);
        const UserIndex index = TAKE(UserIndex::load(store().database()));
        const std::vector<int> hits = index.match(filter, QStringLiteral("lastName"), false, field);
        QStringList fromIndex = index.ids(hits, 0, -1);
        QStringList fromSql;
        for (const User &u : sql)
            fromSql << u.id;
        QCOMPARE(fromIndex, fromSql);
        // A column filter is narrower than (or equal to) the same text in every column, except for
        // groups and phones, which the free text does not search.
        if (field != QLatin1String("groups") && field != QLatin1String("phones") && field != QLatin1String("mobile")
            && field != QLatin1String("directNumber"))
            QVERIFY(TAKE(store().users.count(filter)) >= sql.size());
    }

    void phoneFilterFindsTheMac()
    {
        const auto phones = TAKE(store().phones.list({}));
        QVERIFY(!phones.isEmpty());
        SipPhone owned;
        for (const SipPhone &p : phones) {
            if (!p.ownerId.isEmpty()) {
                owned = p;
                break;
            }
        }
        QVERIFY(!owned.id.isEmpty());
        const QString typed = SipPhone::formatMac(owned.mac).left(14).toLower(); // "00:04:13:aa:bb"
        ListQuery q;
        q.filter = typed;
        q.filterField = QStringLiteral("phones");
        QStringList ids;
        for (const User &u : TAKE(store().users.list(q)))
            ids << u.id;
        QVERIFY(ids.contains(owned.ownerId));
        const UserIndex index = TAKE(UserIndex::load(store().database()));
        QVERIFY(index.ids(index.match(typed, QStringLiteral("lastName"), false, QStringLiteral("phones")), 0, -1).contains(owned.ownerId));
        // The list shows each user's desk phones.
        QVERIFY(TAKE(store().users.phoneModels({owned.ownerId})).value(owned.ownerId).contains(owned.model));
    }

    void cancelledImportWritesNothing()
    {
        // Enough rows to reach a point where the import looks at the cancel flag.
        QString csv = QStringLiteral("username;first_name;last_name\n");
        for (int i = 0; i < 600; ++i)
            csv += QStringLiteral("new.%1@domaincustomer.be;New;Person %1\n").arg(i);
        const QString path = m_ts->dir.filePath(QStringLiteral("many.csv"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(csv.toUtf8());
        f.close();
        UserCsv importer(store());
        BulkCancel stop(true);
        auto cancelledPlan = importer.planFile(path, {}, &stop);
        QVERIFY(!cancelledPlan);
        QCOMPARE(cancelledPlan.error().message, ImportPlan::cancelledMessage());
        const auto plan = TAKE(importer.planFile(path));
        QCOMPARE(plan.count(ImportRow::Action::Create), 600);
        const int users = TAKE(store().users.count());
        const int outbox = TAKE(store().outbox.count());
        int calls = 0;
        BulkCancel later(false);
        // Cancelled half-way: the transaction is rolled back.
        const Status s = importer.apply(plan, false, [&](int done, int) { if (++calls == 2) later = true; Q_UNUSED(done) }, &later);
        QVERIFY(!s);
        QCOMPARE(TAKE(store().users.count()), users);
        QCOMPARE(TAKE(store().outbox.count()), outbox);
        VERIFY_OK(importer.apply(plan, false));
        QCOMPARE(TAKE(store().users.count()), users + 600);
    }

    void googleSheetsExport()
    {
        // Google Sheets: comma, LF, no byte-order mark, quotes only where needed.
        const auto plan = TAKE(UserCsv(store()).planFile(QStringLiteral(CENTRALE_TEST_DATA "/csv/google-sheets-users.csv")));
        QCOMPARE(plan.count(ImportRow::Action::Rejected), 1);
        QCOMPARE(plan.count(ImportRow::Action::Create), 2);
        for (const ImportRow &r : plan.rows) {
            if (r.action == ImportRow::Action::Rejected) {
                QCOMPARE(r.line, 4);
                QVERIFY(r.reason.contains(QStringLiteral("mobile"), Qt::CaseInsensitive) || r.reason.contains(QStringLiteral("number")));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestUsersAdmin)
#include "tst_users_admin.moc"
