// The desktop's store and the server, end to end, through the real programs: a demo store pushed
// to a new organisation, a second administrator's store filled from the server, both editing
// offline and resolving the conflicts, a calendar week edited offline, the server gone and back,
// a change the server refuses, and the session token in a real system keychain (a private D-Bus
// session with gnome-keyring), never in the store.

#include "ServerProcess.h"
#include "ServerTestSupport.h"

#include "audio/PromptLibrary.h"
#include "security/Secrets.h"
#include "store/Store.h"
#include "sync/SyncEngine.h"

#include <QBuffer>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QJsonArray>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>

#include <csignal>
#include <sys/types.h>

using namespace centrale;
using namespace centrale::server::test;

namespace {
const QByteArray kPassword = "Corr3ct-horse-battery";
const QString kDomain = QStringLiteral("domaincustomer.be");
const QString kAdmin = QStringLiteral("admin@domaincustomer.be");
} // namespace

class TestSync : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QProcess m_dbus;
    QProcess m_keyring;
    ServerProcess m_server;
    QString m_db;
    QString m_a;
    QString m_b;

    CliResult cli(const QStringList &args, const QByteArray &input = {})
    {
        return runProgram(QStringLiteral(CENTRALE_CLI), args, input);
    }
    CliResult sync(const QString &store) { return cli({QStringLiteral("sync"), QStringLiteral("--store"), store}); }
    CliResult login(const QString &store)
    {
        return cli({QStringLiteral("login"), QStringLiteral("--server"), m_server.url(), QStringLiteral("--user"), kAdmin, QStringLiteral("--store"), store},
                   kPassword + '\n');
    }
    QString listing(const QString &store, const QString &what)
    {
        CliResult r = cli({what, QStringLiteral("list"), QStringLiteral("--json"), QStringLiteral("--store"), store});
        return r.out;
    }
    QJsonArray conflicts(const QString &store)
    {
        return QJsonDocument::fromJson(cli({QStringLiteral("conflicts"), QStringLiteral("--json"), QStringLiteral("--store"), store}).out.toUtf8()).array();
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const char *tool : {"dbus-daemon", "gnome-keyring-daemon"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QFAIL(qPrintable(QStringLiteral("%1 is needed for the keychain (Debian packages dbus and gnome-keyring).").arg(QLatin1String(tool))));
        }
        // A private session bus and keyring, in a home of their own: the user's keychain is not touched.
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(home + QStringLiteral("/data")));
        qputenv("HOME", home.toUtf8());
        qputenv("XDG_DATA_HOME", (home + QStringLiteral("/data")).toUtf8());
        qputenv("XDG_RUNTIME_DIR", home.toUtf8());
        m_dbus.start(QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--print-address=1"), QStringLiteral("--nofork")});
        QVERIFY(m_dbus.waitForStarted());
        QVERIFY(m_dbus.waitForReadyRead(10000));
        const QByteArray address = m_dbus.readLine().trimmed();
        QVERIFY(address.startsWith("unix:"));
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        m_keyring.start(QStringLiteral("gnome-keyring-daemon"), {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        QVERIFY(m_keyring.waitForStarted());
        m_keyring.write("keyring-password");
        m_keyring.closeWriteChannel();
        QTest::qWait(500);

        m_db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("server.db"));
        QCOMPARE(runProgram(QStringLiteral(CENTRALE_SERVER), {QStringLiteral("create-org"), kDomain, QStringLiteral("--name"), QStringLiteral("Domain Customer"),
                                                              QStringLiteral("--db"), m_db}).exitCode, 0);
        QCOMPARE(runProgram(QStringLiteral(CENTRALE_SERVER), {QStringLiteral("create-admin"), kAdmin, QStringLiteral("--org"), kDomain, QStringLiteral("--db"), m_db},
                            kPassword + '\n').exitCode, 0);
        QVERIFY(m_server.start(QStringLiteral(CENTRALE_SERVER), {QStringLiteral("--db"), m_db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
        m_a = m_dir.filePath(QStringLiteral("a.sqlite"));
        m_b = m_dir.filePath(QStringLiteral("b.sqlite"));
    }

    void cleanupTestCase()
    {
        m_server.stop();
        m_keyring.kill();
        m_keyring.waitForFinished();
        m_dbus.kill();
        m_dbus.waitForFinished();
    }

    void demoStoreReachesANewOrganisation()
    {
        QCOMPARE(cli({QStringLiteral("demo"), QStringLiteral("--users"), QStringLiteral("40"), QStringLiteral("--store"), m_a}).exitCode, 0);
        CliResult r = cli({QStringLiteral("sync"), QStringLiteral("--store"), m_a});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("login")), qPrintable(r.err));
        r = login(m_a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY(!r.out.contains(QString::fromLatin1(kPassword)));
        r = sync(m_a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        const QJsonObject status = QJsonDocument::fromJson(cli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--store"), m_a}).out.toUtf8()).object();
        QCOMPARE(status.value(QLatin1String("waiting")).toInt(), 0);
        QCOMPARE(status.value(QLatin1String("conflicts")).toInt(), 0);
        QCOMPARE(status.value(QLatin1String("server")).toString(), m_server.url());

        // A second administrator's new store is filled from the server: the same organisation.
        r = login(m_b);
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = sync(m_b);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        for (const QString &what : {QStringLiteral("users"), QStringLiteral("groups"), QStringLiteral("contacts"), QStringLiteral("numbers"), QStringLiteral("functions")})
            QVERIFY2(listing(m_a, what) == listing(m_b, what), qPrintable(what));
        QCOMPARE(QJsonDocument::fromJson(listing(m_b, QStringLiteral("users")).toUtf8()).array().size(), 41); // the demo's 40 and the administrator

        // The token is in the keychain, not in the store.
        for (const QString &store : {m_a, m_b}) {
            QFile file(store);
            QVERIFY(file.open(QIODevice::ReadOnly));
            QVERIFY(!file.readAll().contains("ctk_"));
            QFile wal(store + QStringLiteral("-wal"));
            if (wal.open(QIODevice::ReadOnly))
                QVERIFY(!wal.readAll().contains("ctk_"));
        }
    }

    void twoAdministratorsResolveConflicts()
    {
        QString userId;
        QString groupId;
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            auto users = a.users.list();
            QVERIFY(users.ok());
            for (const User &u : users.value()) {
                if (u.username != kAdmin) {
                    userId = u.id;
                    break;
                }
            }
            auto groups = a.groups.list();
            QVERIFY(groups.ok() && !groups->isEmpty());
            groupId = groups->first().id;
        }
        auto edit = [&](const QString &path, const QString &firstName, const QString &description) {
            Store s;
            QVERIFY(s.open(path).ok());
            auto u = s.users.get(userId);
            QVERIFY(u.ok());
            User user = u.value();
            user.firstName = firstName;
            QVERIFY(s.users.update(user).ok());
            auto g = s.groups.get(groupId);
            QVERIFY(g.ok());
            UserGroup group = g.value();
            group.description = description;
            QVERIFY(s.groups.update(group).ok());
        };
        // Both offline, the same user and the same group.
        edit(m_a, QStringLiteral("Amélie"), QStringLiteral("Written by A"));
        edit(m_b, QStringLiteral("Bérénice"), QStringLiteral("Written by B"));
        QCOMPARE(sync(m_a).exitCode, 0);
        CliResult r = sync(m_b);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(QLatin1String("conflicts")), qPrintable(r.out));
        // Both records moved on at the server: two conflicts, side by side.
        QJsonArray list = conflicts(m_b);
        QCOMPARE(list.size(), 2);
        QJsonObject userConflict;
        QJsonObject groupConflict;
        for (const QJsonValue &v : list) {
            if (v.toObject().value(QLatin1String("entityId")).toString() == userId)
                userConflict = v.toObject();
            if (v.toObject().value(QLatin1String("entityId")).toString() == groupId)
                groupConflict = v.toObject();
        }
        QVERIFY(!userConflict.isEmpty());
        QVERIFY(userConflict.value(QLatin1String("reason")).toString().contains(QLatin1String("changed on the server")));
        QCOMPARE(userConflict.value(QLatin1String("server")).toObject().value(QLatin1String("firstName")).toString(), QStringLiteral("Amélie"));
        QCOMPARE(userConflict.value(QLatin1String("local")).toObject().value(QLatin1String("firstName")).toString(), QStringLiteral("Bérénice"));
        // Take theirs for the user.
        r = cli({QStringLiteral("conflicts"), QStringLiteral("--take-theirs"), QString::number(userConflict.value(QLatin1String("id")).toInteger()),
                 QStringLiteral("--store"), m_b});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        {
            Store b;
            QVERIFY(b.open(m_b).ok());
            QCOMPARE(b.users.get(userId)->firstName, QStringLiteral("Amélie"));
        }
        // Keep mine for the group: sent again over the server's version.
        QVERIFY(!groupConflict.isEmpty());
        QCOMPARE(conflicts(m_b).size(), 1);
        r = cli({QStringLiteral("conflicts"), QStringLiteral("--keep-mine"), QString::number(groupConflict.value(QLatin1String("id")).toInteger()),
                 QStringLiteral("--store"), m_b});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        r = sync(m_b);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(conflicts(m_b).size(), 0);
        QCOMPARE(sync(m_a).exitCode, 0);
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            QCOMPARE(a.groups.get(groupId)->description, QStringLiteral("Written by B"));
            QCOMPARE(a.users.get(userId)->firstName, QStringLiteral("Amélie"));
        }
    }

    void calendarWeekEditedOffline()
    {
        QString functionId;
        QList<QJsonObject> written;
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            auto functions = a.functions.list();
            QVERIFY(functions.ok() && !functions->isEmpty());
            functionId = functions->first().id;
            const QDate monday(2027, 1, 4);
            for (int day = 0; day < 7; ++day) {
                ScheduleEvent e;
                e.functionId = functionId;
                e.title = QStringLiteral("Permanence « %1 » — équipe de nuit").arg(day + 1);
                e.state = day % 2 ? OpenState::Closed : OpenState::Open;
                e.start = QDateTime(monday.addDays(day), QTime(18, 0));
                e.end = QDateTime(monday.addDays(day + 1), QTime(7, 30));
                auto added = a.functions.addEvent(e);
                QVERIFY2(added.ok(), qPrintable(added ? QString() : added.error().message));
            }
            auto events = a.functions.events(functionId);
            QVERIFY(events.ok());
            for (const ScheduleEvent &e : events.value())
                written << e.toJson();
        }
        QCOMPARE(sync(m_a).exitCode, 0);
        QCOMPARE(sync(m_b).exitCode, 0);
        Store b;
        QVERIFY(b.open(m_b).ok());
        auto events = b.functions.events(functionId);
        QVERIFY(events.ok());
        QList<QJsonObject> received;
        for (const ScheduleEvent &e : events.value())
            received << e.toJson();
        QCOMPARE(received, written);
    }

    // A prompt's audio is not in the change feed: the second store fetches it. A PIN changed
    // here reaches the server as its hash.
    void promptAudioAndPinReachTheServer()
    {
        QString promptId;
        QString userId;
        QString pinHash;
        QByteArray audio;
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            PromptLibrary library(a.prompts);
            auto imported = library.importFile(QStringLiteral(CENTRALE_TEST_DATA "/audio/alaw-8k-mono.wav"), QStringLiteral("Accueil été"),
                                               QStringLiteral("Bonjour et bienvenue."), {});
            QVERIFY2(imported.ok(), qPrintable(imported ? QString() : imported.error().message));
            promptId = imported->id;
            audio = a.prompts.audio(promptId).value();
            QVERIFY(!audio.isEmpty());
            auto users = a.users.list();
            QVERIFY(users.ok());
            userId = users->last().id;
            QVERIFY(a.users.setPin(userId, QStringLiteral("482913")).ok());
            pinHash = a.users.get(userId)->pinHash;
            QVERIFY(pinHash.startsWith(QLatin1String("$argon2id$")));
        }
        CliResult r = sync(m_a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(QJsonDocument::fromJson(cli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--store"), m_a}).out.toUtf8())
                     .object().value(QLatin1String("waiting")).toInt(), 0);
        QCOMPARE(sync(m_b).exitCode, 0);
        {
            Store b;
            QVERIFY(b.open(m_b).ok());
            QCOMPARE(b.prompts.get(promptId)->name, QStringLiteral("Accueil été"));
            QCOMPARE(b.prompts.audio(promptId).value(), audio);
        }
        // The server keeps the hash this store made.
        {
            QSqlDatabase server = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("server-file"));
            server.setDatabaseName(m_db.mid(7));
            QVERIFY(server.open());
            QSqlQuery q(server);
            QVERIFY(q.exec(QStringLiteral("SELECT pin_hash FROM account WHERE user_id = '%1'").arg(userId)));
            QVERIFY(q.next());
            QCOMPARE(q.value(0).toString(), pinHash);
        }
        QSqlDatabase::removeDatabase(QStringLiteral("server-file"));
    }

    // A welcome message asked for a user created offline reaches the server's queue after the
    // user, once, and a second sync does not send it again.
    void welcomeAskedOfflineIsSentOnce()
    {
        QString userId;
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            User u;
            u.firstName = QStringLiteral("Noémie");
            u.lastName = QStringLiteral("Offline");
            u.username = QStringLiteral("noemie.offline@domaincustomer.be");
            u.email = QStringLiteral("noemie@example.be");
            u.language = QStringLiteral("fr");
            auto created = a.users.create(u);
            QVERIFY2(created.ok(), qPrintable(created ? QString() : created.error().message));
            userId = created->id;
            auto planned = a.users.requestWelcome({userId}, {WelcomeMessage::Channel::Web, WelcomeMessage::Channel::Softphone});
            QVERIFY(planned.ok());
            QCOMPARE(planned->size(), 2);
        }
        auto messages = [&] {
            QSqlDatabase server = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("server-messages"));
            server.setDatabaseName(m_db.mid(7));
            QStringList rows;
            if (server.open()) {
                QSqlQuery q(server);
                q.exec(QStringLiteral("SELECT kind, payload, recipient FROM message WHERE user_id = '%1' ORDER BY payload").arg(userId));
                while (q.next()) {
                    const QJsonObject payload = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
                    rows << q.value(0).toString() + QLatin1Char(' ') + payload.value(QLatin1String("access")).toString() + QLatin1Char(' ')
                            + q.value(2).toString();
                }
                server.close();
            }
            server = QSqlDatabase();
            QSqlDatabase::removeDatabase(QStringLiteral("server-messages"));
            return rows;
        };
        QVERIFY(messages().isEmpty());
        CliResult r = sync(m_a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(QJsonDocument::fromJson(cli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--store"), m_a}).out.toUtf8())
                     .object().value(QLatin1String("waiting")).toInt(), 0);
        const QStringList sent = messages();
        QCOMPARE(sent.size(), 2);
        QVERIFY2(sent.join(QLatin1Char('|')).contains(QLatin1String("noemie@example.be")), qPrintable(sent.join(QLatin1Char('|'))));
        QCOMPARE(sync(m_a).exitCode, 0);
        QCOMPARE(messages(), sent);
    }

    // A password an administrator chose here reaches the server as its hash; a photo goes on its
    // own request, reaches the other store, and so does its removal.
    void passwordAndPhotoReachTheServer()
    {
        QString userId;
        const QString password = QStringLiteral("Zomer-2027-Blauw");
        QImage picture(640, 480, QImage::Format_RGB32);
        picture.fill(QColor(200, 40, 40));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(QImageWriter(&buffer, "jpeg").write(picture));
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            auto users = a.users.list();
            QVERIFY(users.ok());
            userId = users->at(3).id;
            QVERIFY(a.users.resetPassword(userId, password).ok());
            QVERIFY(a.users.setPhoto(userId, jpeg).ok());
        }
        CliResult r = sync(m_a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(QJsonDocument::fromJson(cli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--store"), m_a}).out.toUtf8())
                     .object().value(QLatin1String("waiting")).toInt(), 0);
        QByteArray serverPhoto;
        {
            QSqlDatabase server = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("server-account"));
            server.setDatabaseName(m_db.mid(7));
            QVERIFY(server.open());
            QSqlQuery q(server);
            QVERIFY(q.exec(QStringLiteral("SELECT password_hash FROM account WHERE user_id = '%1'").arg(userId)));
            QVERIFY(q.next());
            QVERIFY(Secrets::verify(q.value(0).toString(), password));
            QVERIFY(!Secrets::verify(q.value(0).toString(), QStringLiteral("something else")));
            QVERIFY(q.exec(QStringLiteral("SELECT data FROM record_blob WHERE entity = 'user' AND kind = 'photo' AND id = '%1'").arg(userId)));
            QVERIFY(q.next());
            serverPhoto = q.value(0).toByteArray();
            q.finish();
            server.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("server-account"));
        QVERIFY(serverPhoto.startsWith("\xFF\xD8\xFF"));
        // The other store receives the server's photo (400x400); this one keeps the one it sent.
        QCOMPARE(sync(m_b).exitCode, 0);
        QCOMPARE(sync(m_a).exitCode, 0);
        {
            Store b;
            QVERIFY(b.open(m_b).ok());
            QCOMPARE(b.users.photo(userId).value(), serverPhoto);
            QCOMPARE(QImage::fromData(serverPhoto).size(), QSize(400, 400));
            Store a;
            QVERIFY(a.open(m_a).ok());
            QCOMPARE(a.users.photo(userId).value(), jpeg);
        }
        // Removed in the other store: gone here too.
        {
            Store b;
            QVERIFY(b.open(m_b).ok());
            QVERIFY(b.users.setPhoto(userId, {}).ok());
        }
        QCOMPARE(sync(m_b).exitCode, 0);
        QCOMPARE(sync(m_a).exitCode, 0);
        Store a;
        QVERIFY(a.open(m_a).ok());
        QVERIFY(a.users.photo(userId).value().isEmpty());
    }

    void serverGoneAndBack()
    {
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            UserGroup g;
            g.name = QStringLiteral("Nachtploeg");
            QVERIFY(a.groups.create(g).ok());
        }
        m_server.stop();
        CliResult r = sync(m_a);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("Cannot reach the server")), qPrintable(r.err));
        const QJsonObject status = QJsonDocument::fromJson(cli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--store"), m_a}).out.toUtf8()).object();
        QCOMPARE(status.value(QLatin1String("waiting")).toInt(), 1);
        // The same database, a new port: the store's server address is updated by logging in again.
        QVERIFY(m_server.start(QStringLiteral(CENTRALE_SERVER), {QStringLiteral("--db"), m_db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
        QCOMPARE(login(m_a).exitCode, 0);
        QCOMPARE(login(m_b).exitCode, 0);
        r = sync(m_a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(sync(m_b).exitCode, 0);
        Store b;
        QVERIFY(b.open(m_b).ok());
        QVERIFY(b.groups.findByName(QStringLiteral("Nachtploeg")).ok());
    }

    void refusedChangeIsKeptUntilResolved()
    {
        // B creates "Support" and syncs; A, offline, creates its own "support": the server refuses it.
        {
            Store b;
            QVERIFY(b.open(m_b).ok());
            UserGroup g;
            g.name = QStringLiteral("Équipe 24/7");
            QVERIFY(b.groups.create(g).ok());
        }
        QCOMPARE(sync(m_b).exitCode, 0);
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            UserGroup g;
            g.name = QStringLiteral("ÉQUIPE 24/7");
            QVERIFY(a.groups.create(g).ok());
        }
        CliResult r = sync(m_a);
        QCOMPARE(r.exitCode, 1);
        QJsonArray list = conflicts(m_a);
        QCOMPARE(list.size(), 1);
        const QJsonObject c = list.first().toObject();
        QVERIFY(c.value(QLatin1String("rejected")).toBool());
        QVERIFY2(c.value(QLatin1String("reason")).toString().contains(QLatin1String("24/7")),
                 qPrintable(c.value(QLatin1String("reason")).toString()));
        // Nothing was lost meanwhile: the change is still there, and still refused on a retry.
        QCOMPARE(sync(m_a).exitCode, 0); // a refused change waits; nothing new was refused
        QCOMPARE(conflicts(m_a).size(), 1);
        r = cli({QStringLiteral("conflicts"), QStringLiteral("--take-theirs"), QString::number(c.value(QLatin1String("id")).toInteger()), QStringLiteral("--store"), m_a});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(sync(m_a).exitCode, 0);
        Store a;
        QVERIFY(a.open(m_a).ok());
        auto support = a.groups.findByName(QStringLiteral("Équipe 24/7"));
        QVERIFY(support.ok());
        QCOMPARE(support->name, QStringLiteral("Équipe 24/7"));
    }

    // A PIN set here while another administrator changed the same user: a conflict named after
    // the user, resolved by keeping this store's PIN.
    void userSubResourceConflictIsNamedAfterTheUser()
    {
        QString userId;
        QString name;
        {
            Store b;
            QVERIFY(b.open(m_b).ok());
            auto users = b.users.list();
            QVERIFY(users.ok());
            User u = users->at(5);
            userId = u.id;
            name = u.displayName();
            u.email = QStringLiteral("pin.conflict@example.be");
            QVERIFY(b.users.update(u).ok());
        }
        QCOMPARE(sync(m_b).exitCode, 0);
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            QVERIFY(a.users.setPin(userId, QStringLiteral("739146")).ok());
        }
        QCOMPARE(sync(m_a).exitCode, 1);
        const QJsonArray list = conflicts(m_a);
        QCOMPARE(list.size(), 1);
        const QJsonObject c = list.first().toObject();
        QCOMPARE(c.value(QLatin1String("title")).toString(), QStringLiteral("PIN of ") + name);
        CliResult r = cli({QStringLiteral("conflicts"), QStringLiteral("--keep-mine"), QString::number(c.value(QLatin1String("id")).toInteger()),
                           QStringLiteral("--store"), m_a});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QCOMPARE(sync(m_a).exitCode, 0);
        QCOMPARE(conflicts(m_a).size(), 0);
    }

    // The server killed (SIGKILL) at random moments during a large push, 20 times: after a restart
    // and a last sync, the server has every change once, and this store agrees.
    void serverKilledDuringAPush()
    {
        const quint16 port = m_server.port;
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            const Status s = a.database().transaction([&]() -> Status {
                for (int i = 0; i < 3000; ++i) {
                    Contact c;
                    c.firstName = QStringLiteral("Fault");
                    c.lastName = QStringLiteral("Contact %1").arg(i, 4, 10, QLatin1Char('0'));
                    c.numbers.append({QStringLiteral("Work"), QStringLiteral("+3223%1").arg(200000 + i)});
                    if (auto r = a.contacts.create(c); !r)
                        return r.error();
                }
                return {};
            });
            QVERIFY(s.ok());
        }
        QRandomGenerator random(20261202);
        int interrupted = 0;
        for (int round = 0; round < 20; ++round) {
            QProcess syncing;
            syncing.start(QStringLiteral(CENTRALE_CLI), {QStringLiteral("sync"), QStringLiteral("--store"), m_a});
            QVERIFY(syncing.waitForStarted());
            QTest::qWait(static_cast<int>(random.bounded(50, 700)));
            m_server.stop(); // SIGKILL
            QVERIFY(syncing.waitForFinished(60000));
            interrupted += syncing.exitCode() != 0;
            QVERIFY(m_server.start(QStringLiteral(CENTRALE_SERVER), {QStringLiteral("--db"), m_db, QStringLiteral("--listen"),
                                                                     QStringLiteral("127.0.0.1:%1").arg(port)}));
        }
        qInfo("%d of 20 syncs were cut by the server's death", interrupted);
        CliResult r = sync(m_a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(QJsonDocument::fromJson(cli({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--store"), m_a}).out.toUtf8())
                     .object().value(QLatin1String("waiting")).toInt(), 0);
        // Every contact once on the server: a new store pulled from it has exactly this store's.
        const QString c = m_dir.filePath(QStringLiteral("c.sqlite"));
        QCOMPARE(login(c).exitCode, 0);
        QCOMPARE(sync(c).exitCode, 0);
        QCOMPARE(listing(c, QStringLiteral("contacts")), listing(m_a, QStringLiteral("contacts")));
        QVERIFY(listing(c, QStringLiteral("contacts")).count(QStringLiteral("Fault")) == 3000);
    }

    // Ctrl+C during a long push: the command stops after the batch on its way, says what it kept,
    // and the next sync sends the rest, once.
    void interruptedSyncKeepsWhatWasSent()
    {
        {
            Store a;
            QVERIFY(a.open(m_a).ok());
            const Status s = a.database().transaction([&]() -> Status {
                for (int i = 0; i < 6000; ++i) {
                    Contact c;
                    c.firstName = QStringLiteral("Interrupted");
                    c.lastName = QStringLiteral("Contact %1").arg(i, 4, 10, QLatin1Char('0'));
                    c.numbers.append({QStringLiteral("Work"), QStringLiteral("+3223%1").arg(400000 + i)});
                    if (auto r = a.contacts.create(c); !r)
                        return r.error();
                }
                return {};
            });
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
        }
        QProcess p;
        p.start(QStringLiteral(CENTRALE_CLI), {QStringLiteral("sync"), QStringLiteral("--store"), m_a});
        QVERIFY(p.waitForStarted());
        // Once the first batch has reached the server.
        auto waiting = [&] {
            Store a;
            return a.open(m_a).ok() ? a.outbox.count().value() : -1;
        };
        QTRY_VERIFY_WITH_TIMEOUT(waiting() < 6000, 60000);
        ::kill(pid_t(p.processId()), SIGINT);
        QVERIFY(p.waitForFinished(120000));
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.startsWith(QLatin1String("Sync stopped: ")), qPrintable(err));
        const int left = waiting();
        QVERIFY2(left > 0 && left < 6000, qPrintable(QString::number(left)));
        CliResult r = sync(m_a);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QCOMPARE(waiting(), 0);
        QCOMPARE(sync(m_b).exitCode, 0);
        QCOMPARE(listing(m_b, QStringLiteral("contacts")).count(QStringLiteral("Interrupted")), 6000);
    }

    void logoutForgetsTheToken()
    {
        QCOMPARE(cli({QStringLiteral("logout"), QStringLiteral("--store"), m_b}).exitCode, 0);
        const CliResult r = sync(m_b);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QLatin1String("log in again")), qPrintable(r.err));
    }
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
