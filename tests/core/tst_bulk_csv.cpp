// CSV import and export of users and contacts: parsing (libcsv), the dry-run plan, the
// all-or-nothing apply, the outbox, and export → import round trips.
#include "bulk/ContactCsv.h"
#include "bulk/CsvTable.h"
#include "bulk/UserCsv.h"
#include "demo/DemoGenerator.h"

#include "TestResult.h"
#include "TestStore.h"

#include <QTest>

using namespace centrale;

class TestBulkCsv : public QObject {
    Q_OBJECT

    std::unique_ptr<TestStore> m_ts;
    Store &store() { return *m_ts->store; }

    static QString data(const char *name) { return QStringLiteral(CENTRALE_TEST_DATA "/csv/") + QLatin1String(name); }

    static const ImportRow *rowAt(const ImportPlan &plan, int line)
    {
        for (const ImportRow &r : plan.rows) {
            if (r.line == line)
                return &r;
        }
        return nullptr;
    }

    static void checkCounts(const ImportPlan &plan, int create, int update, int unchanged, int rejected)
    {
        QCOMPARE(plan.count(ImportRow::Action::Create), create);
        QCOMPARE(plan.count(ImportRow::Action::Update), update);
        QCOMPARE(plan.count(ImportRow::Action::Unchanged), unchanged);
        QCOMPARE(plan.count(ImportRow::Action::Rejected), rejected);
    }

    // The rejected rows as "line: reason".
    static QStringList rejections(const ImportPlan &plan)
    {
        QStringList out;
        for (const ImportRow &r : plan.rows) {
            if (r.action == ImportRow::Action::Rejected)
                out << QString(QString::number(r.line) + QStringLiteral(": ") + r.reason);
        }
        return out;
    }

    static ListQuery filtered(const QString &text)
    {
        ListQuery q;
        q.filter = text;
        return q;
    }

    int outboxCount() { return TAKE(store().outbox.count()); }
    int userCount() { return TAKE(store().users.count()); }

private Q_SLOTS:
    void init()
    {
        m_ts = std::make_unique<TestStore>();
        QVERIFY(m_ts->open(false));
        VERIFY_OK(DemoGenerator::generate(store().database(), {}));
        store().refreshOrganisation();
        QCOMPARE(outboxCount(), 0);
    }

    void cleanup() { m_ts.reset(); }

    void csvTableReadsEveryDialect_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<char>("separator");
        QTest::newRow("excel: BOM, semicolon, CRLF") << QByteArray("\xEF\xBB\xBF" "a;b\r\n1;\"x;y\"\r\n2;z\r\n") << ';';
        QTest::newRow("libreoffice: comma, LF") << QByteArray("a,b\n1,\"x;y\"\n2,z\n") << ',';
        QTest::newRow("no final line break") << QByteArray("a,b\n1,\"x;y\"\n2,z") << ',';
        QTest::newRow("blank lines between rows") << QByteArray("a;b\r\n\r\n1;\"x;y\"\r\n\r\n2;z\r\n") << ';';
    }

    void csvTableReadsEveryDialect()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(char, separator);
        const CsvTable t = TAKE(CsvTable::parse(bytes));
        QCOMPARE(t.separator, separator);
        QCOMPARE(t.header, (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(t.rows.size(), 2);
        QCOMPARE(t.rows.at(0).fields, (QStringList{QStringLiteral("1"), QStringLiteral("x;y")}));
        QCOMPARE(t.rows.at(1).fields, (QStringList{QStringLiteral("2"), QStringLiteral("z")}));
        QVERIFY(t.rows.at(0).line < t.rows.at(1).line);
    }

    void csvTableLineNumbersAndQuotes()
    {
        const CsvTable t = TAKE(CsvTable::parse("a,b\n\"multi\nline\",\"say \"\"hi\"\"\"\n\nnext,\"c,d\"\n"));
        QCOMPARE(t.rows.size(), 2);
        QCOMPARE(t.rows.at(0).line, 2);
        QCOMPARE(t.rows.at(0).fields, (QStringList{QStringLiteral("multi\nline"), QStringLiteral("say \"hi\"")}));
        QCOMPARE(t.rows.at(1).line, 5);
        QCOMPARE(t.rows.at(1).fields.at(1), QStringLiteral("c,d"));

        auto broken = CsvTable::parse("a,b\n1,\"open\n");
        VERIFY_ERROR(broken, ErrorCode::Invalid);
        QVERIFY2(broken.error().message.contains(QLatin1String("Line 2")), qPrintable(broken.error().message));
    }

    void csvTableWritesExcelFriendlyFiles()
    {
        const QStringList header{QStringLiteral("name"), QStringLiteral("note")};
        const QList<QStringList> rows{{QStringLiteral("Zoë \"Z\""), QStringLiteral("a;b,c\nd")}};
        const QByteArray bytes = CsvTable::write(header, rows, ';');
        QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
        QVERIFY(bytes.endsWith("\r\n"));
        QVERIFY(bytes.contains("\"Zo\xC3\xAB \"\"Z\"\"\""));
        for (char sep : {';', ','}) {
            const CsvTable back = TAKE(CsvTable::parse(CsvTable::write(header, rows, sep)));
            QCOMPARE(back.separator, sep);
            QCOMPARE(back.header, header);
            QCOMPARE(back.rows.size(), 1);
            QCOMPARE(back.rows.at(0).fields, rows.at(0));
        }
    }

    void excelUsers()
    {
        UserCsv csv(store());
        const UserCsv::Plan plan = TAKE(csv.planFile(data("excel-users.csv")));
        QVERIFY(plan.unknownColumns.isEmpty());
        checkCounts(plan, 2, 1, 1, 0);
        QCOMPARE(rowAt(plan, 2)->action, ImportRow::Action::Create);
        QCOMPARE(rowAt(plan, 3)->action, ImportRow::Action::Create);
        QCOMPARE(rowAt(plan, 4)->action, ImportRow::Action::Update);
        QCOMPARE(rowAt(plan, 5)->action, ImportRow::Action::Unchanged);
        QCOMPARE(userCount(), 48); // a dry run writes nothing

        VERIFY_OK(csv.apply(plan, false));
        // Two users created, one updated, one pool number given: one outbox entry each.
        QCOMPARE(outboxCount(), 4);
        const User elodie = TAKE(store().users.findByUsername(QStringLiteral("user.100@domaincustomer.be")));
        QCOMPARE(elodie.firstName, QStringLiteral("Élodie"));
        QCOMPARE(elodie.lastName, QStringLiteral("Lefèvre"));
        QCOMPARE(elodie.mobile, QStringLiteral("+32475123456"));
        QCOMPARE(elodie.directNumber, QStringLiteral("+3223000007"));
        QCOMPARE(elodie.groupIds.size(), 2);
        QCOMPARE(TAKE(store().groups.get(elodie.groupIds.at(0))).name, QStringLiteral("Sales"));
        QCOMPARE(TAKE(store().groups.get(elodie.groupIds.at(1))).name, QStringLiteral("Support"));
        QCOMPARE(TAKE(store().users.findByUsername(QStringLiteral("user.101@domaincustomer.be"))).lastName, QStringLiteral("Müller-Öztürk"));
        QCOMPARE(TAKE(store().users.findByUsername(QStringLiteral("user.1@domaincustomer.be"))).lastName, QStringLiteral("Martin-Dubois"));

        // The same file again changes nothing.
        const UserCsv::Plan again = TAKE(csv.planFile(data("excel-users.csv")));
        checkCounts(again, 0, 0, 4, 0);
    }

    void libreOfficeUsers()
    {
        UserCsv csv(store());
        const UserCsv::Plan plan = TAKE(csv.planFile(data("libreoffice-users.csv")));
        checkCounts(plan, 3, 0, 0, 1);
        // Line 4's quoted field spans two lines: it is rejected, and the next row starts on line 6.
        QCOMPARE(rejections(plan).size(), 1);
        QVERIFY2(rejections(plan).first().startsWith(QLatin1String("4: ")), qPrintable(rejections(plan).join(u'\n')));
        QVERIFY(rejections(plan).first().contains(QLatin1String("control character")));
        QCOMPARE(rowAt(plan, 6)->key, QStringLiteral("user.105@domaincustomer.be"));

        // Refused while rows are rejected, unless they are skipped.
        const Status refused = csv.apply(plan, false);
        VERIFY_ERROR(refused, ErrorCode::Invalid);
        QVERIFY(refused.error().message.contains(QLatin1String("1 row")));
        QCOMPARE(userCount(), 48);
        QCOMPARE(outboxCount(), 0);
        VERIFY_OK(csv.apply(plan, true));
        QCOMPARE(userCount(), 51);
        QCOMPARE(TAKE(store().users.findByUsername(QStringLiteral("user.102@domaincustomer.be"))).lastName, QStringLiteral("Dupont, épouse Leroy"));
        const User sean = TAKE(store().users.findByUsername(QStringLiteral("user.103@domaincustomer.be")));
        QCOMPARE(sean.lastName, QStringLiteral("O\"Brien"));
        QCOMPARE(sean.directNumber, QStringLiteral("+3223000013"));
        QVERIFY(!store().users.findByUsername(QStringLiteral("user.104@domaincustomer.be")));
    }

    void badNumbers()
    {
        const UserCsv::Plan plan = TAKE(UserCsv(store()).planFile(data("bad-numbers.csv")));
        checkCounts(plan, 1, 0, 0, 4);
        const QStringList r = rejections(plan);
        QCOMPARE(r.size(), 4);
        QVERIFY2(r.at(0).startsWith(QLatin1String("2: 12345 is not a valid")), qPrintable(r.at(0)));
        QVERIFY2(r.at(1).startsWith(QLatin1String("3: 02 999 99 99 is not a valid")), qPrintable(r.at(1)));
        QVERIFY2(r.at(2).startsWith(QLatin1String("4: +32 2 300 00 03 is already assigned to Inge Lemmens")), qPrintable(r.at(2)));
        QVERIFY2(r.at(3).startsWith(QLatin1String("5: ")) && r.at(3).contains(QLatin1String("not a mobile number")), qPrintable(r.at(3)));
        QCOMPARE(rowAt(plan, 6)->action, ImportRow::Action::Create);
    }

    void unknownGroup()
    {
        const UserCsv::Plan plan = TAKE(UserCsv(store()).planFile(data("unknown-group.csv")));
        checkCounts(plan, 1, 0, 0, 1);
        QVERIFY2(rejections(plan).first().startsWith(QLatin1String("2: There is no user group Marketing")), qPrintable(rejections(plan).first()));
        QCOMPARE(rowAt(plan, 3)->action, ImportRow::Action::Create); // "support": group names match without regard to case
    }

    void duplicateUsername()
    {
        const UserCsv::Plan plan = TAKE(UserCsv(store()).planFile(data("duplicate-username.csv")));
        checkCounts(plan, 1, 0, 0, 3);
        const QStringList r = rejections(plan);
        QVERIFY2(r.at(0).startsWith(QLatin1String("3: The direct number +32 2 300 00 25 is already given on line 2")), qPrintable(r.at(0)));
        QVERIFY2(r.at(1).startsWith(QLatin1String("4: The username user.200@domaincustomer.be is already on line 2")), qPrintable(r.at(1)));
        QVERIFY2(r.at(2).startsWith(QLatin1String("5: user.202@example.com")) && r.at(2).contains(QLatin1String("@domaincustomer.be")),
                 qPrintable(r.at(2)));
    }

    void brokenFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::newRow("missing column") << QStringLiteral("missing-column.csv") << QStringLiteral("The file has no column last_name");
        QTest::newRow("Latin-1") << QStringLiteral("not-utf8.csv") << QStringLiteral("Line 3 is not UTF-8 text");
        QTest::newRow("empty") << QStringLiteral("empty.csv") << QStringLiteral("The file is empty");
        QTest::newRow("absent") << QStringLiteral("no-such-file.csv") << QStringLiteral("Cannot open");
    }

    void brokenFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        auto plan = UserCsv(store()).planFile(data(file.toUtf8().constData()));
        QVERIFY(!plan);
        QVERIFY2(plan.error().message.startsWith(message), qPrintable(plan.error().message));
    }

    void googleContacts()
    {
        ContactCsv csv(store());
        const int before = TAKE(store().contacts.count());
        const ContactCsv::Plan plan = TAKE(csv.planFile(data("google-contacts.csv")));
        QCOMPARE(plan.unknownColumns, QStringList{QStringLiteral("notes")});
        checkCounts(plan, 3, 0, 1, 0);
        QCOMPARE(rowAt(plan, 5)->action, ImportRow::Action::Unchanged);
        VERIFY_OK(csv.apply(plan, false));
        QCOMPARE(TAKE(store().contacts.count()), before + 3);
        QCOMPARE(outboxCount(), 3);
        const QList<Contact> org = TAKE(store().contacts.list(filtered(QStringLiteral("Garage")), Contact::Scope::Organisation));
        QCOMPARE(org.size(), 1);
        QCOMPARE(org.first().company, QStringLiteral("Garage Dubois, SPRL"));
        QCOMPARE(org.first().numbers, (QList<ContactNumber>{{QStringLiteral("Accueil"), QStringLiteral("+3225112233")},
                                                             {QStringLiteral("Urgence"), QStringLiteral("+32476998877")}}));
        const QList<Contact> acme = TAKE(store().contacts.list(filtered(QStringLiteral("Janssens")), Contact::Scope::Group));
        QCOMPARE(acme.size(), 1);
        QCOMPARE(acme.first().company, QStringLiteral("Acme \"Belgium\""));
        QCOMPARE(acme.first().sourceName, QStringLiteral("Sales"));
        QCOMPARE(TAKE(csv.planFile(data("google-contacts.csv"))).count(ImportRow::Action::Unchanged), 4);
    }

    void semicolonContacts()
    {
        ContactCsv csv(store());
        const ContactCsv::Plan plan = TAKE(csv.planFile(data("contacts-semicolon.csv")));
        checkCounts(plan, 1, 1, 0, 2);
        QCOMPARE(rowAt(plan, 2)->action, ImportRow::Action::Update);
        const QStringList r = rejections(plan);
        QVERIFY2(r.at(0).startsWith(QLatin1String("4: team is not a contact level")), qPrintable(r.at(0)));
        QVERIFY2(r.at(1).startsWith(QLatin1String("5: There is no user nobody@domaincustomer.be")), qPrintable(r.at(1)));
        VERIFY_ERROR(csv.apply(plan, false), ErrorCode::Invalid);
        QCOMPARE(outboxCount(), 0);
        VERIFY_OK(csv.apply(plan, true));
        QCOMPARE(outboxCount(), 2);
        const QList<Contact> lina = TAKE(store().contacts.list(filtered(QStringLiteral("Goossens")), Contact::Scope::Group));
        QCOMPARE(lina.size(), 1);
        QCOMPARE(lina.first().email, QStringLiteral("lina.goossens@ucb.be"));
    }

    void applyIsAllOrNothing()
    {
        UserCsv csv(store());
        const UserCsv::Plan plan = TAKE(csv.planFile(data("excel-users.csv")));
        checkCounts(plan, 2, 1, 1, 0);
        // Someone takes the username of line 3 after the dry run: the apply fails on that row.
        User intruder;
        intruder.username = QStringLiteral("user.101@domaincustomer.be");
        intruder.firstName = QStringLiteral("Other");
        intruder.lastName = QStringLiteral("Person");
        VERIFY_OK(store().users.create(intruder));
        const int outbox = outboxCount();
        const Status s = csv.apply(plan, false);
        VERIFY_ERROR(s, ErrorCode::Duplicate);
        QVERIFY2(s.error().message.startsWith(QLatin1String("Line 3:")), qPrintable(s.error().message));
        // Line 2 was written before the failure, and rolled back with the rest.
        QVERIFY(!store().users.findByUsername(QStringLiteral("user.100@domaincustomer.be")));
        QVERIFY(TAKE(store().numbers.findByNumber(QStringLiteral("+3223000007"))).isFree());
        QCOMPARE(TAKE(store().users.findByUsername(QStringLiteral("user.1@domaincustomer.be"))).lastName, QStringLiteral("Martin"));
        QCOMPARE(TAKE(store().users.findByUsername(QStringLiteral("user.101@domaincustomer.be"))).firstName, QStringLiteral("Other"));
        QCOMPARE(outboxCount(), outbox);
        QCOMPARE(userCount(), 49);
    }

    void absentColumnsKeepValuesAndEmptyNumberReleases()
    {
        UserCsv csv(store());
        const User before = TAKE(store().users.findByUsername(QStringLiteral("user.1@domaincustomer.be")));
        QVERIFY(!before.directNumber.isEmpty());
        // Only the required columns: everything else stays as it is.
        CsvTable t = TAKE(CsvTable::parse("username;first_name;last_name\r\nuser.1@domaincustomer.be;Sophie;Martin\r\n"));
        checkCounts(TAKE(csv.plan(t)), 0, 0, 1, 0);
        // An empty direct_number gives the number back to the pool.
        t = TAKE(CsvTable::parse("username;first_name;last_name;direct_number\r\nuser.1@domaincustomer.be;Sophie;Martin;\r\n"));
        const UserCsv::Plan plan = TAKE(csv.plan(t));
        checkCounts(plan, 0, 1, 0, 0);
        VERIFY_OK(csv.apply(plan, false));
        const User after = TAKE(store().users.findByUsername(QStringLiteral("user.1@domaincustomer.be")));
        QVERIFY(after.directNumber.isEmpty());
        QCOMPARE(after.groupIds, before.groupIds);
        QCOMPARE(after.mobile, before.mobile);
        QVERIFY(TAKE(store().numbers.findByNumber(before.directNumber)).isFree());
    }

    void exportThenImportChangesNothing_data()
    {
        QTest::addColumn<char>("separator");
        QTest::newRow("semicolon") << ';';
        QTest::newRow("comma") << ',';
    }

    void exportThenImportChangesNothing()
    {
        QFETCH(char, separator);
        // Accents, quotes and separators inside fields travel both ways.
        User u = TAKE(store().users.findByUsername(QStringLiteral("user.5@domaincustomer.be")));
        u.firstName = QStringLiteral("Zoë \"Zizi\"");
        u.lastName = QStringLiteral("d'Artagnan; Ça va, oui");
        VERIFY_OK(store().users.update(u));
        Contact c;
        c.company = QStringLiteral("Café \"Le Coin\"; Brussel, BE");
        c.numbers = {{QStringLiteral("Bar: terrasse"), QStringLiteral("02 511 22 33")}};
        VERIFY_OK(store().contacts.create(c));
        const int outbox = outboxCount();

        QTemporaryDir dir;
        const QString users = dir.filePath(QStringLiteral("users.csv"));
        const QString contacts = dir.filePath(QStringLiteral("contacts.csv"));
        VERIFY_OK(UserCsv(store()).exportFile(users, separator));
        VERIFY_OK(ContactCsv(store()).exportFile(contacts, separator));
        const CsvTable table = TAKE(CsvTable::readFile(users));
        QCOMPARE(table.separator, separator);
        QCOMPARE(table.rows.size(), 48);

        const UserCsv::Plan up = TAKE(UserCsv(store()).planFile(users));
        checkCounts(up, 0, 0, 48, 0);
        const int contactCount = TAKE(store().contacts.count());
        const ContactCsv::Plan cp = TAKE(ContactCsv(store()).planFile(contacts));
        checkCounts(cp, 0, 0, contactCount, 0);
        VERIFY_OK(UserCsv(store()).apply(up, false));
        VERIFY_OK(ContactCsv(store()).apply(cp, false));
        QCOMPARE(outboxCount(), outbox);
        QCOMPARE(TAKE(store().users.findByUsername(QStringLiteral("user.5@domaincustomer.be"))).lastName, QStringLiteral("d'Artagnan; Ça va, oui"));
    }

    void exportOneLevel()
    {
        ContactCsv csv(store());
        const QList<QStringList> sales = TAKE(csv.exportRows(Contact::Scope::Group, QStringLiteral("Sales")));
        QVERIFY(!sales.isEmpty());
        for (const QStringList &row : sales) {
            QCOMPARE(row.at(0), QStringLiteral("group"));
            QCOMPARE(row.at(1), QStringLiteral("Sales"));
        }
        const QList<QStringList> org = TAKE(csv.exportRows(Contact::Scope::Organisation));
        QVERIFY(!org.isEmpty());
        for (const QStringList &row : org)
            QVERIFY(row.at(1).isEmpty());
        VERIFY_ERROR(csv.exportRows(Contact::Scope::Group, QStringLiteral("Nobody")), ErrorCode::NotFound);
    }

    void largeGeneratedImport()
    {
        constexpr int n = 20000;
        QByteArray bytes("\xEF\xBB\xBFusername;first_name;last_name;email;mobile;language;groups\r\n");
        // One row in ten joins a group. (Joining a group costs the repository a count of the group's
        // members, so thousands of new members of one group would measure that, not the import.)
        for (int i = 0; i < n; ++i)
            bytes += QStringLiteral("bulk.%1@domaincustomer.be;Prénom %1;Nom;bulk.%1@example.be;+3247%2;nl;%3\r\n")
                         .arg(i)
                         .arg(i + 1000000, 7, 10, QLatin1Char('0'))
                         .arg(i % 10 == 0 ? QStringLiteral("Sales") : QString())
                         .toUtf8();
        const CsvTable table = TAKE(CsvTable::parse(bytes));
        QCOMPARE(table.rows.size(), n);
        QCOMPARE(table.rows.last().line, n + 1);
        UserCsv csv(store());
        int calls = 0;
        int lastDone = -1;
        bool monotonic = true;
        auto progress = [&](int done, int total) {
            ++calls;
            monotonic = monotonic && done >= lastDone && total == n;
            lastDone = done;
        };
        const UserCsv::Plan plan = TAKE(csv.plan(table, progress));
        checkCounts(plan, n, 0, 0, 0);
        QVERIFY(calls > 10);
        QVERIFY(monotonic);
        QCOMPARE(lastDone, n);
        VERIFY_OK(csv.apply(plan, false));
        QCOMPARE(userCount(), 48 + n);
        QCOMPARE(outboxCount(), n);
    }
};

QTEST_GUILESS_MAIN(TestBulkCsv)
#include "tst_bulk_csv.moc"
