#pragma once

#include <QAbstractHttpServer>
#include <QCoreApplication>
#include <QHostAddress>

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
    // Listens on address:port (0: any free port); returns the port.
    Result<quint16> start(const QHostAddress &address, quint16 port);
    // "HOST:PORT", "[::1]:PORT" or ":PORT".
    static Status parseListen(const QString &text, QHostAddress *address, quint16 *port);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Api &m_api;
};

} // namespace centrale::server
