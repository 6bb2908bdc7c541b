#pragma once

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHostAddress>
#include <QSslConfiguration>

#include "common/Result.h"

namespace centrale::server {

class Api;

// Carries HTTP requests to the Api: method override, the request as the API sees it, the answer
// with its headers. HTTPS when given a certificate and a key.
class HttpServer final : public QAbstractHttpServer {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)
public:
    explicit HttpServer(Api &api, QObject *parent = nullptr);

    Status useTls(const QString &certificateFile, const QString &keyFile);
    // A connection that sends or receives nothing for this long is closed (keep-alive included).
    void setIdleTimeoutMs(int ms) { m_idleTimeoutMs = ms; }
    // The most a client may send before its request is answered: beyond, 413 and the connection
    // is closed, without buffering the rest.
    void setMaxRequestBytes(qint64 bytes) { m_maxRequestBytes = bytes; }
    // Listens on address:port (0: any free port); returns the port.
    Result<quint16> start(const QHostAddress &address, quint16 port);
    // "HOST:PORT", "[::1]:PORT" or ":PORT".
    static Status parseListen(const QString &text, QHostAddress *address, quint16 *port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    void guard(QTcpSocket *socket);

    Api &m_api;
    QSslConfiguration m_tls;
    bool m_tlsEnabled = false;
    int m_idleTimeoutMs = 60'000;
    qint64 m_maxRequestBytes = (16LL << 20) + (16 << 10);
};

} // namespace centrale::server
