// centrale-cli users|contacts import|export, run as a process: reports, JSON, exit codes, files.
#include "CliRunner.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCliBulk : public QObject {
    Q_OBJECT

    using Run = CliRun;

    Run cli(const QStringList &args)
    {
        return runCli(args, m_dir.filePath(QStringLiteral("xdg")));
    }

    // A copy of the demo store, so that each test starts from the same data.
    QString freshStore(const QString &name)
    {
        const QString path = m_dir.filePath(name + QStringLiteral(".sqlite"));
        QFile::remove(path);
        return QFile::copy(m_demo, path) ? path : QString();
    }

    static QString data(const char *name) { return QStringLiteral(CENTRALE_TEST_DATA "/csv/") + QLatin1String(name); }

    int userCount(const QString &store, const QString &filter)
    {
        const Run r = cli({QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--store"), store,
                           QStringLiteral("--filter"), filter});
        return r.code == 0 ? int(QJsonDocument::fromJson(r.out.toUtf8()).array().size()) : -1;
    }

    QTemporaryDir m_dir;
    QString m_demo;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_demo = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const Run r = cli({QStringLiteral("demo"), QStringLiteral("--store"), m_demo});
        QCOMPARE(r.code, 0);
    }

    void help()
    {
        Run r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *command : {"users import", "users export", "contacts import", "contacts export"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
        r = cli({QStringLiteral("users"), QStringLiteral("import"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("--dry-run")));
        QVERIFY(r.out.contains(QLatin1String("--skip-rejected")));
        r = cli({QStringLiteral("contacts"), QStringLiteral("export"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("--scope")));
        QVERIFY(r.out.contains(QLatin1String("--comma")));
    }

    void usageAndFileErrors()
    {
        const QString store = freshStore(QStringLiteral("errors"));
        QCOMPARE(cli({QStringLiteral("users"), QStringLiteral("import"), QStringLiteral("--store"), store}).code, 2);
        QCOMPARE(cli({QStringLiteral("users"), QStringLiteral("import"), QStringLiteral("--store"), store, QStringLiteral("--bogus"), data("excel-users.csv")}).code, 2);
        QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("export"), QStringLiteral("--store"), store, QStringLiteral("--owner"), QStringLiteral("Sales"),
                      m_dir.filePath(QStringLiteral("x.csv"))}).code,
                 2);
        QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("export"), QStringLiteral("--store"), store, QStringLiteral("--scope"), QStringLiteral("team"),
                      m_dir.filePath(QStringLiteral("x.csv"))}).code,
                 2);
        Run r = cli({QStringLiteral("users"), QStringLiteral("import"), QStringLiteral("--store"), m_dir.filePath(QStringLiteral("nope.sqlite")), data("excel-users.csv")});
        QCOMPARE(r.code, 3);
        r = cli({QStringLiteral("users"), QStringLiteral("import"), QStringLiteral("--store"), store, data("missing-column.csv")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("last_name")), qPrintable(r.err));
        r = cli({QStringLiteral("users"), QStringLiteral("import"), QStringLiteral("--dry-run"), QStringLiteral("--store"), store, data("not-utf8.csv")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("Line 3 is not UTF-8")), qPrintable(r.err));
        r = cli({QStringLiteral("users"), QStringLiteral("import"), QStringLiteral("--store"), store, data("empty.csv")});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.err.contains(QLatin1String("empty")), qPrintable(r.err));
    }

    void dryRunReport()
    {
        const QString store = freshStore(QStringLiteral("dryrun"));
        Run r = cli({QStringLiteral("users"), QStringLiteral("import"), data("bad-numbers.csv"), QStringLiteral("--dry-run"), QStringLiteral("--store"), store});
        QCOMPARE(r.code, 1);
        for (const char *line : {"Line 2: 12345", "Line 3: 02 999 99 99", "Line 4: +32 2 300 00 03 is already assigned", "Line 5: 02 511 22 33"})
            QVERIFY2(r.out.contains(QLatin1String(line)), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("To create: 1, to update: 0, unchanged: 0, rejected: 4.")), qPrintable(r.out));
        QCOMPARE(userCount(store, QStringLiteral("user.114")), 0);

        r = cli({QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("import"), data("excel-users.csv"), QStringLiteral("--dry-run"),
                 QStringLiteral("--store"), store});
        QCOMPARE(r.code, 0);
        const QJsonObject plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
        const QJsonObject summary = plan[QLatin1String("summary")].toObject();
        QCOMPARE(summary[QLatin1String("create")].toInt(), 2);
        QCOMPARE(summary[QLatin1String("update")].toInt(), 1);
        QCOMPARE(summary[QLatin1String("unchanged")].toInt(), 1);
        QCOMPARE(summary[QLatin1String("rejected")].toInt(), 0);
        const QJsonArray rows = plan[QLatin1String("rows")].toArray();
        QCOMPARE(rows.size(), 4);
        QCOMPARE(rows.at(0)[QLatin1String("line")].toInt(), 2);
        QCOMPARE(rows.at(0)[QLatin1String("action")].toString(), QStringLiteral("create"));
        QCOMPARE(rows.at(0)[QLatin1String("key")].toString(), QStringLiteral("user.100@domaincustomer.be"));
        QCOMPARE(userCount(store, QStringLiteral("user.100")), 0);
    }

    void importRefusedThenSkipped()
    {
        const QString store = freshStore(QStringLiteral("skip"));
        Run r = cli({QStringLiteral("users"), QStringLiteral("import"), data("unknown-group.csv"), QStringLiteral("--store"), store});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("Line 2: There is no user group Marketing")), qPrintable(r.out));
        QVERIFY2(r.err.contains(QLatin1String("nothing was imported")), qPrintable(r.err));
        QCOMPARE(userCount(store, QStringLiteral("user.121")), 0);

        r = cli({QStringLiteral("users"), QStringLiteral("import"), data("unknown-group.csv"), QStringLiteral("--skip-rejected"), QStringLiteral("--store"), store});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("Skipped the rejected rows on lines 2.")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("Imported: 1 created, 0 updated.")), qPrintable(r.out));
        QCOMPARE(userCount(store, QStringLiteral("user.121")), 1);
        QCOMPARE(userCount(store, QStringLiteral("user.120")), 0);
    }

    void usersExportImportRoundTrip()
    {
        const QString store = freshStore(QStringLiteral("users"));
        Run r = cli({QStringLiteral("users"), QStringLiteral("import"), data("excel-users.csv"), QStringLiteral("--store"), store});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("Imported: 2 created, 1 updated.")), qPrintable(r.out));
        QCOMPARE(userCount(store, QStringLiteral("user.100@")), 1);

        for (const bool comma : {false, true}) {
            const QString file = m_dir.filePath(comma ? QStringLiteral("users-comma.csv") : QStringLiteral("users.csv"));
            QStringList args{QStringLiteral("users"), QStringLiteral("export"), file, QStringLiteral("--store"), store};
            if (comma)
                args << QStringLiteral("--comma");
            r = cli(args);
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.contains(QLatin1String("Exported 50 user")), qPrintable(r.out));
            QFile f(file);
            QVERIFY(f.open(QIODevice::ReadOnly));
            const QByteArray bytes = f.readAll();
            QVERIFY(bytes.startsWith(comma ? "\xEF\xBB\xBF\"username\",\"first_name\"" : "\xEF\xBB\xBF\"username\";\"first_name\""));
            QVERIFY(bytes.contains("\r\n"));
            QVERIFY(bytes.contains("\"Lef\xC3\xA8vre\""));
            r = cli({QStringLiteral("users"), QStringLiteral("import"), file, QStringLiteral("--store"), store});
            QCOMPARE(r.code, 0);
            QVERIFY2(r.out.contains(QLatin1String("To create: 0, to update: 0, unchanged: 50, rejected: 0.")), qPrintable(r.out));
        }
    }

    void contacts()
    {
        const QString store = freshStore(QStringLiteral("contacts"));
        Run r = cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("import"), data("google-contacts.csv"), QStringLiteral("--dry-run"),
                     QStringLiteral("--store"), store});
        QCOMPARE(r.code, 0);
        QJsonObject plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(plan[QLatin1String("unknownColumns")].toArray(), QJsonArray{QStringLiteral("notes")});
        QCOMPARE(plan[QLatin1String("summary")][QLatin1String("create")].toInt(), 3);
        QCOMPARE(plan[QLatin1String("summary")][QLatin1String("unchanged")].toInt(), 1);

        r = cli({QStringLiteral("contacts"), QStringLiteral("import"), data("contacts-semicolon.csv"), QStringLiteral("--dry-run"), QStringLiteral("--store"), store});
        QCOMPARE(r.code, 1);
        QVERIFY2(r.out.contains(QLatin1String("Line 4: team is not a contact level")), qPrintable(r.out));
        QVERIFY2(r.out.contains(QLatin1String("To create: 1, to update: 1, unchanged: 0, rejected: 2.")), qPrintable(r.out));

        r = cli({QStringLiteral("contacts"), QStringLiteral("import"), data("google-contacts.csv"), QStringLiteral("--store"), store});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("Columns not understood (ignored): notes")), qPrintable(r.out));

        const QString sales = m_dir.filePath(QStringLiteral("sales.csv"));
        r = cli({QStringLiteral("contacts"), QStringLiteral("export"), sales, QStringLiteral("--scope"), QStringLiteral("group"), QStringLiteral("--owner"),
                 QStringLiteral("Sales"), QStringLiteral("--comma"), QStringLiteral("--store"), store});
        QCOMPARE(r.code, 0);
        QFile f(sales);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        QVERIFY(lines.size() > 3);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            if (!lines.at(i).isEmpty())
                QVERIFY2(lines.at(i).startsWith("\"group\",\"Sales\","), lines.at(i).constData());
        }
        QVERIFY(f.fileName().endsWith(QLatin1String("sales.csv")));
        QVERIFY(lines.join('\n').contains("\"Acme \"\"Belgium\"\"\""));

        const QString all = m_dir.filePath(QStringLiteral("contacts.csv"));
        QCOMPARE(cli({QStringLiteral("contacts"), QStringLiteral("export"), all, QStringLiteral("--store"), store}).code, 0);
        r = cli({QStringLiteral("--json"), QStringLiteral("contacts"), QStringLiteral("import"), all, QStringLiteral("--store"), store});
        QCOMPARE(r.code, 0);
        plan = QJsonDocument::fromJson(r.out.toUtf8()).object();
        QCOMPARE(plan[QLatin1String("summary")][QLatin1String("create")].toInt(), 0);
        QCOMPARE(plan[QLatin1String("summary")][QLatin1String("update")].toInt(), 0);
        QVERIFY(plan[QLatin1String("summary")][QLatin1String("unchanged")].toInt() > 30);
    }
};

QTEST_GUILESS_MAIN(TestCliBulk)
#include "tst_cli_bulk.moc"
