// centrale-server as its users run it: the command line, the API over HTTP and HTTPS, method
// override, hostile bytes on the socket, two instances sharing one PostgreSQL, and the routes of
// docs/api/openapi.yaml.

#include "ServerTestSupport.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QSslError>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

using namespace centrale::server::test;

namespace {
const QString kPassword = QStringLiteral("Corr3ct-horse-battery");
const QString kDomain = QStringLiteral("domaincustomer.be");

struct Reply {
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// A running centrale-server serve.
class ServerProcess {
public:
    ~ServerProcess() { stop(); }
    bool start(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(CENTRALE_SERVER));
        m_process.setArguments(QStringList{QStringLiteral("serve")} + arguments);
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.start();
        if (!m_process.waitForStarted(10000))
            return false;
        static const QRegularExpression portLine(QStringLiteral("port (\\d+)"));
        QByteArray out;
        QElapsedTimer timer;
        timer.start();
        while (timer.elapsed() < 30000 && m_process.state() == QProcess::Running) {
            m_process.waitForReadyRead(200);
            out += m_process.readAllStandardOutput();
            const auto match = portLine.match(QString::fromUtf8(out));
            if (match.hasMatch()) {
                port = match.captured(1).toUShort();
                return true;
            }
        }
        qWarning("centrale-server did not start: %s %s", out.constData(), m_process.readAllStandardError().constData());
        return false;
    }
    void stop()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }
    bool running() const { return m_process.state() == QProcess::Running; }
    quint16 port = 0;

private:
    QProcess m_process;
};

struct CliResult {
    int exitCode = -1;
    QString out;
    QString err;
};

CliResult runCli(const QStringList &arguments, const QByteArray &input = {})
{
    QProcess p;
    p.start(QStringLiteral(CENTRALE_SERVER), arguments);
    p.waitForStarted(10000);
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

class Http {
public:
    QString base;
    QByteArray token;
    QList<QSslCertificate> trusted;

    Reply send(const QByteArray &method, const QString &path, const QByteArray &body = {}, QHash<QByteArray, QByteArray> headers = {})
    {
        QNetworkRequest request(QUrl(base + path));
        if (!token.isEmpty())
            headers.insert("Authorization", "Bearer " + token);
        if (!body.isEmpty() && !headers.contains("Content-Type"))
            headers.insert("Content-Type", "application/json");
        for (auto it = headers.begin(); it != headers.end(); ++it)
            request.setRawHeader(it.key(), it.value());
        if (!trusted.isEmpty()) {
            QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
            tls.setCaCertificates(trusted);
            request.setSslConfiguration(tls);
        }
        request.setTransferTimeout(30000);
        QNetworkReply *reply = m_manager.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.error = reply->error();
        for (const auto &pair : reply->rawHeaderPairs())
            r.headers.insert(pair.first.toLower(), pair.second);
        reply->deleteLater();
        return r;
    }
    Reply json(const QByteArray &method, const QString &path, const QJsonObject &body, QHash<QByteArray, QByteArray> headers = {})
    {
        return send(method, path, QJsonDocument(body).toJson(QJsonDocument::Compact), std::move(headers));
    }
    bool loginAndElevate()
    {
        Reply r = json("POST", QStringLiteral("/api/v1/auth/login"),
                       {{QStringLiteral("username"), QString(QStringLiteral("admin@") + kDomain)}, {QStringLiteral("password"), kPassword}});
        if (r.status != 200)
            return false;
        token = r.json().value(QLatin1String("token")).toString().toLatin1();
        return json("POST", QStringLiteral("/api/v1/auth/elevate"), {{QStringLiteral("password"), kPassword}}).status == 200;
    }

private:
    QNetworkAccessManager m_manager;
};

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

QJsonObject groupBody(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("description"), QString()}, {QStringLiteral("settings"), QJsonObject()}};
}

QHash<QByteArray, QByteArray> writeHeaders(const QByteArray &precondition, const QByteArray &key = {})
{
    QHash<QByteArray, QByteArray> h{{"Idempotency-Key", key.isEmpty() ? QUuid::createUuid().toByteArray(QUuid::WithoutBraces) : key}};
    if (precondition == "*")
        h.insert("If-None-Match", "*");
    else if (!precondition.isEmpty())
        h.insert("If-Match", '"' + precondition + '"');
    return h;
}
} // namespace

class TestServerHttp : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // A database with the organisation and its administrator, made with the command line.
    QString prepare(const QString &backend)
    {
        const QString db = freshDatabase(backend, m_dir);
        CliResult r = runCli({QStringLiteral("create-org"), kDomain, QStringLiteral("--name"), QStringLiteral("Domain Customer"), QStringLiteral("--db"), db});
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        r = runCli({QStringLiteral("create-admin"), QStringLiteral("admin@") + kDomain, QStringLiteral("--org"), kDomain, QStringLiteral("--db"), db},
                   kPassword.toUtf8() + '\n');
        if (r.exitCode != 0)
            qWarning("%s", qPrintable(r.err));
        return db;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(!postgresMissingButRequired());
    }

    void commandLine()
    {
        CliResult r = runCli({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        for (const char *word : {"serve", "create-org", "create-admin", "--listen", "--cert", "--key", "postgresql://", "sqlite:"})
            QVERIFY2(r.out.contains(QLatin1String(word)), word);
        r = runCli({QStringLiteral("serve")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains(QLatin1String("--db")));
        r = runCli({QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("mysql://x"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains(QLatin1String("sqlite:PATH")));
        r = runCli({QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("x.db")),
                    QStringLiteral("--listen"), QStringLiteral("nowhere")});
        QVERIFY(r.exitCode != 0);
        QVERIFY(r.err.contains(QLatin1String("HOST:PORT")));
        r = runCli({QStringLiteral("frobnicate")});
        QCOMPARE(r.exitCode, 2);

        const QString db = QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("cli.db"));
        r = runCli({QStringLiteral("create-org"), kDomain, QStringLiteral("--name"), QStringLiteral("Domain Customer"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 0);
        r = runCli({QStringLiteral("create-org"), kDomain, QStringLiteral("--name"), QStringLiteral("Again"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(kDomain));
        r = runCli({QStringLiteral("create-org"), QStringLiteral("not a domain"), QStringLiteral("--name"), QStringLiteral("X"), QStringLiteral("--db"), db});
        QCOMPARE(r.exitCode, 1);
        r = runCli({QStringLiteral("create-admin"), QStringLiteral("admin@") + kDomain, QStringLiteral("--org"), kDomain, QStringLiteral("--db"), db}, "weak\n");
        QCOMPARE(r.exitCode, 1);
        QVERIFY(!r.err.isEmpty());
        r = runCli({QStringLiteral("create-admin"), QStringLiteral("admin@") + kDomain, QStringLiteral("--org"), QStringLiteral("missing.be"), QStringLiteral("--db"), db},
                   kPassword.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 1);
        r = runCli({QStringLiteral("create-admin"), QStringLiteral("admin@") + kDomain, QStringLiteral("--org"), kDomain, QStringLiteral("--db"), db},
                   kPassword.toUtf8() + '\n');
        QCOMPARE(r.exitCode, 0);
        QVERIFY(!r.out.contains(kPassword));
    }

    void servesOverHttp()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), prepare(QStringLiteral("sqlite")), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
        Http http;
        http.base = QStringLiteral("http://127.0.0.1:%1").arg(server.port);
        Reply r = http.send("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
        r = http.send("GET", QStringLiteral("/api/v1/orgs/") + kDomain + QStringLiteral("/users"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.headers.value("content-type"), QByteArray("application/problem+json"));
        QVERIFY(http.loginAndElevate());

        const QString id = uuid();
        const QString path = QStringLiteral("/api/v1/orgs/%1/groups/%2").arg(kDomain, id);
        // Through a network that only passes GET and POST.
        QHash<QByteArray, QByteArray> h = writeHeaders("*");
        h.insert("X-HTTP-Method-Override", "PUT");
        r = http.json("POST", path, groupBody(id, QStringLiteral("Ventes")), h);
        QCOMPARE(r.status, 201);
        QCOMPARE(r.headers.value("etag"), QByteArray("\"1\""));
        h = writeHeaders("1");
        h.insert("X-HTTP-Method-Override", "PATCH");
        QCOMPARE(http.json("POST", path, groupBody(id, QStringLiteral("x")), h).status, 405);
        h.insert("X-HTTP-Method-Override", "TELEPORT");
        QCOMPARE(http.json("POST", path, groupBody(id, QStringLiteral("x")), h).status, 400);
        QCOMPARE(http.send("GET", path, {}, {{"X-HTTP-Method-Override", "DELETE"}}).status, 400);
        r = http.send("GET", path, {}, {{"Accept-Language", "nl-BE"}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QLatin1String("name")).toString(), QStringLiteral("Ventes"));
        QCOMPARE(r.headers.value("content-language"), QByteArray("nl"));
        r = http.send("PUT", path, "{\"broken\":", writeHeaders("1"));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json().value(QLatin1String("code")).toString(), QStringLiteral("malformed-json"));
        h = writeHeaders("1");
        h.insert("X-HTTP-Method-Override", "DELETE");
        QCOMPARE(http.send("POST", path, {}, h).status, 204);

        // Bytes that are not HTTP: the connection is dropped and the server keeps serving.
        for (const QByteArray &junk : {QByteArray("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11), QByteArray("GET / HTTP/9.9\r\nHost\r\n\r\n"),
                                       QByteArray(QByteArray(70000, 'A') + "\r\n\r\n"), QByteArray("POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: -5\r\n\r\n")}) {
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, server.port);
            QVERIFY(socket.waitForConnected(5000));
            socket.write(junk);
            socket.waitForBytesWritten(5000);
            socket.waitForReadyRead(1000);
            socket.abort();
        }
        QVERIFY(server.running());
        QCOMPARE(http.send("GET", QStringLiteral("/api/v1/health")).status, 200);
    }

    // A client that stops talking is cut off; one that sends without end gets 413 and is cut off
    // before the server has buffered it all; the server keeps serving the others.
    void slowAndEndlessClients()
    {
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), prepare(QStringLiteral("sqlite")), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--idle-timeout"), QStringLiteral("1")}));
        QTcpSocket slow;
        slow.connectToHost(QHostAddress::LocalHost, server.port);
        QVERIFY(slow.waitForConnected(5000));
        slow.write("GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        QVERIFY(slow.waitForBytesWritten(5000));
        QElapsedTimer timer;
        timer.start();
        QVERIFY(slow.waitForDisconnected(10000));
        QVERIFY2(timer.elapsed() >= 800, qPrintable(QString::number(timer.elapsed())));

        QTcpSocket endless;
        endless.connectToHost(QHostAddress::LocalHost, server.port);
        QVERIFY(endless.waitForConnected(5000));
        endless.write("PUT /api/v1/orgs/domaincustomer.be/groups/x HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                      "Content-Length: 104857600\r\n\r\n");
        const QByteArray chunk(1 << 20, 'x');
        QByteArray answer;
        for (int i = 0; i < 40 && endless.state() == QAbstractSocket::ConnectedState; ++i) {
            endless.write(chunk);
            endless.waitForBytesWritten(2000);
            if (endless.waitForReadyRead(50))
                answer += endless.readAll();
        }
        endless.waitForReadyRead(2000);
        answer += endless.readAll();
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(200).constData());
        QVERIFY(endless.state() != QAbstractSocket::ConnectedState || endless.waitForDisconnected(5000));
        QVERIFY(server.running());
        Http http;
        http.base = QStringLiteral("http://127.0.0.1:%1").arg(server.port);
        QCOMPARE(http.send("GET", QStringLiteral("/api/v1/health")).status, 200);
    }

    void https()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("openssl")).isEmpty())
            QFAIL("openssl is needed to make the test certificate (Debian package openssl).");
        const QString cert = m_dir.filePath(QStringLiteral("cert.pem"));
        const QString key = m_dir.filePath(QStringLiteral("key.pem"));
        QProcess openssl;
        openssl.start(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("-nodes"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                                                  QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"), QStringLiteral("-days"),
                                                  QStringLiteral("2"), QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
        QVERIFY(openssl.waitForFinished(60000));
        QCOMPARE(openssl.exitCode(), 0);
        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), prepare(QStringLiteral("sqlite")), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                              QStringLiteral("--cert"), cert, QStringLiteral("--key"), key}));
        Http http;
        http.base = QStringLiteral("https://127.0.0.1:%1").arg(server.port);
        QFile certFile(cert);
        QVERIFY(certFile.open(QIODevice::ReadOnly));
        http.trusted = QSslCertificate::fromData(certFile.readAll());
        QCOMPARE(http.send("GET", QStringLiteral("/api/v1/health")).status, 200);
        QVERIFY(http.loginAndElevate());
        // Plain HTTP is not answered on the HTTPS port.
        Http plain;
        plain.base = QStringLiteral("http://127.0.0.1:%1").arg(server.port);
        QVERIFY(plain.send("GET", QStringLiteral("/api/v1/health")).status != 200);
        // A key that is not a key.
        QFile bad(m_dir.filePath(QStringLiteral("bad.pem")));
        QVERIFY(bad.open(QIODevice::WriteOnly));
        bad.write("not a key");
        bad.close();
        const CliResult r = runCli({QStringLiteral("serve"), QStringLiteral("--db"), QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("tls.db")),
                                    QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"), QStringLiteral("--cert"), cert, QStringLiteral("--key"), bad.fileName()});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.err.contains(QLatin1String("bad.pem")));
    }

    void twoInstancesShareOnePostgres()
    {
        if (backends().size() < 2)
            QFAIL("This test needs the test PostgreSQL (scripts/test.sh starts one and sets CENTRALE_TEST_PG_URL).");
        const QString db = prepare(QStringLiteral("postgres"));
        ServerProcess a;
        ServerProcess b;
        QVERIFY(a.start({QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
        QVERIFY(b.start({QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
        Http http;
        const QString baseA = QStringLiteral("http://127.0.0.1:%1").arg(a.port);
        const QString baseB = QStringLiteral("http://127.0.0.1:%1").arg(b.port);
        // Log in on one, elevate on the other: tokens and elevations live in the database.
        http.base = baseA;
        Reply r = http.json("POST", QStringLiteral("/api/v1/auth/login"), {{QStringLiteral("username"), QString(QStringLiteral("admin@") + kDomain)}, {QStringLiteral("password"), kPassword}});
        QCOMPARE(r.status, 200);
        http.token = r.json().value(QLatin1String("token")).toString().toLatin1();
        http.base = baseB;
        QCOMPARE(http.json("POST", QStringLiteral("/api/v1/auth/elevate"), {{QStringLiteral("password"), kPassword}}).status, 200);

        QStringList ids;
        for (int i = 0; i < 20; ++i) {
            http.base = i % 2 ? baseB : baseA;
            const QString id = uuid();
            ids << id;
            QCOMPARE(http.json("PUT", QStringLiteral("/api/v1/orgs/%1/groups/%2").arg(kDomain, id), groupBody(id, QStringLiteral("G%1").arg(i)), writeHeaders("*")).status, 201);
        }
        // A write on A, retried on B with the same key: replayed, applied once.
        const QString path = QStringLiteral("/api/v1/orgs/%1/groups/%2").arg(kDomain, ids.first());
        http.base = baseA;
        QCOMPARE(http.json("PUT", path, groupBody(ids.first(), QStringLiteral("Renamed")), writeHeaders("1", "shared-key-0001")).status, 200);
        http.base = baseB;
        r = http.json("PUT", path, groupBody(ids.first(), QStringLiteral("Renamed")), writeHeaders("1", "shared-key-0001"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.headers.value("idempotent-replayed"), QByteArray("true"));
        // A stale write on B after A moved the record on.
        http.base = baseA;
        QCOMPARE(http.json("PUT", path, groupBody(ids.first(), QStringLiteral("Third")), writeHeaders("2")).status, 200);
        http.base = baseB;
        r = http.json("PUT", path, groupBody(ids.first(), QStringLiteral("Late")), writeHeaders("2"));
        QCOMPARE(r.status, 412);
        QCOMPARE(r.json().value(QLatin1String("current")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Third"));
        // Both instances give the same feed, in the same order.
        const QByteArray feedA = [&] { http.base = baseA; return http.send("GET", QStringLiteral("/api/v1/orgs/%1/changes").arg(kDomain)).body; }();
        const QByteArray feedB = [&] { http.base = baseB; return http.send("GET", QStringLiteral("/api/v1/orgs/%1/changes").arg(kDomain)).body; }();
        QCOMPARE(feedA, feedB);
        QCOMPARE(QJsonDocument::fromJson(feedA).object().value(QLatin1String("changes")).toArray().size(), 2 + 20);
        // Logging out on A ends the session on B.
        http.base = baseA;
        QCOMPARE(http.send("POST", QStringLiteral("/api/v1/auth/logout")).status, 204);
        http.base = baseB;
        QCOMPARE(http.send("GET", QStringLiteral("/api/v1/auth/session")).status, 401);
    }

    // Every path and method of docs/api/openapi.yaml reaches a handler of the server.
    void contractRoutes()
    {
        QFile yaml(QStringLiteral(CENTRALE_SOURCE_DIR "/docs/api/openapi.yaml"));
        QVERIFY(yaml.open(QIODevice::ReadOnly | QIODevice::Text));
        // In this file, paths are the two-space-indented keys under "paths:", methods the four-space ones.
        static const QRegularExpression pathKey(QStringLiteral("^  (/api/v1/[^:]*):\\s*$"));
        static const QRegularExpression methodKey(QStringLiteral("^    (get|put|post|delete|patch):\\s*$"));
        QList<QPair<QByteArray, QString>> routes;
        bool inPaths = false;
        QString current;
        while (!yaml.atEnd()) {
            const QString line = QString::fromUtf8(yaml.readLine()).chopped(1);
            if (line == QLatin1String("paths:")) {
                inPaths = true;
                continue;
            }
            if (inPaths && !line.isEmpty() && !line.startsWith(QLatin1Char(' ')))
                break;
            if (!inPaths)
                continue;
            if (auto m = pathKey.match(line); m.hasMatch())
                current = m.captured(1);
            else if (auto m2 = methodKey.match(line); m2.hasMatch() && !current.isEmpty())
                routes.append({m2.captured(1).toUpper().toLatin1(), current});
        }
        QVERIFY2(routes.size() >= 70, qPrintable(QString::number(routes.size())));

        ServerProcess server;
        QVERIFY(server.start({QStringLiteral("--db"), prepare(QStringLiteral("sqlite")), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")}));
        Http http;
        http.base = QStringLiteral("http://127.0.0.1:%1").arg(server.port);
        QVERIFY(http.loginAndElevate());
        static const QRegularExpression placeholder(QStringLiteral("\\{([a-z]+)\\}"));
        QStringList missing;
        for (const auto &[method, templ] : routes) {
            QString path = templ;
            path.replace(QStringLiteral("{domain}"), kDomain);
            path.replace(placeholder, uuid());
            if (path.endsWith(QLatin1String("/auth/logout")))
                continue; // would end this session; reached by the API suite
            const Reply r = http.json(method, path, {}, writeHeaders(method == "PUT" ? "*" : QByteArray()));
            // The server's answer for a route it does not have: 404 "nothing at this address", or 405.
            const bool noRoute = (r.status == 404 && r.json().value(QLatin1String("detail")).toString() == QLatin1String("There is nothing at this address."))
                || r.status == 405;
            if (noRoute)
                missing << QString::fromLatin1(method) + QLatin1Char(' ') + templ;
        }
        // Routes of the contract not served yet: this list may only shrink.
        const QStringList notYetServed{};
        QStringList unexpected;
        for (const QString &m : missing) {
            if (!notYetServed.contains(m))
                unexpected << m;
        }
        QVERIFY2(unexpected.isEmpty(), qPrintable(QStringLiteral("contract routes the server does not serve:\n") + unexpected.join(QLatin1Char('\n'))));
        QStringList nowServed;
        for (const QString &m : notYetServed) {
            if (!missing.contains(m))
                nowServed << m;
        }
        QVERIFY2(nowServed.isEmpty(), qPrintable(QStringLiteral("served now, take them off notYetServed:\n") + nowServed.join(QLatin1Char('\n'))));
        qInfo("%lld contract routes, %lld served, %lld not yet", static_cast<long long>(routes.size()),
              static_cast<long long>(routes.size() - missing.size()), static_cast<long long>(missing.size()));
    }
};

QTEST_GUILESS_MAIN(TestServerHttp)
#include "tst_server_http.moc"
