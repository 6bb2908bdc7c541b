// The desktop's connection to a real centrale-server (SQLite): logging in through the dialog and
// its errors, the status bar, a conflict made by another administrator's store and resolved in the
// conflicts dialog both ways, "Forgot password?" answering the same for any account, an
// unreachable server shown offline while the window stays responsive, and the password asked
// again when the administrator view expired. The token is kept in a MemoryCredentialStore given
// to the window.

#include "../server/ServerProcess.h"

#include "common/PagedTableModel.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "store/Store.h"
#include "sync/ConflictFieldsModel.h"
#include "sync/ConflictsDialog.h"
#include "sync/CredentialStore.h"
#include "sync/ElevationDialog.h"
#include "sync/LoginDialog.h"
#include "sync/PasswordResetDialog.h"
#include "sync/RestConnector.h"
#include "sync/SyncController.h"
#include "sync/SyncSetup.h"
#include "sync/SyncStatusWidget.h"

#include <QAbstractItemModelTester>
#include <atomic>
#include <QAction>
#include <QApplication>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace centrale;
using namespace centrale::server::test;

namespace {
const QByteArray kPassword = "Corr3ct-horse-battery";
const QString kDomain = QStringLiteral("domaincustomer.be");
const QString kAdmin = QStringLiteral("admin@domaincustomer.be");
constexpr int kWait = 90000; // a sanitized build talking to a sanitized server
} // namespace

class TestSyncPanel : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    ServerProcess m_shortServer; // its administrator view closes after 2 seconds
    Translations m_translations;

    bool prepareServer(const QString &db)
    {
        const QString url = QStringLiteral("sqlite:") + db;
        return runProgram(QStringLiteral(CENTRALE_SERVER),
                   {QStringLiteral("create-org"), kDomain, QStringLiteral("--name"), QStringLiteral("Domain Customer"),
                       QStringLiteral("--db"), url})
                   .exitCode
            == 0
            && runProgram(QStringLiteral(CENTRALE_SERVER),
                   {QStringLiteral("create-admin"), kAdmin, QStringLiteral("--org"), kDomain, QStringLiteral("--db"), url},
                   kPassword + '\n')
                   .exitCode
            == 0;
    }

    template <typename T> T *dialog()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
                return d;
        }
        return nullptr;
    }

    void logIn(MainWindow &w, const QString &server, const QString &password)
    {
        w.findChild<QAction *>(QStringLiteral("connectAction"))->trigger();
        LoginDialog *login = nullptr;
        QTRY_VERIFY((login = dialog<LoginDialog>()) != nullptr);
        login->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(server);
        login->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(kAdmin);
        login->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(password);
        QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
    }

    static bool shows(const QAbstractItemModel *model, const QString &text)
    {
        for (int r = 0; r < model->rowCount(); ++r) {
            for (int c = 0; c < model->columnCount(); ++c) {
                if (model->index(r, c).data().toString() == text)
                    return true;
            }
        }
        return false;
    }
    static QString firstName(Store &store, const QString &id)
    {
        auto u = store.users.get(id);
        return u ? u->firstName : QString();
    }
    static void rename(Store &store, const QString &id, const QString &name)
    {
        auto u = store.users.get(id);
        QVERIFY(u.ok());
        User user = u.value();
        user.firstName = name;
        QVERIFY(store.users.update(user).ok());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CentraleTest"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_translations.install(QStringLiteral("en")));
        QVERIFY(prepareServer(m_dir.filePath(QStringLiteral("server.db"))));
        QVERIFY(m_server.start(QStringLiteral(CENTRALE_SERVER),
            {QStringLiteral("--db"), QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.db")), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0")}));
        QVERIFY(prepareServer(m_dir.filePath(QStringLiteral("short.db"))));
        QVERIFY(m_shortServer.start(QStringLiteral(CENTRALE_SERVER),
            {QStringLiteral("--db"), QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("short.db")), QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0"), QStringLiteral("--elevation-seconds"), QStringLiteral("2")}));
    }

    void logsInSyncsAndResolvesConflicts()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("gui.sqlite"))).ok());
        DemoGenerator::Options options;
        options.users = 8;
        QVERIFY(DemoGenerator::generate(store.database(), options));
        store.refreshOrganisation();
        MemoryCredentialStore credentials;
        MainWindow w(store, m_translations, nullptr, nullptr, &credentials);
        w.syncController()->setAutomatic(false);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        SyncStatusWidget *status = w.syncStatus();
        QVERIFY(status->stateText().contains(QLatin1String("not connected")));

        // A wrong password: the server's words, and the dialog stays open.
        logIn(w, m_server.url(), QStringLiteral("wrong-password"));
        LoginDialog *login = dialog<LoginDialog>();
        QTRY_VERIFY_WITH_TIMEOUT(login->errorText().contains(QLatin1String("wrong")), kWait);
        QVERIFY(login->isVisible());
        // An address nobody answers on.
        login->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(QStringLiteral("http://127.0.0.1:1"));
        QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(login->errorText().contains(QLatin1String("Cannot reach")), kWait);
        login->close();

        // The right one: connected, the demo sent to the new organisation.
        logIn(w, m_server.url(), QString::fromLatin1(kPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog<LoginDialog>(), kWait);
        QVERIFY2(credentials.read(m_server.url(), kAdmin)->startsWith(QLatin1String("ctk_")),
            qPrintable(credentials.read(m_server.url(), kAdmin).value() + w.syncController()->settings().server));
        QTRY_VERIFY_WITH_TIMEOUT(
            w.syncController()->state() == SyncController::State::Online && w.syncController()->settings().lastSync.isValid(), kWait);
        QVERIFY2(status->stateText().contains(QLatin1String("online")), qPrintable(status->stateText()));
        QCOMPARE(status->waitingText(), QStringLiteral("0 changes waiting to be sent"));
        QVERIFY(status->lastSyncText().startsWith(QLatin1String("last sync")));
        QVERIFY(status->conflictsText().isEmpty());

        // Another administrator's store, filled from the server.
        Store other;
        QVERIFY(other.open(m_dir.filePath(QStringLiteral("other.sqlite"))).ok());
        MemoryCredentialStore otherCredentials;
        RestConnector connector(m_server.url(), QStringLiteral("en"));
        Result<LoginOutcome> outcome = SyncSetup(other, connector, otherCredentials).login(kAdmin, QString::fromLatin1(kPassword));
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        auto otherSync = [&] {
            Result<SyncSettings> settings = SyncSettings::load(other);
            QVERIFY(settings.ok());
            SyncEngine engine(other, connector, settings.value());
            Result<SyncReport> report = engine.run();
            QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.error().message));
        };
        otherSync();
        QString userId;
        const auto users = store.users.list();
        QVERIFY(users.ok());
        for (const User &u : users.value()) {
            if (u.username != kAdmin) {
                userId = u.id;
                break;
            }
        }
        QVERIFY(!firstName(other, userId).isEmpty());

        for (const bool keepMine : {false, true}) {
            const QString theirs = keepMine ? QStringLiteral("Chloé") : QStringLiteral("Amélie");
            const QString mine = keepMine ? QStringLiteral("Denise") : QStringLiteral("Bérénice");
            rename(other, userId, theirs);
            otherSync();
            rename(store, userId, mine);
            w.syncController()->localChanged();
            QTRY_COMPARE(status->waitingText(), QStringLiteral("1 change waiting to be sent"));
            QTest::mouseClick(status->findChild<QPushButton *>(QStringLiteral("syncNowButton")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(status->conflictsText().contains(QLatin1String("1 conflict")), kWait);
            QTRY_VERIFY_WITH_TIMEOUT(w.syncController()->state() == SyncController::State::Online, kWait);

            // The link in the status bar opens the dialog: the record side by side.
            Q_EMIT status->findChild<QLabel *>(QStringLiteral("syncConflicts"))->linkActivated(QStringLiteral("#conflicts"));
            ConflictsDialog *conflicts = dialog<ConflictsDialog>();
            QVERIFY(conflicts);
            QAbstractItemModelTester tester(conflicts->fieldsModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
            QCOMPARE(conflicts->list()->count(), 1);
            QVERIFY(conflicts->list()->item(0)->text().startsWith(QLatin1String("User ")));
            ConflictFieldsModel *fields = conflicts->fieldsModel();
            QVERIFY(fields->rowCount() > 1);
            QCOMPARE(fields->index(0, ConflictFieldsModel::Field).data().toString(), QStringLiteral("First name"));
            QCOMPARE(fields->index(0, ConflictFieldsModel::Mine).data().toString(), mine);
            QCOMPARE(fields->index(0, ConflictFieldsModel::Theirs).data().toString(), theirs);
            QVERIFY(fields->index(0, ConflictFieldsModel::Mine).data(ConflictFieldsModel::DifferentRole).toBool());
            QVERIFY(!fields->index(1, ConflictFieldsModel::Mine).data(ConflictFieldsModel::DifferentRole).toBool());
            QTest::mouseClick(
                conflicts->findChild<QPushButton *>(keepMine ? QStringLiteral("keepMine") : QStringLiteral("takeTheirs")), Qt::LeftButton);
            QTRY_COMPARE_WITH_TIMEOUT(conflicts->list()->count(), 0, kWait);
            conflicts->close();
            if (!keepMine) {
                QCOMPARE(firstName(store, userId), theirs);
                // The users' list shows the server's version.
                w.showPage(MainWindow::Page::Users);
                PagedTableModel *list = w.panel(MainWindow::Page::Users)->model();
                QTRY_VERIFY(shows(list, theirs));
                QTRY_VERIFY(status->conflictsText().isEmpty());
                continue;
            }
            // Mine goes to the server at the next sync, and reaches the other store.
            QCOMPARE(firstName(store, userId), mine);
            w.syncController()->syncNow();
            QTRY_VERIFY_WITH_TIMEOUT(status->waitingText() == QStringLiteral("0 changes waiting to be sent")
                    && w.syncController()->state() == SyncController::State::Online,
                kWait);
            otherSync();
            QCOMPARE(firstName(other, userId), mine);
        }

        // Automatic: a change here reaches the server a few seconds later, with no click.
        w.syncController()->setAutomatic(true);
        rename(store, userId, QStringLiteral("Éloïse"));
        QTRY_VERIFY_WITH_TIMEOUT(w.syncController()->waiting() == 0 && w.syncController()->state() == SyncController::State::Online, kWait);
        otherSync();
        QCOMPARE(firstName(other, userId), QStringLiteral("Éloïse"));
    }

    // A sync stopped half-way keeps what the server took and goes on from there: in the engine
    // (stopped after its first batch), then with the status bar's button.
    void stoppedSyncKeepsWhatWasSent()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("stop.sqlite"))).ok());
        RestConnector connector(m_server.url(), QStringLiteral("en"));
        MemoryCredentialStore credentials;
        Result<LoginOutcome> outcome = SyncSetup(store, connector, credentials).login(kAdmin, QString::fromLatin1(kPassword));
        QVERIFY2(outcome.ok(), outcome.ok() ? "" : qPrintable(outcome.error().message));
        {
            SyncEngine engine(store, connector, SyncSettings::load(store).value());
            QVERIFY(engine.run().ok());
        }
        auto addContacts = [&](const QString &name, int count) {
            const Status s = store.database().transaction([&]() -> Status {
                for (int i = 0; i < count; ++i) {
                    Contact c;
                    c.firstName = name;
                    c.lastName = QStringLiteral("Contact %1").arg(i, 4, 10, QLatin1Char('0'));
                    c.numbers.append({QStringLiteral("Work"), QStringLiteral("+3223%1").arg(300000 + i)});
                    if (auto r = store.contacts.create(c); !r)
                        return r.error();
                }
                return {};
            });
            QVERIFY(s.ok());
        };
        addContacts(QStringLiteral("Stop"), 300);
        std::atomic<bool> stop {false};
        {
            SyncEngine engine(store, connector, SyncSettings::load(store).value());
            engine.setBatchSize(50);
            engine.setCancelFlag(&stop);
            Result<SyncReport> stopped = engine.run([&](const QString &, int, int) { stop = true; });
            QVERIFY(!stopped.ok());
            QCOMPARE(stopped.error().code, ErrorCode::Cancelled);
            QVERIFY2(stopped.error().message.startsWith(QLatin1String("Sync stopped: 50 changes sent")), qPrintable(stopped.error().message));
            QCOMPARE(store.outbox.count().value(), 250);
            stop = false;
            Result<SyncReport> rest = engine.run();
            QVERIFY(rest.ok());
            QCOMPARE(rest->pushed, 250);
            QCOMPARE(store.outbox.count().value(), 0);
        }
        // The server has each contact once: a new store receives exactly 300.
        {
            Store other;
            QVERIFY(other.open(m_dir.filePath(QStringLiteral("stop-other.sqlite"))).ok());
            MemoryCredentialStore otherCredentials;
            QVERIFY(SyncSetup(other, connector, otherCredentials).login(kAdmin, QString::fromLatin1(kPassword)).ok());
            SyncEngine engine(other, connector, SyncSettings::load(other).value());
            QVERIFY(engine.run().ok());
            auto q = other.database().exec(QStringLiteral("SELECT count(*) FROM contact WHERE first_name = 'Stop'"));
            QVERIFY(q && q->next());
            QCOMPARE(q->value(0).toInt(), 300);
        }

        // The button: "Sync now" becomes "Stop" while it runs.
        addContacts(QStringLiteral("Halt"), 3000);
        MainWindow w(store, m_translations, nullptr, nullptr, &credentials);
        w.syncController()->setAutomatic(false);
        w.show();
        SyncStatusWidget *status = w.syncStatus();
        auto *button = status->findChild<QPushButton *>(QStringLiteral("syncNowButton"));
        QCOMPARE(button->text(), QStringLiteral("Sync now"));
        bool pressed = false;
        connect(w.syncController(), &SyncController::progress, this, [&] {
            if (!pressed && button->text() == QStringLiteral("Stop")) {
                pressed = true;
                QTest::mouseClick(button, Qt::LeftButton);
            }
        });
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(pressed, kWait);
        QTRY_VERIFY_WITH_TIMEOUT(w.syncController()->state() == SyncController::State::Online, kWait);
        QVERIFY2(w.syncController()->lastError().startsWith(QLatin1String("Sync stopped:")), qPrintable(w.syncController()->lastError()));
        const int left = w.syncController()->waiting();
        QVERIFY2(left > 0 && left < 3000, qPrintable(QString::number(left)));
        QCOMPARE(button->text(), QStringLiteral("Sync now"));
        // Not tried again on its own: the next sync is asked for, and finishes the work.
        QTest::qWait(500);
        QCOMPARE(w.syncController()->state(), SyncController::State::Online);
        w.syncController()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(w.syncController()->state() == SyncController::State::Online && w.syncController()->waiting() == 0, kWait);
        QVERIFY(w.syncController()->lastError().isEmpty());
    }

    void forgotPasswordAnswersTheSame()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("reset.sqlite"))).ok());
        MemoryCredentialStore credentials;
        MainWindow w(store, m_translations, nullptr, nullptr, &credentials);
        w.show();
        w.findChild<QAction *>(QStringLiteral("connectAction"))->trigger();
        LoginDialog *login = nullptr;
        QTRY_VERIFY((login = dialog<LoginDialog>()) != nullptr);
        login->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(m_server.url());
        QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("forgotPassword")), Qt::LeftButton);
        PasswordResetDialog *reset = nullptr;
        QTRY_VERIFY((reset = dialog<PasswordResetDialog>()) != nullptr);
        auto ask = [&](const QString &identifier, QString &answer) {
            reset->findChild<QLineEdit *>(QStringLiteral("resetIdentifier"))->setText(identifier);
            QTest::mouseClick(reset->findChild<QPushButton *>(QStringLiteral("sendCode")), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(
                reset->findChild<QPushButton *>(QStringLiteral("sendCode"))->isEnabled() && !reset->messageText().isEmpty(), kWait);
            answer = reset->messageText();
            reset->findChild<QLabel *>(QStringLiteral("resetMessage"))->clear();
            reset->findChild<QLabel *>(QStringLiteral("resetMessage"))->hide();
        };
        QString known;
        QString unknown;
        QString mobile;
        ask(kAdmin, known);
        QVERIFY2(known.startsWith(QLatin1String("If this account exists, a code has been sent")), qPrintable(known));
        ask(QStringLiteral("nobody@domaincustomer.be"), unknown);
        QCOMPARE(unknown, known);
        ask(QStringLiteral("+32470000000"), mobile);
        QCOMPARE(mobile, known);
        // A code that is not valid: the server's reason.
        reset->findChild<QLineEdit *>(QStringLiteral("resetCode"))->setText(QStringLiteral("12345678"));
        reset->findChild<QLineEdit *>(QStringLiteral("newPassword"))->setText(QStringLiteral("An0ther-long-password"));
        reset->findChild<QLineEdit *>(QStringLiteral("repeatPassword"))->setText(QStringLiteral("An0ther-long-password"));
        QTest::mouseClick(reset->findChild<QPushButton *>(QStringLiteral("setPassword")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(reset->messageText().contains(QLatin1String("not valid")), kWait);
        reset->close();
        login->close();
    }

    void unreachableServerIsOfflineAndTheWindowResponds()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("offline.sqlite"))).ok());
        // A server that accepts the connection and hangs up a while later.
        QTcpServer silent;
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        connect(&silent, &QTcpServer::newConnection, this, [&silent] {
            while (QTcpSocket *s = silent.nextPendingConnection())
                QTimer::singleShot(1500, s, [s] { s->abort(); });
        });
        const QString url = QStringLiteral("http://127.0.0.1:%1").arg(silent.serverPort());
        SyncSettings settings;
        settings.server = url;
        settings.username = kAdmin;
        settings.domain = kDomain;
        QVERIFY(settings.save(store).ok());
        MemoryCredentialStore credentials;
        QVERIFY(credentials.write(url, kAdmin, QStringLiteral("ctk_something")).ok());
        MainWindow w(store, m_translations, nullptr, nullptr, &credentials);
        w.syncController()->setAutomatic(false);
        w.show();
        int ticks = 0;
        QTimer tick;
        connect(&tick, &QTimer::timeout, this, [&ticks] { ++ticks; });
        tick.start(50);
        w.syncController()->syncNow();
        QCOMPARE(w.syncController()->state(), SyncController::State::Syncing);
        QTRY_VERIFY_WITH_TIMEOUT(w.syncController()->state() == SyncController::State::Offline, kWait);
        // The window's event loop ran while the worker waited for the server.
        QVERIFY2(ticks >= 5, qPrintable(QString::number(ticks)));
        QVERIFY2(w.syncStatus()->stateText().contains(QStringLiteral("offline — next try in ")), qPrintable(w.syncStatus()->stateText()));
    }

    void asksThePasswordAgainWhenTheAdministratorViewExpired()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("elevation.sqlite"))).ok());
        MemoryCredentialStore credentials;
        MainWindow w(store, m_translations, nullptr, nullptr, &credentials);
        w.syncController()->setAutomatic(false);
        w.show();
        logIn(w, m_shortServer.url(), QString::fromLatin1(kPassword));
        QTRY_VERIFY_WITH_TIMEOUT(!dialog<LoginDialog>() && w.syncController()->settings().lastSync.isValid(), kWait);
        QTest::qWait(3000);
        w.syncController()->syncNow();
        ElevationDialog *elevation = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((elevation = dialog<ElevationDialog>()) != nullptr, kWait);
        // A wrong password is said, the dialog stays.
        elevation->findChild<QLineEdit *>(QStringLiteral("elevationPassword"))->setText(QStringLiteral("nope"));
        QPushButton *ok = elevation->findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!elevation->errorText().isEmpty(), kWait);
        elevation->findChild<QLineEdit *>(QStringLiteral("elevationPassword"))->setText(QString::fromLatin1(kPassword));
        QTRY_VERIFY(ok->isEnabled());
        QTest::mouseClick(ok, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog<ElevationDialog>(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.syncController()->state() == SyncController::State::Online && w.syncController()->lastError().isEmpty(), kWait);

        // The session gone: the login dialog, filled in, says why.
        QVERIFY(credentials.remove(m_shortServer.url(), kAdmin).ok());
        w.syncController()->syncNow();
        LoginDialog *login = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((login = dialog<LoginDialog>()) != nullptr, kWait);
        QCOMPARE(login->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->text(), m_shortServer.url());
        QCOMPARE(login->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->text(), kAdmin);
        QVERIFY(login->errorText().contains(QLatin1String("log in again")));
        login->close();
    }

    void cleanupTestCase()
    {
        m_server.stop();
        m_shortServer.stop();
    }
};

QTEST_MAIN(TestSyncPanel)
#include "tst_sync_panel.moc"
