#include "HttpServer.h"

#include "Api.h"

#include <QFile>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QLoggingCategory>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>
#include <memory>

Q_LOGGING_CATEGORY(lcHttp, "centrale.server.http", QtInfoMsg)

namespace centrale::server {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get: return "GET";
    case QHttpServerRequest::Method::Put: return "PUT";
    case QHttpServerRequest::Method::Delete: return "DELETE";
    case QHttpServerRequest::Method::Post: return "POST";
    case QHttpServerRequest::Method::Head: return "HEAD";
    case QHttpServerRequest::Method::Options: return "OPTIONS";
    case QHttpServerRequest::Method::Patch: return "PATCH";
    case QHttpServerRequest::Method::Connect: return "CONNECT";
    case QHttpServerRequest::Method::Trace: return "TRACE";
    default: return "UNKNOWN";
    }
}

} // namespace

namespace {
// Hands each new connection to HttpServer::guard before the HTTP server reads from it.
template <typename Base>
class GuardedServer final : public Base {
public:
    GuardedServer(std::function<void(QTcpSocket *)> guard, QObject *parent) : Base(parent), m_guard(std::move(guard)) {}
    QTcpSocket *nextPendingConnection() override
    {
        QTcpSocket *socket = Base::nextPendingConnection();
        if (socket)
            m_guard(socket);
        return socket;
    }

private:
    std::function<void(QTcpSocket *)> m_guard;
};
} // namespace

HttpServer::HttpServer(Api &api, QObject *parent) : QAbstractHttpServer(parent), m_api(api) {}

Status HttpServer::useTls(const QString &certificateFile, const QString &keyFile)
{
    QFile cert(certificateFile);
    if (!cert.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read the certificate %1: %2").arg(certificateFile, cert.errorString()), QStringLiteral("cert")};
    const QList<QSslCertificate> chain = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
    if (chain.isEmpty())
        return Error::invalid(tr("%1 holds no PEM certificate.").arg(certificateFile), QStringLiteral("cert"));
    QFile keyIn(keyFile);
    if (!keyIn.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read the key %1: %2").arg(keyFile, keyIn.errorString()), QStringLiteral("key")};
    const QByteArray keyData = keyIn.readAll();
    QSslKey key(keyData, QSsl::Rsa, QSsl::Pem);
    if (key.isNull())
        key = QSslKey(keyData, QSsl::Ec, QSsl::Pem);
    if (key.isNull())
        return Error::invalid(tr("%1 holds no PEM private key (RSA or EC).").arg(keyFile), QStringLiteral("key"));
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.setLocalCertificateChain(chain);
    config.setPrivateKey(key);
    config.setProtocol(QSsl::TlsV1_2OrLater);
    m_tls = config;
    m_tlsEnabled = true;
    return {};
}

Status HttpServer::parseListen(const QString &text, QHostAddress *address, quint16 *port)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return Error::invalid(tr("--listen takes HOST:PORT, for example 127.0.0.1:8443."), QStringLiteral("listen"));
    QString host = text.left(colon);
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint p = text.mid(colon + 1).toUInt(&ok);
    if (!ok || p > 65535)
        return Error::invalid(tr("The port in --listen must be a number from 0 to 65535."), QStringLiteral("listen"));
    QHostAddress a;
    if (host.isEmpty() || host == QLatin1String("*"))
        a = QHostAddress::Any;
    else if (host == QLatin1String("localhost"))
        a = QHostAddress::LocalHost;
    else if (!a.setAddress(host))
        return Error::invalid(tr("%1 is not an IP address to listen on.").arg(host), QStringLiteral("listen"));
    *address = a;
    *port = static_cast<quint16>(p);
    return {};
}

Result<quint16> HttpServer::start(const QHostAddress &address, quint16 port)
{
    QTcpServer *server = nullptr;
    if (m_tlsEnabled) {
        auto *tls = new GuardedServer<QSslServer>([this](QTcpSocket *s) { guard(s); }, this);
        tls->setSslConfiguration(m_tls);
        tls->setHandshakeTimeout(m_idleTimeoutMs);
        server = tls;
    } else {
        server = new GuardedServer<QTcpServer>([this](QTcpSocket *s) { guard(s); }, this);
    }
    if (!server->listen(address, port)) {
        delete server;
        return Error{ErrorCode::Io, tr("Cannot listen on %1:%2 (is the port in use?).").arg(address.toString()).arg(port), QStringLiteral("listen")};
    }
    bind(server);
    return server->serverPort();
}

void HttpServer::guard(QTcpSocket *socket)
{
    // Idle connections and endless requests: closed, so that slow or hostile clients cannot hold
    // the server's memory or connections.
    auto *idle = new QTimer(socket);
    idle->setSingleShot(true);
    idle->setInterval(m_idleTimeoutMs);
    QObject::connect(idle, &QTimer::timeout, socket, [socket] { socket->abort(); });
    auto received = std::make_shared<qint64>(0);
    const qint64 limit = m_maxRequestBytes;
    // Connected before the HTTP server's own handler: it sees each chunk before it is consumed.
    QObject::connect(socket, &QIODevice::readyRead, socket, [socket, idle, received, limit] {
        idle->start();
        *received += socket->bytesAvailable();
        if (*received > limit) {
            const ApiResponse r = Problem::make(413, QStringLiteral("payload-too-large"),
                                                Api::tr("The request body is larger than %1 bytes.").arg(limit))
                                      .response({});
            QByteArray raw = "HTTP/1.1 413 Payload Too Large\r\nContent-Type: " + r.contentType + "\r\nContent-Length: "
                + QByteArray::number(r.body.size()) + "\r\nConnection: close\r\n\r\n" + r.body;
            socket->readAll();
            socket->write(raw);
            socket->flush();
            socket->disconnectFromHost();
            QTimer::singleShot(2000, socket, [socket] { socket->abort(); });
        }
    });
    QObject::connect(socket, &QIODevice::bytesWritten, socket, [idle, received] {
        idle->start();
        *received = 0; // an answer went out: the next request starts afresh
    });
    idle->start();
}

bool HttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    ApiRequest r;
    r.method = methodName(request.method());
    r.path = request.url().path(QUrl::FullyEncoded);
    r.query = QUrlQuery(request.url());
    for (const auto &h : request.headers())
        r.headers.insert(h.first.toLower(), h.second);
    r.body = request.body();
    r.peer = request.remoteAddress().toString();

    ApiResponse response;
    // For networks that only let GET and POST through.
    const QByteArray override = r.header("x-http-method-override").trimmed().toUpper();
    if (!override.isEmpty()) {
        if (r.method != "POST") {
            response = Problem::make(400, QStringLiteral("bad-request"), Api::tr("X-HTTP-Method-Override is only honoured on POST.")).response(r.path);
        } else if (override == "PUT" || override == "DELETE") {
            r.method = override;
        } else if (override == "PATCH") {
            response = Problem::make(405, QStringLiteral("method-not-allowed"), Api::tr("The method %1 is not allowed here.").arg(QStringLiteral("PATCH")))
                           .response(r.path);
        } else {
            response = Problem::make(400, QStringLiteral("bad-request"), Api::tr("X-HTTP-Method-Override takes PUT or DELETE.")).response(r.path);
        }
    }
    if (response.status == 200 && response.body.isEmpty() && response.contentType.isEmpty())
        response = m_api.handle(r);

    QHttpServerResponse out = response.body.isEmpty()
        ? QHttpServerResponse(static_cast<QHttpServerResponder::StatusCode>(response.status))
        : QHttpServerResponse(response.contentType, response.body, static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &h : response.headers)
        out.setHeader(h.first, h.second);
    out.write(makeResponder(request, socket));
    return true;
}

void HttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    const ApiResponse r = Problem::make(404, QStringLiteral("not-found"), Api::tr("There is nothing at this address.")).response(request.url().path());
    QHttpServerResponse out(r.contentType, r.body, QHttpServerResponder::StatusCode::NotFound);
    out.write(makeResponder(request, socket));
}

} // namespace centrale::server
