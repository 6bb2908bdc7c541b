// centrale-cli, run as a process: output, JSON, exit codes, errors.
#include "CliRunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestCli : public QObject {
    Q_OBJECT

    using Run = CliRun;

    Run cli(const QStringList &args)
    {
        return runCli(args, m_dir.filePath(QStringLiteral("xdg")));
    }

    QJsonArray jsonList(const QStringList &args)
    {
        const Run r = cli(args);
        if (r.code != 0)
            qWarning().noquote() << r.err;
        return QJsonDocument::fromJson(r.out.toUtf8()).array();
    }

    QTemporaryDir m_dir;
    QString m_store;

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_store = m_dir.filePath(QStringLiteral("demo.sqlite"));
        const Run r = cli({QStringLiteral("demo"), QStringLiteral("--store"), m_store});
        QCOMPARE(r.code, 0);
        QVERIFY2(r.out.contains(QLatin1String("domaincustomer.be")), qPrintable(r.out));
    }

    void versionAndHelp()
    {
        Run r = cli({QStringLiteral("--version")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.startsWith(QLatin1String("centrale-cli ")));
        r = cli({QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        for (const char *command : {"demo", "users list", "groups list", "contacts list", "numbers list", "functions list"})
            QVERIFY2(r.out.contains(QLatin1String(command)), command);
        r = cli({QStringLiteral("users"), QStringLiteral("--help")});
        QCOMPARE(r.code, 0);
        QVERIFY(r.out.contains(QLatin1String("--filter")));
    }

    void usageErrors()
    {
        QCOMPARE(cli({}).code, 2);
        Run r = cli({QStringLiteral("frobnicate")});
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains(QLatin1String("frobnicate")));
        QCOMPARE(cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--sort"), QStringLiteral("shoeSize")}).code, 2);
        QCOMPARE(cli({QStringLiteral("users"), QStringLiteral("explode"), QStringLiteral("--store"), m_store}).code, 2);
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--store"), m_dir.filePath(QStringLiteral("x.sqlite")), QStringLiteral("--users"), QStringLiteral("many")}).code, 2);
    }

    void missingOrBrokenStore()
    {
        Run r = cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--store"), m_dir.filePath(QStringLiteral("nope.sqlite"))});
        QCOMPARE(r.code, 3);
        QVERIFY(r.err.contains(QLatin1String("demo --store")));
        QFile junk(m_dir.filePath(QStringLiteral("junk.sqlite")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        r = cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--store"), junk.fileName()});
        QCOMPARE(r.code, 3);
        QVERIFY(!r.err.isEmpty());
    }

    void demoRefusesExistingStore()
    {
        const Run r = cli({QStringLiteral("demo"), QStringLiteral("--store"), m_store});
        QCOMPARE(r.code, 1);
        QVERIFY(r.err.contains(QLatin1String("already exists")));
    }

    void usersList()
    {
        const QJsonArray all = jsonList({QStringLiteral("--store"), m_store, QStringLiteral("--json"), QStringLiteral("users"), QStringLiteral("list")});
        QCOMPARE(all.size(), 48);
        // Sorted by last name.
        for (int i = 1; i < all.size(); ++i)
            QVERIFY(all.at(i - 1)[QLatin1String("lastName")].toString().compare(all.at(i)[QLatin1String("lastName")].toString(), Qt::CaseInsensitive) <= 0);
        const QJsonArray filtered = jsonList({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--json"),
                                              QStringLiteral("--filter"), QStringLiteral("user.12@")});
        QCOMPARE(filtered.size(), 1);
        QCOMPARE(filtered.first()[QLatin1String("username")].toString(), QStringLiteral("user.12@domaincustomer.be"));
        QVERIFY(filtered.first()[QLatin1String("mobile")].toString().startsWith(QLatin1String("+324")));
        const Run text = cli({QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--limit"), QStringLiteral("3")});
        QCOMPARE(text.code, 0);
        QCOMPARE(text.out.trimmed().split(QLatin1Char('\n')).size(), 4); // header + 3
        QVERIFY(text.out.contains(QLatin1String("+32 470")));
    }

    void groupsList()
    {
        const QJsonArray groups = jsonList({QStringLiteral("groups"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--json")});
        QStringList names;
        int members = 0;
        for (const QJsonValue &g : groups) {
            names << g[QLatin1String("name")].toString();
            members += g[QLatin1String("members")].toInt();
        }
        QVERIFY(names.contains(QStringLiteral("Sales")));
        QVERIFY(names.contains(QStringLiteral("Support")));
        QVERIFY(names.contains(QStringLiteral("Management")));
        QVERIFY(members >= 48);
    }

    void effectiveContacts()
    {
        const QJsonArray contacts = jsonList({QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--json"),
                                              QStringLiteral("--user"), QStringLiteral("user.4@domaincustomer.be")});
        QSet<QString> scopes;
        for (const QJsonValue &c : contacts)
            scopes << c[QLatin1String("scope")].toString();
        QVERIFY(scopes.contains(QStringLiteral("organisation")));
        QVERIFY(scopes.contains(QStringLiteral("group")));
        const Run unknown = cli({QStringLiteral("contacts"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--user"),
                                 QStringLiteral("nobody@domaincustomer.be")});
        QCOMPARE(unknown.code, 1);
        QVERIFY(unknown.err.contains(QLatin1String("nobody@domaincustomer.be")));
    }

    void numbersAndFunctions()
    {
        const QJsonArray all = jsonList({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--json")});
        const QJsonArray free = jsonList({QStringLiteral("numbers"), QStringLiteral("list"), QStringLiteral("--free"), QStringLiteral("--store"), m_store, QStringLiteral("--json")});
        QVERIFY(!free.isEmpty());
        QVERIFY(free.size() < all.size());
        for (const QJsonValue &n : free)
            QVERIFY(n[QLatin1String("free")].toBool());
        const QJsonArray functions = jsonList({QStringLiteral("functions"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--json")});
        QCOMPARE(functions.size(), 2);
        QCOMPARE(functions.first()[QLatin1String("defaultState")].toString(), QStringLiteral("closed"));
    }

    void translatedOutput()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("CENTRALE_LANG"), QStringLiteral("fr"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(CENTRALE_CLI), {QStringLiteral("users"), QStringLiteral("list"), QStringLiteral("--store"), m_store, QStringLiteral("--limit"), QStringLiteral("1")});
        QVERIFY(p.waitForFinished(60000));
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        QVERIFY2(out.contains(QLatin1String("Nom d'utilisateur")), qPrintable(out));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
