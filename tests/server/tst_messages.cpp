// Delivering the queued messages through the real programs: centrale-server serve sends
// welcome and password-reset messages to a real SMTP server (Debian python3-aiosmtpd on a
// loopback port, each message written to a folder) and to an SMS gateway stood in for by a
// small HTTP receiver here. Also: the pieces (GSM-7/UCS-2 splitting, MIME encoding, templates),
// SMTP down then up, gateway errors, malformed and refused addresses, two instances on one
// PostgreSQL, the password reset and the welcome command through centrale-cli.

#include "MessageTemplates.h"
#include "MimeMessage.h"
#include "ServerProcess.h"
#include "ServerTestSupport.h"
#include "SmtpCatcher.h"
#include "SmsText.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <memory>

using namespace centrale;
using namespace centrale::server;
using namespace centrale::server::test;

namespace {
const QString kPassword = QStringLiteral("Corr3ct-horse-battery");
const QString kDomain = QStringLiteral("domaincustomer.be");
const QString kOrgName = QStringLiteral("Société Générale d'Exemple");

// Python's own e-mail parser reads what the server sent.
const char kParseMail[] = R"PY(
import email, email.policy, json, sys
raw = open(sys.argv[1], 'rb').read()
m = email.message_from_bytes(raw, policy=email.policy.default)
plain = m.get_body(('plain',))
html = m.get_body(('html',))
print(json.dumps({
    'subject': str(m['Subject']), 'from': str(m['From']), 'to': str(m['To']),
    'messageId': str(m['Message-ID']), 'date': str(m['Date']), 'mimeVersion': str(m['MIME-Version']),
    'contentType': m.get_content_type(), 'defects': len(m.defects),
    'dateParsed': m['Date'].datetime is not None,
    'parts': [p.get_content_type() for p in m.iter_parts()],
    'plain': plain.get_content() if plain else '', 'html': html.get_content() if html else '',
    'plainEncoding': plain['Content-Transfer-Encoding'] if plain else '',
}))
)PY";

// The SMS gateway: answers each POST with the next scripted status (then 200), and keeps what it got.
class GatewayStub {
public:
    struct Received {
        QByteArray authorization;
        QJsonObject body;
    };
    GatewayStub()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket *socket = m_server.nextPendingConnection()) {
                auto buffer = std::make_shared<QByteArray>();
                QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                    *buffer += socket->readAll();
                    const qsizetype end = buffer->indexOf("\r\n\r\n");
                    if (end < 0)
                        return;
                    static const QRegularExpression length(QStringLiteral("(?i)content-length:\\s*(\\d+)"));
                    const QString head = QString::fromLatin1(buffer->left(end));
                    const qsizetype size = length.match(head).captured(1).toLongLong();
                    if (buffer->size() < end + 4 + size)
                        return;
                    static const QRegularExpression auth(QStringLiteral("(?i)authorization:\\s*([^\\r\\n]*)"));
                    received << Received {
                        auth.match(head).captured(1).toLatin1(), QJsonDocument::fromJson(buffer->mid(end + 4, size)).object()};
                    const int status = script.isEmpty() ? 200 : script.takeFirst();
                    const QByteArray body
                        = status < 300 ? QByteArray(R"({"id":"sms-1"})") : QByteArray(R"({"message":"Invalid destination number"})");
                    socket->write("HTTP/1.1 " + QByteArray::number(status) + " X\r\nContent-Type: application/json\r\nContent-Length: "
                        + QByteArray::number(body.size()) + "\r\nConnection: close\r\n\r\n" + body);
                    socket->disconnectFromHost();
                });
                QObject::connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1/sms").arg(m_server.serverPort()); }
    QList<int> script;
    QList<Received> received;

private:
    QTcpServer m_server;
};

QJsonObject userBody(const QString &id, const QString &username, const QString &email, const QString &mobile, const QString &language)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("username"), username}, {QStringLiteral("firstName"), QStringLiteral("Élise")},
        {QStringLiteral("lastName"), QStringLiteral("Lefèvre")}, {QStringLiteral("email"), email}, {QStringLiteral("mobile"), mobile},
        {QStringLiteral("language"), language}, {QStringLiteral("groups"), QJsonArray()}, {QStringLiteral("settings"), QJsonObject()}};
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

class TestMessages : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_smtpScript;
    QString m_parseScript;
    // One organisation in a fresh database, and its administrator talking to the Api in process.
    QString m_url;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<Api> m_api;
    Client m_admin;
    QProcess m_dbus;
    QProcess m_keyring;
    bool m_keychainStarted = false;

    // A private session bus and keyring, in a home of their own, for the CLI's session token.
    void startKeychain()
    {
        if (m_keychainStarted)
            return;
        for (const char *tool : {"dbus-daemon", "gnome-keyring-daemon"}) {
            if (QStandardPaths::findExecutable(QString::fromLatin1(tool)).isEmpty())
                QFAIL(qPrintable(
                    QStringLiteral("%1 is needed for the keychain (Debian packages dbus and gnome-keyring).").arg(QLatin1String(tool))));
        }
        const QString home = m_dir.filePath(QStringLiteral("home"));
        QVERIFY(QDir().mkpath(home + QStringLiteral("/data")));
        qputenv("HOME", home.toUtf8());
        qputenv("XDG_DATA_HOME", (home + QStringLiteral("/data")).toUtf8());
        qputenv("XDG_RUNTIME_DIR", home.toUtf8());
        m_dbus.start(
            QStringLiteral("dbus-daemon"), {QStringLiteral("--session"), QStringLiteral("--print-address=1"), QStringLiteral("--nofork")});
        QVERIFY(m_dbus.waitForStarted());
        QVERIFY(m_dbus.waitForReadyRead(10000));
        const QByteArray address = m_dbus.readLine().trimmed();
        QVERIFY(address.startsWith("unix:"));
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        m_keyring.start(QStringLiteral("gnome-keyring-daemon"),
            {QStringLiteral("--foreground"), QStringLiteral("--unlock"), QStringLiteral("--components=secrets")});
        QVERIFY(m_keyring.waitForStarted());
        m_keyring.write("keyring-password");
        m_keyring.closeWriteChannel();
        QTest::qWait(500);
        m_keychainStarted = true;
    }

    void freshOrganisation(const QString &backend = QStringLiteral("sqlite"))
    {
        m_api.reset();
        m_db = std::make_unique<ServerDatabase>();
        m_url = freshDatabase(backend, m_dir);
        QVERIFY(m_db->open(m_url).ok());
        m_api = std::make_unique<Api>(*m_db);
        QVERIFY(m_api->createOrganisation(kDomain, kOrgName, QStringLiteral("fr")).ok());
        QVERIFY(m_api->createAdministrator(QStringLiteral("admin@") + kDomain, kDomain, kPassword).ok());
        m_admin = Client {m_api.get(), {}, kDomain};
        QVERIFY(m_admin.login(QStringLiteral("admin@") + kDomain, kPassword));
        QVERIFY(m_admin.elevate(kPassword));
    }
    QString addUser(const QString &name, const QString &email, const QString &mobile, const QString &language)
    {
        const QString id = uuid();
        const ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + id),
            userBody(id, name + QLatin1Char('@') + kDomain, email, mobile, language), "*");
        if (r.status != 201)
            qWarning("user not created: %s", r.body.constData());
        return id;
    }
    QJsonArray welcome(const QString &userId, const QStringList &channels, const QString &delivery)
    {
        const ApiResponse r = m_admin.write("POST", m_admin.org(QStringLiteral("/users/%1/welcome").arg(userId)),
            {{QStringLiteral("channels"), QJsonArray::fromStringList(channels)}, {QStringLiteral("delivery"), delivery}}, {});
        if (r.status != 200)
            qWarning("welcome refused: %d %s", r.status, r.body.constData());
        return r.jsonBody().value(QLatin1String("results")).toArray();
    }
    QJsonObject message(const QString &id) { return m_admin.call("GET", m_admin.org(QStringLiteral("/messages/") + id)).jsonBody(); }
    QString state(const QString &id)
    {
        auto q = m_db->exec(QStringLiteral("SELECT state FROM message WHERE id = ?"), {id});
        return q && q->next() ? q->value(0).toString() : QString();
    }
    QStringList serveArguments(const QStringList &extra) const
    {
        return QStringList {QStringLiteral("--db"), m_url, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                   QStringLiteral("--retry-after"), QStringLiteral("1")}
        + extra;
    }
    QStringList smtpArguments(quint16 port) const
    {
        return {QStringLiteral("--smtp"), QStringLiteral("smtp://127.0.0.1:%1").arg(port), QStringLiteral("--mail-from"),
            QStringLiteral("centrale@") + kDomain};
    }
    QJsonObject parseMail(const QString &file)
    {
        const CliResult r = runProgram(kPython, {m_parseScript, file});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return QJsonDocument::fromJson(r.out.toUtf8()).object();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (postgresMissingButRequired())
            QFAIL("CENTRALE_REQUIRE_POSTGRES=1 but CENTRALE_TEST_PG_URL is not set");
        if (runProgram(kPython, {QStringLiteral("-c"), QStringLiteral("import aiosmtpd")}).exitCode != 0)
            QFAIL("The SMTP server of these tests needs Debian's python3-aiosmtpd (/usr/bin/python3 -c 'import aiosmtpd').");
        m_smtpScript = m_dir.filePath(QStringLiteral("smtp_server.py"));
        m_parseScript = m_dir.filePath(QStringLiteral("parse_mail.py"));
        for (const auto &[path, text] : {std::pair {m_smtpScript, kSmtpServer}, std::pair {m_parseScript, kParseMail}}) {
            QFile f(path);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        }
    }

    void smsLengthRules()
    {
        // GSM-7: 160 septets fit one message; the extension table counts double.
        QCOMPARE(SmsText::split(QString(160, QLatin1Char('a'))).parts.size(), 1);
        SmsText two = SmsText::split(QString(161, QLatin1Char('a')));
        QCOMPARE(two.encoding, SmsText::Encoding::Gsm7);
        QCOMPARE(two.parts.size(), 2);
        QCOMPARE(two.parts.at(0).size(), 153);
        QCOMPARE(SmsText::length(QStringLiteral("€[]"), SmsText::Encoding::Gsm7), 6);
        QCOMPARE(SmsText::split(QString(80, QChar(0x20AC))).parts.size(), 1); // 160 septets
        SmsText euros = SmsText::split(QString(81, QChar(0x20AC))); // 162: cut between escapes, never inside one
        QCOMPARE(euros.parts.size(), 2);
        QCOMPARE(euros.parts.at(0).size(), 76);
        // Accents of the GSM alphabet (é, è, à) stay 7-bit; ê or ç do not.
        QCOMPARE(SmsText::split(QStringLiteral("Réunion à 10 h, café après")).encoding, SmsText::Encoding::Gsm7);
        QCOMPARE(SmsText::split(QStringLiteral("Fête de l’été")).encoding, SmsText::Encoding::Ucs2);
        // UCS-2: 70 units, then parts of 67; a surrogate pair is never split.
        const QString ucs = QStringLiteral("ê") + QString(69, QLatin1Char('b'));
        QCOMPARE(SmsText::split(ucs).parts.size(), 1);
        SmsText cut = SmsText::split(ucs + QLatin1Char('c'));
        QCOMPARE(cut.parts.size(), 2);
        QCOMPARE(cut.parts.at(0).size(), 67);
        const QString emoji = QString(66, QLatin1Char('x')) + QString::fromUtf8("😀") + QString(10, QLatin1Char('y'));
        SmsText pair = SmsText::split(emoji);
        QCOMPARE(pair.parts.at(0).size(), 66);
        QVERIFY(pair.parts.at(1).startsWith(QString::fromUtf8("😀")));
        QCOMPARE(pair.parts.join(QString()), emoji);
    }

    void mimePieces()
    {
        QCOMPARE(MimeMessage::encodeWord(QStringLiteral("Hello")), QByteArray("Hello"));
        const QByteArray word = MimeMessage::encodeWord(kOrgName + QStringLiteral(" : votre accès au portail web de téléphonie"));
        QVERIFY(word.startsWith("=?UTF-8?B?"));
        for (const QByteArray &line : word.split('\n'))
            QVERIFY(line.trimmed().size() <= 75);
        QCOMPARE(MimeMessage::mailbox(QStringLiteral("Jan Peeters"), QStringLiteral("jan@example.be")),
            QByteArray("\"Jan Peeters\" <jan@example.be>"));
        const QByteArray qp = MimeMessage::quotedPrintable(QString(200, QChar(0x00E9)) + QStringLiteral(" end "));
        for (const QByteArray &line : qp.split('\n'))
            QVERIFY(line.size() <= 77); // 76 and the CR
        QVERIFY(qp.endsWith("end=20"));
        QCOMPARE(MimeMessage::rfc5322Date(QDateTime(QDate(2026, 12, 2), QTime(9, 5, 7), QTimeZone::utc())),
            QByteArray("Wed, 02 Dec 2026 09:05:07 +0000"));
    }

    void templatesInTheUsersLanguage()
    {
        MessageTemplates templates({QStringLiteral("https://portal.example.be"), {}, {}});
        MessageFacts facts {QStringLiteral("welcome"), QStringLiteral("web"), QStringLiteral("fr"), kOrgName,
            QStringLiteral("Élise Lefèvre"), QStringLiteral("elise@domaincustomer.be"), QStringLiteral("Code-123"),
            QDateTime::currentDateTimeUtc().addDays(7)};
        const MessageContent fr = templates.render(facts);
        facts.language = QStringLiteral("nl");
        const MessageContent nl = templates.render(facts);
        facts.language = QStringLiteral("en");
        const MessageContent en = templates.render(facts);
        QVERIFY(en.text.contains(QLatin1String("Your username: elise@domaincustomer.be")));
        QVERIFY(fr.text.contains(QLatin1String("Bonjour")));
        QVERIFY(nl.text.contains(QLatin1String("Hallo")));
        for (const MessageContent &c : {fr, nl, en}) {
            QVERIFY(c.subject.contains(kOrgName));
            QVERIFY(c.text.contains(QLatin1String("Code-123")));
            QVERIFY(c.text.contains(QLatin1String("https://portal.example.be/reset-password?code=Code-123")));
            QVERIFY(c.html.contains(QLatin1String("<a href=\"https://portal.example.be/reset-password?code=Code-123\">")));
            QVERIFY(c.sms.contains(QLatin1String("Code-123")));
        }
        QVERIFY(fr.subject != en.subject && nl.subject != en.subject && fr.subject != nl.subject);
    }

    void welcomeEmailIsWellFormed()
    {
        freshOrganisation();
        const quint16 smtpPort = freePort();
        SmtpCatcher smtp;
        QVERIFY(smtp.start(smtpPort, m_dir.filePath(QStringLiteral("mail-welcome")), m_smtpScript));
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER),
            serveArguments(
                smtpArguments(smtpPort) + QStringList {QStringLiteral("--portal-url"), QStringLiteral("https://portal.example.be")})));
        const QString user = addUser(QStringLiteral("elise"), QStringLiteral("elise@example.be"), {}, QStringLiteral("fr"));
        const QJsonArray results = welcome(user, {QStringLiteral("web")}, QStringLiteral("email"));
        QCOMPARE(results.size(), 1);
        const QString id = results.at(0).toObject().value(QLatin1String("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(smtp.messages().size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(state(id), QStringLiteral("sent"), 10000);

        QFile raw(smtp.messages().constFirst());
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        QVERIFY(bytes.contains("Subject: =?UTF-8?B?"));
        QVERIFY(!bytes.contains("Corr3ct"));
        const QJsonObject mail = parseMail(smtp.messages().constFirst());
        QCOMPARE(mail.value(QLatin1String("defects")).toInt(), 0);
        QCOMPARE(mail.value(QLatin1String("contentType")).toString(), QStringLiteral("multipart/alternative"));
        QCOMPARE(mail.value(QLatin1String("parts")).toArray(), (QJsonArray {QStringLiteral("text/plain"), QStringLiteral("text/html")}));
        QCOMPARE(mail.value(QLatin1String("mimeVersion")).toString(), QStringLiteral("1.0"));
        QVERIFY(mail.value(QLatin1String("dateParsed")).toBool());
        QVERIFY(mail.value(QLatin1String("messageId")).toString().endsWith(QStringLiteral("@domaincustomer.be>")));
        QCOMPARE(mail.value(QLatin1String("plainEncoding")).toString(), QStringLiteral("quoted-printable"));
        const QString subject = mail.value(QLatin1String("subject")).toString();
        QVERIFY2(subject.contains(kOrgName), qPrintable(subject));
        QVERIFY2(mail.value(QLatin1String("from")).toString().startsWith(QStringLiteral("\"") + kOrgName)
                || mail.value(QLatin1String("from")).toString().startsWith(kOrgName),
            qPrintable(mail.value(QLatin1String("from")).toString()));
        QCOMPARE(mail.value(QLatin1String("to")).toString(), QStringLiteral("Élise Lefèvre <elise@example.be>"));
        // French, with the organisation's name, the username and a code; never the password.
        const QString plain = mail.value(QLatin1String("plain")).toString();
        QVERIFY2(plain.contains(QStringLiteral("Bonjour Élise Lefèvre")), qPrintable(plain));
        QVERIFY(plain.contains(kOrgName));
        QVERIFY(plain.contains(QLatin1String("elise@domaincustomer.be")));
        QVERIFY(plain.contains(QLatin1String("https://portal.example.be/reset-password?code=")));
        QVERIFY(!plain.contains(QLatin1String("Your username")));
        QVERIFY(mail.value(QLatin1String("html")).toString().contains(QStringLiteral("<p>Bonjour Élise Lefèvre")));
        // Sent, once; the code is no longer in the queue.
        const QJsonObject status = message(id);
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("sent"));
        QCOMPARE(status.value(QLatin1String("attempts")).toInt(), 1);
        QVERIFY(status.contains(QLatin1String("sentAt")));
        auto q = m_db->exec(QStringLiteral("SELECT payload FROM message WHERE id = ?"), {id});
        QVERIFY(q && q->next());
        QVERIFY(!q->value(0).toString().contains(QLatin1String("\"code\"")));
        QTest::qWait(1500);
        QCOMPARE(smtp.messages().size(), 1);
    }

    void smsIsSplitWithItsEncoding()
    {
        freshOrganisation();
        GatewayStub gateway;
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER),
            serveArguments({QStringLiteral("--sms-gateway"), gateway.url(), QStringLiteral("--sms-key"), QStringLiteral("s3cret-key"),
                QStringLiteral("--sms-from"), QStringLiteral("Exemple"), QStringLiteral("--mobile-app-url"),
                QStringLiteral("https://apps.example.be/centrale-mobile")})));
        const QString user = addUser(QStringLiteral("jan"), {}, QStringLiteral("+32475123456"), QStringLiteral("nl"));
        const QString id
            = welcome(user, {QStringLiteral("mobile")}, QStringLiteral("sms")).at(0).toObject().value(QLatin1String("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(gateway.received.size(), 1, 20000);
        QTRY_COMPARE_WITH_TIMEOUT(state(id), QStringLiteral("sent"), 10000);
        const GatewayStub::Received got = gateway.received.constFirst();
        QCOMPARE(got.authorization, QByteArray("Bearer s3cret-key"));
        QCOMPARE(got.body.value(QLatin1String("to")).toString(), QStringLiteral("+32475123456"));
        QCOMPARE(got.body.value(QLatin1String("from")).toString(), QStringLiteral("Exemple"));
        const QString text = got.body.value(QLatin1String("text")).toString();
        QVERIFY2(text.contains(kOrgName) && text.contains(QLatin1String("jan@domaincustomer.be")), qPrintable(text));
        QVERIFY2(text.contains(QLatin1String("Gebruikersnaam")), qPrintable(text)); // Dutch
        QVERIFY(!text.contains(kPassword));
        // The long welcome is cut by the rules of its alphabet.
        const SmsText expected = SmsText::split(text);
        QCOMPARE(got.body.value(QLatin1String("encoding")).toString(), SmsText::encodingName(expected.encoding));
        const QStringList parts = got.body.value(QLatin1String("parts")).toVariant().toStringList();
        QVERIFY(parts.size() >= 2);
        QCOMPARE(parts, expected.parts);
        QCOMPARE(parts.join(QString()), text);
        for (const QString &p : parts)
            QVERIFY(SmsText::length(p, expected.encoding) <= (expected.encoding == SmsText::Encoding::Gsm7 ? 153 : 67));
        QTest::qWait(1500);
        QCOMPARE(gateway.received.size(), 1);
    }

    void gatewayErrorThenSuccess()
    {
        freshOrganisation();
        GatewayStub gateway;
        gateway.script = {500, 200, 400};
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER), serveArguments({QStringLiteral("--sms-gateway"), gateway.url()})));
        const QString user = addUser(QStringLiteral("piet"), {}, QStringLiteral("+32475000011"), QStringLiteral("en"));
        const QString id
            = welcome(user, {QStringLiteral("mobile")}, QStringLiteral("sms")).at(0).toObject().value(QLatin1String("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(state(id), QStringLiteral("sent"), 30000);
        QCOMPARE(gateway.received.size(), 2);
        QCOMPARE(message(id).value(QLatin1String("attempts")).toInt(), 2);
        // A 4xx is final, with the gateway's reason.
        const QString refused
            = welcome(user, {QStringLiteral("softphone")}, QStringLiteral("sms")).at(0).toObject().value(QLatin1String("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(state(refused), QStringLiteral("failed"), 20000);
        const QJsonObject status = message(refused);
        QCOMPARE(status.value(QLatin1String("reasonCode")).toString(), QStringLiteral("rejected"));
        QVERIFY2(status.value(QLatin1String("reason")).toString().contains(QLatin1String("Invalid destination number")),
            qPrintable(status.value(QLatin1String("reason")).toString()));
        QCOMPARE(gateway.received.size(), 3);
    }

    void smtpDownThenUp()
    {
        freshOrganisation();
        const quint16 smtpPort = freePort();
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER), serveArguments(smtpArguments(smtpPort))));
        const QString user = addUser(QStringLiteral("an"), QStringLiteral("an@example.be"), {}, QStringLiteral("nl"));
        const QString id
            = welcome(user, {QStringLiteral("softphone")}, QStringLiteral("email")).at(0).toObject().value(QLatin1String("id")).toString();
        // Nobody listens: the message waits, with the reason and the next attempt.
        QTRY_VERIFY2_WITH_TIMEOUT(
            message(id).value(QLatin1String("attempts")).toInt() >= 2, QJsonDocument(message(id)).toJson().constData(), 20000);
        QJsonObject status = message(id);
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("queued"));
        QCOMPARE(status.value(QLatin1String("reasonCode")).toString(), QStringLiteral("smtp-error"));
        QVERIFY(status.contains(QLatin1String("nextAttemptAt")));
        SmtpCatcher smtp;
        QVERIFY(smtp.start(smtpPort, m_dir.filePath(QStringLiteral("mail-later")), m_smtpScript));
        QTRY_COMPARE_WITH_TIMEOUT(state(id), QStringLiteral("sent"), 30000);
        QTest::qWait(2000);
        QCOMPARE(smtp.messages().size(), 1);
        status = message(id);
        QVERIFY(status.value(QLatin1String("attempts")).toInt() >= 3);
        QVERIFY(!status.contains(QLatin1String("reasonCode")));
        QVERIFY(parseMail(smtp.messages().constFirst()).value(QLatin1String("plain")).toString().contains(QLatin1String("Hallo")));
    }

    void badAddressesFail()
    {
        freshOrganisation();
        const quint16 smtpPort = freePort();
        SmtpCatcher smtp;
        QVERIFY(smtp.start(smtpPort, m_dir.filePath(QStringLiteral("mail-bad")), m_smtpScript));
        const QString user = addUser(QStringLiteral("nobody"), QStringLiteral("nobody@example.be"), {}, QStringLiteral("en"));
        const QString refused
            = welcome(user, {QStringLiteral("web")}, QStringLiteral("email")).at(0).toObject().value(QLatin1String("id")).toString();
        // An address the record checks would refuse, as an older server might have queued it.
        const QString malformed = uuid();
        QVERIFY(m_db->exec(QStringLiteral("INSERT INTO message (id, org_id, user_id, kind, channel, recipient, payload, state, created_at) "
                                          "SELECT ?, org_id, user_id, 'welcome', 'email', 'not an address', payload, 'queued', created_at "
                                          "FROM message WHERE id = ?"),
                        {malformed, refused})
                    .ok());
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER), serveArguments(smtpArguments(smtpPort))));
        QTRY_COMPARE_WITH_TIMEOUT(state(refused), QStringLiteral("failed"), 20000);
        QTRY_COMPARE_WITH_TIMEOUT(state(malformed), QStringLiteral("failed"), 20000);
        QJsonObject status = message(refused);
        QCOMPARE(status.value(QLatin1String("reasonCode")).toString(), QStringLiteral("rejected"));
        QVERIFY2(status.value(QLatin1String("reason")).toString().contains(QLatin1String("550")),
            qPrintable(status.value(QLatin1String("reason")).toString()));
        QCOMPARE(status.value(QLatin1String("attempts")).toInt(), 1);
        status = message(malformed);
        QCOMPARE(status.value(QLatin1String("reasonCode")).toString(), QStringLiteral("invalid-address"));
        QVERIFY(!status.value(QLatin1String("reason")).toString().isEmpty());
        QCOMPARE(smtp.messages().size(), 0);
    }

    void givesUpAfterTheLastAttempt()
    {
        freshOrganisation();
        GatewayStub gateway;
        gateway.script = {503, 502};
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER),
            serveArguments({QStringLiteral("--sms-gateway"), gateway.url(), QStringLiteral("--max-attempts"), QStringLiteral("2")})));
        const QString user = addUser(QStringLiteral("lies"), {}, QStringLiteral("+32475000022"), QStringLiteral("en"));
        const QString id
            = welcome(user, {QStringLiteral("mobile")}, QStringLiteral("sms")).at(0).toObject().value(QLatin1String("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(state(id), QStringLiteral("failed"), 20000);
        const QJsonObject status = message(id);
        QCOMPARE(status.value(QLatin1String("attempts")).toInt(), 2);
        QCOMPARE(status.value(QLatin1String("reasonCode")).toString(), QStringLiteral("gateway-error"));
        QVERIFY2(status.value(QLatin1String("reason")).toString().contains(QLatin1String("after 2 attempts")),
            qPrintable(status.value(QLatin1String("reason")).toString()));
        QCOMPARE(gateway.received.size(), 2);
        // The code left the queue with the message.
        auto q = m_db->exec(QStringLiteral("SELECT payload FROM message WHERE id = ?"), {id});
        QVERIFY(q && q->next());
        QVERIFY(!q->value(0).toString().contains(QLatin1String("\"code\"")));
    }

    void aCrashedClaimExpiresAndIsRetried()
    {
        freshOrganisation();
        GatewayStub gateway;
        const QString user = addUser(QStringLiteral("bart"), {}, QStringLiteral("+32475000033"), QStringLiteral("fr"));
        const QString id
            = welcome(user, {QStringLiteral("mobile")}, QStringLiteral("sms")).at(0).toObject().value(QLatin1String("id")).toString();
        // As an instance that died while sending leaves it: claimed, its claim since expired.
        QVERIFY(
            m_db->exec(QStringLiteral(
                           "UPDATE message SET state = 'sending', claim = 'dead-instance', claimed_until = 1, attempts = 1 WHERE id = ?"),
                    {id})
                .ok());
        // And one still claimed by a live instance is left alone.
        const QString busy
            = welcome(user, {QStringLiteral("web")}, QStringLiteral("sms")).at(0).toObject().value(QLatin1String("id")).toString();
        QVERIFY(m_db->exec(QStringLiteral("UPDATE message SET state = 'sending', claim = 'live-instance', claimed_until = ? WHERE id = ?"),
                        {QDateTime::currentMSecsSinceEpoch() + 3'600'000, busy})
                    .ok());
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER), serveArguments({QStringLiteral("--sms-gateway"), gateway.url()})));
        QTRY_COMPARE_WITH_TIMEOUT(state(id), QStringLiteral("sent"), 20000);
        QCOMPARE(message(id).value(QLatin1String("attempts")).toInt(), 2);
        QTest::qWait(1500);
        QCOMPARE(gateway.received.size(), 1);
        QCOMPARE(state(busy), QStringLiteral("sending"));
        QCOMPARE(message(busy).value(QLatin1String("status")).toString(), QStringLiteral("queued"));
    }

    void withoutMailServerMessagesWait()
    {
        freshOrganisation();
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER), serveArguments({})));
        const QString user = addUser(QStringLiteral("wim"), QStringLiteral("wim@example.be"), {}, QStringLiteral("en"));
        const QString id
            = welcome(user, {QStringLiteral("web")}, QStringLiteral("email")).at(0).toObject().value(QLatin1String("id")).toString();
        QTRY_COMPARE_WITH_TIMEOUT(message(id).value(QLatin1String("reasonCode")).toString(), QStringLiteral("not-configured"), 20000);
        const QJsonObject status = message(id);
        QCOMPARE(status.value(QLatin1String("status")).toString(), QStringLiteral("queued"));
        QVERIFY(status.value(QLatin1String("reason")).toString().contains(QLatin1String("--smtp")));
        QCOMPARE(status.value(QLatin1String("attempts")).toInt(), 0);
    }

    void secretsAreNeverPrinted()
    {
        const QString config = m_dir.filePath(QStringLiteral("server.ini"));
        QFile f(config);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("smtp = smtp://mailer:Sm7p-pa55@127.0.0.1:1\nmail-from = centrale@domaincustomer.be\nsms-gateway = http://127.0.0.1:1/sms\n"
                "sms-key = Ga7eway-key\n");
        f.close();
        freshOrganisation();
        QProcess p;
        p.start(QStringLiteral(CENTRALE_SERVER),
            {QStringLiteral("serve"), QStringLiteral("--config"), config, QStringLiteral("--db"), m_url, QStringLiteral("--listen"),
                QStringLiteral("127.0.0.1:0")});
        QVERIFY(p.waitForStarted());
        QByteArray out;
        QTRY_VERIFY_WITH_TIMEOUT((out += p.readAllStandardOutput()).contains("port"), 20000);
        p.kill();
        p.waitForFinished();
        out += p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(out.contains("smtp://mailer:****@127.0.0.1:1"), out.constData());
        QVERIFY(!out.contains("Sm7p-pa55"));
        QVERIFY(!out.contains("Ga7eway-key"));
        const CliResult help = runProgram(QStringLiteral(CENTRALE_SERVER), {QStringLiteral("serve"), QStringLiteral("--help")});
        for (const char *option : {"--smtp", "--mail-from", "--sms-gateway", "--sms-key", "--config", "--retry-after"})
            QVERIFY2(help.out.contains(QLatin1String(option)), option);
    }

    void twoInstancesShareOnePostgres()
    {
        if (!backends().contains(QStringLiteral("postgres")))
            QSKIP("No PostgreSQL (CENTRALE_TEST_PG_URL): run through scripts/test.sh.");
        freshOrganisation(QStringLiteral("postgres"));
        const quint16 smtpPort = freePort();
        SmtpCatcher smtp;
        QVERIFY(smtp.start(smtpPort, m_dir.filePath(QStringLiteral("mail-two")), m_smtpScript));
        // Both instances run before the batch arrives: they race for every message.
        ServerProcess one;
        ServerProcess two;
        QVERIFY(one.start(QStringLiteral(CENTRALE_SERVER), serveArguments(smtpArguments(smtpPort))));
        QVERIFY(two.start(QStringLiteral(CENTRALE_SERVER), serveArguments(smtpArguments(smtpPort))));
        QStringList ids;
        for (int i = 0; i < 15; ++i) {
            const QString user
                = addUser(QStringLiteral("user.%1").arg(i), QStringLiteral("user.%1@example.be").arg(i), {}, QStringLiteral("fr"));
            for (const QJsonValue &m : welcome(user, {QStringLiteral("web"), QStringLiteral("softphone")}, QStringLiteral("email")))
                ids << m.toObject().value(QLatin1String("id")).toString();
        }
        QCOMPARE(ids.size(), 30);
        auto sent = [&] {
            auto q = m_db->exec(QStringLiteral("SELECT count(*) FROM message WHERE state = 'sent'"));
            return q && q->next() ? q->value(0).toInt() : -1;
        };
        QTRY_COMPARE_WITH_TIMEOUT(sent(), 30, 60000);
        QTest::qWait(2000);
        const QStringList files = smtp.messages();
        QCOMPARE(files.size(), 30);
        // Each message once: one per recipient and access.
        QSet<QString> seen;
        for (const QString &file : files) {
            const QJsonObject mail = parseMail(file);
            seen.insert(mail.value(QLatin1String("to")).toString() + QLatin1Char('|') + mail.value(QLatin1String("subject")).toString());
        }
        QCOMPARE(seen.size(), 30);
        auto q = m_db->exec(QStringLiteral("SELECT max(attempts) FROM message"));
        QVERIFY(q && q->next());
        QCOMPARE(q->value(0).toInt(), 1);
    }

    void passwordResetThroughTheCli()
    {
        freshOrganisation();
        const quint16 smtpPort = freePort();
        SmtpCatcher smtp;
        QVERIFY(smtp.start(smtpPort, m_dir.filePath(QStringLiteral("mail-reset")), m_smtpScript));
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER), serveArguments(smtpArguments(smtpPort))));
        addUser(QStringLiteral("karin"), QStringLiteral("karin@example.be"), {}, QStringLiteral("en"));
        const QString store = m_dir.filePath(QStringLiteral("reset-store.sqlite"));
        CliResult r = runProgram(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("password-reset"), QStringLiteral("--server"), server.url(), QStringLiteral("karin@domaincustomer.be"),
                QStringLiteral("--store"), store});
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QTRY_COMPARE_WITH_TIMEOUT(smtp.messages().size(), 1, 20000);
        const QString plain = parseMail(smtp.messages().constFirst()).value(QLatin1String("plain")).toString();
        static const QRegularExpression codeLine(QStringLiteral("Your one-time code: (\\S+)"));
        const QString code = codeLine.match(plain).captured(1);
        QVERIFY2(!code.isEmpty(), qPrintable(plain));
        const QByteArray newPassword = "Brand-new-passw0rd\n";
        r = runProgram(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("password-reset"), QStringLiteral("--server"), server.url(), QStringLiteral("--code"), code,
                QStringLiteral("--store"), store},
            newPassword);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        Client karin {m_api.get(), {}, kDomain};
        QVERIFY(karin.login(QStringLiteral("karin@domaincustomer.be"), QStringLiteral("Brand-new-passw0rd")));
        // Single use.
        r = runProgram(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("password-reset"), QStringLiteral("--server"), server.url(), QStringLiteral("--code"), code,
                QStringLiteral("--store"), store},
            "Another-passw0rd-9\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());
        // An unknown account gets the same answer.
        r = runProgram(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("password-reset"), QStringLiteral("--server"), server.url(), QStringLiteral("ghost@domaincustomer.be"),
                QStringLiteral("--store"), store});
        QCOMPARE(r.exitCode, 0);
    }

    void welcomeThroughTheCli()
    {
        startKeychain();
        freshOrganisation();
        const quint16 smtpPort = freePort();
        SmtpCatcher smtp;
        QVERIFY(smtp.start(smtpPort, m_dir.filePath(QStringLiteral("mail-cli")), m_smtpScript));
        ServerProcess server;
        QVERIFY(server.start(QStringLiteral(CENTRALE_SERVER), serveArguments(smtpArguments(smtpPort))));
        addUser(QStringLiteral("sofie"), QStringLiteral("sofie@example.be"), {}, QStringLiteral("nl"));
        addUser(QStringLiteral("tom"), {}, {}, QStringLiteral("en"));
        const QString store = m_dir.filePath(QStringLiteral("welcome-store.sqlite"));
        CliResult r = runProgram(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("login"), QStringLiteral("--server"), server.url(), QStringLiteral("--user"),
                QStringLiteral("admin@") + kDomain, QStringLiteral("--store"), store},
            kPassword.toUtf8() + '\n');
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        r = runProgram(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("welcome"), QStringLiteral("sofie@domaincustomer.be"), QStringLiteral("tom@domaincustomer.be"),
                QStringLiteral("--web"), QStringLiteral("--json"), QStringLiteral("--store"), store});
        // Tom has no address: his message failed, so the command reports a failure.
        QCOMPARE(r.exitCode, 1);
        const QJsonArray results = QJsonDocument::fromJson(r.out.toUtf8()).array();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QLatin1String("username")).toString(), QStringLiteral("sofie@domaincustomer.be"));
        QCOMPARE(results.at(0).toObject().value(QLatin1String("delivery")).toString(), QStringLiteral("email"));
        QVERIFY(results.at(0).toObject().value(QLatin1String("status")).toString() != QLatin1String("failed"));
        QCOMPARE(results.at(1).toObject().value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(results.at(1).toObject().value(QLatin1String("reasonCode")).toString(), QStringLiteral("no-email"));
        QVERIFY(!results.at(1).toObject().value(QLatin1String("reason")).toString().isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(smtp.messages().size(), 1, 20000);
        QVERIFY(parseMail(smtp.messages().constFirst())
                    .value(QLatin1String("plain"))
                    .toString()
                    .contains(QLatin1String("sofie@domaincustomer.be")));
        // The table form, and the command line's own checks.
        r = runProgram(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("welcome"), QStringLiteral("sofie@domaincustomer.be"), QStringLiteral("--mobile"), QStringLiteral("--store"),
                store});
        // No mobile number: the app's message goes by e-mail instead.
        QVERIFY2(r.exitCode == 0, qPrintable(r.out + r.err));
        QVERIFY2(r.out.contains(QLatin1String("sofie@domaincustomer.be")) && r.out.contains(QLatin1String("mobile")), qPrintable(r.out));
        r = runProgram(QStringLiteral(CENTRALE_CLI),
            {QStringLiteral("welcome"), QStringLiteral("sofie@domaincustomer.be"), QStringLiteral("--store"), store});
        QCOMPARE(r.exitCode, 2);
    }

    void cleanupTestCase()
    {
        if (m_keychainStarted) {
            m_keyring.kill();
            m_keyring.waitForFinished();
            m_dbus.kill();
            m_dbus.waitForFinished();
        }
    }
};

QTEST_GUILESS_MAIN(TestMessages)
#include "tst_messages.moc"
