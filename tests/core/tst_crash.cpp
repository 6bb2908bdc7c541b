// Crash safety: a process killed in the middle of a large write transaction leaves the store
// sound, with the last committed state intact and nothing of the unfinished transaction.
#include "TestStore.h"

#include <QElapsedTimer>
#include <QProcess>

using namespace centrale;

class TestCrash : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void killedMidTransaction()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("crash.sqlite"));

        QProcess setup;
        setup.start(QStringLiteral(CENTRALE_CRASH_WRITER), {path, QStringLiteral("setup")});
        QVERIFY(setup.waitForFinished(60000));
        QCOMPARE(setup.exitCode(), 0);

        QProcess writer;
        writer.start(QStringLiteral(CENTRALE_CRASH_WRITER), {path});
        QVERIFY(writer.waitForStarted());
        QByteArray seen;
        QElapsedTimer waited;
        waited.start();
        while (!seen.contains("writing") && writer.state() == QProcess::Running && waited.elapsed() < 120000) {
            writer.waitForReadyRead(1000);
            seen += writer.readAllStandardOutput();
        }
        QVERIFY2(seen.contains("writing"), seen.constData());
        QCOMPARE(writer.state(), QProcess::Running);
        writer.kill(); // SIGKILL: no destructor, no rollback, no close
        QVERIFY(writer.waitForFinished(10000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        Store store;
        QVERIFY(store.open(path));
        QCOMPARE(store.database().integrityCheck(), QStringLiteral("ok"));
        auto count = store.users.count();
        QVERIFY(count);
        QCOMPARE(*count, 100);
        QVERIFY(store.users.findByUsername(QStringLiteral("user.100@domaincustomer.be")));
        QVERIFY(!store.users.findByUsername(QStringLiteral("user.1000@domaincustomer.be")));
        auto outbox = store.outbox.count();
        QVERIFY(outbox);
        QCOMPARE(*outbox, 101); // the organisation and the 100 committed users
        // The store is usable after the crash.
        User u;
        u.username = QStringLiteral("after.crash@domaincustomer.be");
        u.firstName = QStringLiteral("After");
        u.lastName = QStringLiteral("Crash");
        QVERIFY(store.users.create(u));
    }
};

QTEST_GUILESS_MAIN(TestCrash)
#include "tst_crash.moc"
