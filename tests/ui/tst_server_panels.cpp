// The windows that ask the server to act, driven on the real main window against a real
// centrale-server (SQLite) that sends e-mail to a real SMTP server (Debian python3-aiosmtpd) and
// calls a phone played by sipp:
// - "Send welcome message…": the server's outcome per user and access (sent, queued, not sent
//   with its reason), the queued ones checked again until sent; offline, the requests wait in the
//   store and leave with the next sync;
// - "New voice prompt" › "Record by call": the user picker, the live steps, the recording in the
//   store once saved; a phone that does not answer gives the reason and leaves nothing behind.

#include "../core/SippPhone.h"
#include "../core/ToneShare.h"
#include "../server/ServerProcess.h"
#include "../server/SmtpCatcher.h"

#include "audio/PromptConverter.h"
#include "common/TablePanel.h"
#include "demo/DemoGenerator.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "phones/UserSearchDialog.h"
#include "prompts/NewPromptDialog.h"
#include "prompts/PromptsPage.h"
#include "store/Store.h"
#include "sync/CredentialStore.h"
#include "sync/LoginDialog.h"
#include "sync/SyncController.h"
#include "users/UsersPage.h"
#include "users/WelcomeDialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace centrale;
using namespace centrale::server::test;

namespace {
const QByteArray kPassword = "Corr3ct-horse-battery";
const QString kDomain = QStringLiteral("domaincustomer.be");
const QString kAdmin = QStringLiteral("admin@domaincustomer.be");
constexpr int kWait = 90000; // a sanitized build talking to a sanitized server
constexpr double kToneHz = 440.0;
} // namespace

class TestServerPanels : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    ServerProcess m_server;
    SmtpCatcher m_smtp;
    Translations m_translations;
    QString m_tone;

    template <typename T> T *dialog()
    {
        for (QWidget *w : QApplication::topLevelWidgets()) {
            if (auto *d = qobject_cast<T *>(w); d && d->isVisible())
                return d;
        }
        return nullptr;
    }

    // A store with a small demo organisation, logged in to the server and synced.
    void logIn(MainWindow &w)
    {
        w.syncController()->setAutomatic(false);
        w.findChild<QAction *>(QStringLiteral("connectAction"))->trigger();
        LoginDialog *login = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((login = dialog<LoginDialog>()) != nullptr, 5000);
        login->findChild<QLineEdit *>(QStringLiteral("serverEdit"))->setText(m_server.url());
        login->findChild<QLineEdit *>(QStringLiteral("usernameEdit"))->setText(kAdmin);
        login->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->setText(QString::fromLatin1(kPassword));
        QTest::mouseClick(login->findChild<QPushButton *>(QStringLiteral("connectButton")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog<LoginDialog>(), kWait);
        QTRY_VERIFY_WITH_TIMEOUT(
            w.syncController()->state() == SyncController::State::Online && w.syncController()->settings().lastSync.isValid(), kWait);
    }

    static QString addUser(Store &store, const QString &first, const QString &username, const QString &email, const QString &language)
    {
        User u;
        u.firstName = first;
        u.lastName = QStringLiteral("Peeters");
        u.username = username;
        u.email = email;
        u.language = language;
        auto created = store.users.create(u);
        return created ? created->id : QString();
    }

    // The user's desk phone, which sipp plays on the loopback port.
    static void addDeskPhone(Store &store, const QString &mac, const QString &ownerId, quint16 port)
    {
        SipPhone desk;
        desk.mac = mac;
        desk.model = SipPhone::models().first();
        desk.ownerId = ownerId;
        desk.label = QStringLiteral("Bureau");
        desk.sipAddress = QStringLiteral("127.0.0.1:%1").arg(port);
        auto created = store.phones.create(desk);
        QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
    }

    static QStringList column(QTableWidget *table, int c)
    {
        QStringList out;
        for (int r = 0; r < table->rowCount(); ++r)
            out << (table->item(r, c) ? table->item(r, c)->text() : QString());
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("CentraleTest"));
        QVERIFY(m_dir.isValid());
        QVERIFY(m_translations.install(QStringLiteral("en")));
        if (QStandardPaths::findExecutable(QStringLiteral("sipp")).isEmpty())
            QFAIL("sipp (Debian: sip-tester) plays the phone in these tests.");
        const QString script = writeSmtpScript(m_dir.path());
        if (script.isEmpty())
            QFAIL("The SMTP server of these tests needs Debian's python3-aiosmtpd (/usr/bin/python3 -c 'import aiosmtpd').");
        const quint16 smtpPort = freePort();
        QVERIFY(m_smtp.start(smtpPort, m_dir.filePath(QStringLiteral("mail")), script));

        const QString db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.db"));
        QCOMPARE(runProgram(QStringLiteral(CENTRALE_SERVER), {QStringLiteral("create-org"), kDomain, QStringLiteral("--name"),
                                                                 QStringLiteral("Domain Customer"), QStringLiteral("--db"), db})
                     .exitCode,
            0);
        QCOMPARE(runProgram(QStringLiteral(CENTRALE_SERVER),
                     {QStringLiteral("create-admin"), kAdmin, QStringLiteral("--org"), kDomain, QStringLiteral("--db"), db}, kPassword + '\n')
                     .exitCode,
            0);
        QVERIFY(m_server.start(QStringLiteral(CENTRALE_SERVER),
            {QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--smtp"),
                QStringLiteral("smtp://127.0.0.1:%1").arg(smtpPort), QStringLiteral("--mail-from"), QStringLiteral("centrale@domaincustomer.be"),
                QStringLiteral("--call-local-address"), QStringLiteral("127.0.0.1"), QStringLiteral("--call-ring-seconds"), QStringLiteral("5")}));

        // What the phone says: a 440 Hz tone at half scale, long enough for the instruction, the
        // beep and a few seconds of recording, as raw A-law through the prompts' own converter.
        std::vector<float> pcm(20 * 8000);
        for (size_t i = 0; i < pcm.size(); ++i)
            pcm[i] = float(0.5 * std::sin(2.0 * std::numbers::pi * kToneHz * double(i) / 8000.0));
        Result<PromptConverter::Conversion> converted = PromptConverter().convertPcm(pcm.data(), qint64(pcm.size()), 1, 8000, {});
        QVERIFY(converted.ok());
        Result<QByteArray> alaw = PromptConverter::promptAlaw(converted->wav);
        QVERIFY(alaw.ok());
        const QByteArray tone = alaw.value();
        m_tone = m_dir.filePath(QStringLiteral("tone.al"));
        QFile f(m_tone);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(tone) == tone.size());
    }

    void welcomeShowsTheServersOutcome()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("welcome.sqlite"))).ok());
        DemoGenerator::Options options;
        options.users = 4;
        QVERIFY(DemoGenerator::generate(store.database(), options));
        store.refreshOrganisation();
        MemoryCredentialStore credentials;
        MainWindow w(store, m_translations, nullptr, nullptr, &credentials);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        logIn(w);
        if (QTest::currentTestFailed())
            return;

        // Two users made here since the last sync: one with an address, one with none.
        const QString lieve = addUser(store, QStringLiteral("Lieve"), QStringLiteral("lieve@domaincustomer.be"), QStringLiteral("lieve@example.be"),
                                      QStringLiteral("nl"));
        const QString karel = addUser(store, QStringLiteral("Karel"), QStringLiteral("karel@domaincustomer.be"), QString(), QStringLiteral("fr"));
        QVERIFY(!lieve.isEmpty() && !karel.isEmpty());
        const int mailsBefore = int(m_smtp.messages().size());

        auto *users = w.findChild<UsersPage *>(QStringLiteral("usersPage"));
        QVERIFY(users);
        WelcomeDialog *welcome = users->sendWelcome({lieve, karel});
        QVERIFY(welcome);
        welcome->findChild<QCheckBox *>(QStringLiteral("welcomeWeb"))->setChecked(true);
        QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("welcomeOk")), Qt::LeftButton);
        auto *table = welcome->statusTable();
        QTRY_VERIFY_WITH_TIMEOUT(table->rowCount() == 2 && !welcome->isWaitingForServer(), kWait);
        // The new users reached the server first; the one with an address got the e-mail, the
        // other one's reason says what to do.
        QCOMPARE(column(table, 0), (QStringList{QStringLiteral("Lieve Peeters"), QStringLiteral("Karel Peeters")}));
        QCOMPARE(column(table, 1).first(), QStringLiteral("Web"));
        const QStringList status = column(table, 2);
        QVERIFY2(status.at(0).startsWith(QLatin1String("Sent by email to l")), qPrintable(status.join(u'|')));
        QVERIFY2(!status.at(0).contains(QLatin1String("lieve@example.be")), "the address is masked");
        QVERIFY2(status.at(1).startsWith(QLatin1String("Not sent: ")) && status.at(1).contains(QLatin1String("mail address")),
                 qPrintable(status.at(1)));
        QVERIFY2(welcome->summaryText().contains(QLatin1String("1 message sent.")) && welcome->summaryText().contains(QLatin1String("1 message not sent.")),
                 qPrintable(welcome->summaryText()));
        QTRY_COMPARE_WITH_TIMEOUT(int(m_smtp.messages().size()), mailsBefore + 1, kWait);
        QFile mail(m_smtp.messages().last());
        QVERIFY(mail.open(QIODevice::ReadOnly));
        QVERIFY(mail.readAll().contains("lieve@example.be"));
        QCOMPARE(w.syncController()->waiting(), 0);
        welcome->accept();

        // Offline: the request waits in the store, and the next sync sends it.
        m_server.stop();
        welcome = users->sendWelcome({lieve});
        welcome->findChild<QCheckBox *>(QStringLiteral("welcomeSoftphone"))->setChecked(true);
        QTest::mouseClick(welcome->findChild<QPushButton *>(QStringLiteral("welcomeOk")), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(welcome->statusTable()->rowCount() == 1 && !welcome->isWaitingForServer(), kWait);
        QVERIFY2(welcome->summaryText().contains(QLatin1String("cannot be reached")), qPrintable(welcome->summaryText()));
        QVERIFY2(column(welcome->statusTable(), 2).first().startsWith(QLatin1String("Queued: by email to lieve@example.be")),
                 qPrintable(column(welcome->statusTable(), 2).first()));
        QCOMPARE(w.syncController()->waiting(), 1);
        welcome->accept();
        QVERIFY(m_server.restart());
        w.syncController()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(w.syncController()->state() == SyncController::State::Online && w.syncController()->waiting() == 0, kWait);
        QTRY_COMPARE_WITH_TIMEOUT(int(m_smtp.messages().size()), mailsBefore + 2, kWait);
    }

    void recordByCallFollowsTheSteps()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("call.sqlite"))).ok());
        MemoryCredentialStore credentials;
        MainWindow w(store, m_translations, nullptr, nullptr, &credentials);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));

        // Not connected: the choice is there, greyed, with the reason.
        auto *prompts = w.findChild<PromptsPage *>(QStringLiteral("promptsPage"));
        QVERIFY(prompts);
        NewPromptDialog *offline = prompts->newPrompt();
        QVERIFY(!offline->findChild<QRadioButton *>(QStringLiteral("callSource"))->isEnabled());
        QVERIFY(offline->findChild<QLabel *>(QStringLiteral("callNote"))->text().contains(QLatin1String("Connect to a server")));
        static_cast<QDialog *>(offline)->reject();

        logIn(w);
        if (QTest::currentTestFailed())
            return;
        const QString jan = addUser(store, QStringLiteral("Jan"), QStringLiteral("jan@domaincustomer.be"), QString(), QStringLiteral("nl"));
        QVERIFY(!jan.isEmpty());
        SippPhone phone(m_dir.path(), QStringLiteral("call-answer-speak.xml"),
            {{QStringLiteral("@AUDIO@"), m_tone}, {QStringLiteral("@TALK_MS@"), QStringLiteral("10000")}},
            {QStringLiteral("-mi"), QStringLiteral("127.0.0.1"), QStringLiteral("-mp"), QString::number(freeUdpPort())});
        QVERIFY(phone.start());
        addDeskPhone(store, QStringLiteral("805EC0A1B2C3"), jan, phone.port());

        NewPromptDialog *dialog = prompts->newPrompt();
        QSignalSpy done(dialog, &NewPromptDialog::promptCreated);
        auto *callRadio = dialog->findChild<QRadioButton *>(QStringLiteral("callSource"));
        QVERIFY(callRadio->isEnabled());
        // The administrator is proposed; Jan is found by name.
        QVERIFY(!dialog->callUser().isEmpty());
        UserSearchDialog *search = dialog->chooseCallUser();
        search->search(QStringLiteral("Jan Pee"));
        QTRY_COMPARE(search->results()->rowCount(), 1);
        search->results()->selectRow(0);
        search->accept();
        QCOMPARE(dialog->callUser(), jan);
        QVERIFY(callRadio->isChecked());
        QVERIFY(dialog->findChild<QLineEdit *>(QStringLiteral("callUser"))->text().contains(QLatin1String("jan@domaincustomer.be")));
        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Gesloten"));
        dialog->findChild<QPlainTextEdit *>(QStringLiteral("description"))->setPlainText(QStringLiteral("Wij zijn gesloten."));
        QPushButton *call = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Save);
        QCOMPARE(call->text(), QStringLiteral("Call the &phone"));
        QTest::mouseClick(call, Qt::LeftButton);

        // The steps as the server reports them, live.
        QStringList seen;
        QString error;
        QPointer<NewPromptDialog> open(dialog); // it closes itself once the recording is here
        QElapsedTimer t;
        t.start();
        while (done.isEmpty() && open && open->isVisible() && t.elapsed() < kWait) {
            if (seen.isEmpty() || seen.last() != open->callStep())
                seen << open->callStep();
            error = open->errorText();
            QTest::qWait(20);
        }
        QVERIFY2(done.size() == 1, qPrintable(seen.join(u',') + u' ' + error + phone.diagnostics()));
        QTRY_VERIFY(!open || !open->isVisible());
        QVERIFY2(seen.contains(QLatin1String("recording")), qPrintable(seen.join(u',')));
        QVERIFY2(seen.indexOf(QLatin1String("calling")) < seen.indexOf(QLatin1String("recording")), qPrintable(seen.join(u',')));
        QVERIFY(phone.passed());

        // The recording is the prompt, here: what the phone said after the beep.
        const QString id = done.first().first().toString();
        auto prompt = store.prompts.get(id);
        QVERIFY(prompt.ok());
        QCOMPARE(prompt->name, QStringLiteral("Gesloten"));
        QCOMPARE(prompt->origin, VoicePrompt::Origin::RecordedByCall);
        auto audio = store.prompts.audio(id);
        QVERIFY(audio.ok() && !audio->isEmpty());
        Result<std::vector<float>> samples = PromptConverter::decodePrompt(audio.value());
        QVERIFY(samples.ok());
        QVERIFY2(samples->size() > 8000, qPrintable(QString::number(samples->size())));
        QVERIFY2(toneShare(samples.value(), kToneHz) > 0.9, qPrintable(QString::number(toneShare(samples.value(), kToneHz))));
        QCOMPARE(w.syncController()->waiting(), 0);
    }

    void unansweredCallSaysWhyAndLeavesNothing()
    {
        Store store;
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("noanswer.sqlite"))).ok());
        MemoryCredentialStore credentials;
        MainWindow w(store, m_translations, nullptr, nullptr, &credentials);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        logIn(w);
        if (QTest::currentTestFailed())
            return;
        const QString mia = addUser(store, QStringLiteral("Mia"), QStringLiteral("mia@domaincustomer.be"), QString(), QStringLiteral("fr"));
        SippPhone phone(m_dir.path(), QStringLiteral("call-ring-forever.xml"));
        QVERIFY(phone.start());
        addDeskPhone(store, QStringLiteral("805EC0D4E5F6"), mia, phone.port());
        const int promptsBefore = int(store.prompts.list()->size());

        auto *prompts = w.findChild<PromptsPage *>(QStringLiteral("promptsPage"));
        NewPromptDialog *dialog = prompts->newPrompt();
        dialog->setCallUser(mia);
        dialog->findChild<QRadioButton *>(QStringLiteral("callSource"))->setChecked(true);
        dialog->findChild<QLineEdit *>(QStringLiteral("name"))->setText(QStringLiteral("Pas de reponse"));
        QPushButton *call = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttons"))->button(QDialogButtonBox::Save);
        QTest::mouseClick(call, Qt::LeftButton);
        QVERIFY(dialog->isCalling());
        // Closing is refused while the phone rings: the call goes on on the server.
        static_cast<QDialog *>(dialog)->reject();
        QVERIFY(dialog->isVisible());
        QVERIFY(dialog->errorText().contains(QLatin1String("Hang up")));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->callStep() == QLatin1String("failed"), kWait);
        QVERIFY2(dialog->errorText().contains(QLatin1String("answer"), Qt::CaseInsensitive), qPrintable(dialog->errorText()));
        QCOMPARE(call->text(), QStringLiteral("Call &again"));
        QVERIFY(call->isEnabled());
        // Closed without a recording: the prompt made for the call goes, here and on the server.
        static_cast<QDialog *>(dialog)->reject();
        QVERIFY(!dialog->isVisible());
        QCOMPARE(int(store.prompts.list()->size()), promptsBefore);
        w.syncController()->syncNow();
        QTRY_VERIFY_WITH_TIMEOUT(w.syncController()->state() == SyncController::State::Online && w.syncController()->waiting() == 0, kWait);
    }

    void cleanupTestCase()
    {
        m_server.stop();
        m_smtp.stop();
    }
};

QTEST_MAIN(TestServerPanels)
#include "tst_server_panels.moc"
