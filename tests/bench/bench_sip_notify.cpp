// SIP reload benchmark: prints figures, asserts nothing. A bulk "reload all phones" of N phones
// on one SipNotifier (one UDP socket, at most 200 requests in flight), against 20 loopback responders in the same process that
// answer 200 OK to every NOTIFY, the first time (1) or only to the retransmission (2, every
// request then costs one Timer E round). Default RFC 3261 timers.
#include "sip/SipNotifier.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QHash>
#include <QNetworkDatagram>
#include <QTextStream>
#include <QUdpSocket>

#include <memory>
#include <vector>

using namespace centrale;

namespace {

QString header(const QString &message, const QString &name)
{
    for (const QString &line : message.split(QStringLiteral("\r\n"))) {
        if (line.startsWith(name + u':', Qt::CaseInsensitive))
            return line.mid(name.size() + 1).trimmed();
    }
    return {};
}

// A phone that answers 200 OK, optionally ignoring the first copy of each request.
class Responder final {
public:
    explicit Responder(bool ignoreFirst) : m_ignoreFirst(ignoreFirst)
    {
        m_socket.bind(QHostAddress::LocalHost, 0);
        QObject::connect(&m_socket, &QUdpSocket::readyRead, &m_socket, [this] { read(); });
    }
    quint16 port() const { return m_socket.localPort(); }

private:
    void read()
    {
        while (m_socket.hasPendingDatagrams()) {
            const QNetworkDatagram d = m_socket.receiveDatagram();
            const QString request = QString::fromUtf8(d.data());
            const QString via = header(request, QStringLiteral("Via"));
            if (m_ignoreFirst && !m_seen.contains(via)) {
                m_seen.insert(via, true);
                continue;
            }
            const QString response = QStringLiteral("SIP/2.0 200 OK\r\nVia: ") + via + QStringLiteral("\r\nFrom: ")
                + header(request, QStringLiteral("From")) + QStringLiteral("\r\nTo: ") + header(request, QStringLiteral("To"))
                + QStringLiteral(";tag=b\r\nCall-ID: ") + header(request, QStringLiteral("Call-ID")) + QStringLiteral("\r\nCSeq: ")
                + header(request, QStringLiteral("CSeq")) + QStringLiteral("\r\nContent-Length: 0\r\n\r\n");
            m_socket.writeDatagram(response.toUtf8(), d.senderAddress(), d.senderPort());
        }
    }
    QUdpSocket m_socket;
    bool m_ignoreFirst;
    QHash<QString, bool> m_seen;
};

void run(QTextStream &out, int phones, bool ignoreFirst)
{
    std::vector<std::unique_ptr<Responder>> responders;
    for (int i = 0; i < 20; ++i)
        responders.push_back(std::make_unique<Responder>(ignoreFirst));
    SipNotifier notifier;
    int reloaded = 0;
    int done = 0;
    QObject::connect(&notifier, &SipNotifier::finished, &notifier, [&](quint64, const SipReloadResult &r) {
        ++done;
        if (r.outcome == SipReloadResult::Outcome::Reloaded)
            ++reloaded;
        if (done == phones)
            QCoreApplication::exit(0);
    });
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < phones; ++i) {
        SipReloadTarget target;
        target.host = QStringLiteral("127.0.0.1");
        target.port = responders[size_t(i) % responders.size()]->port();
        target.userPart = QStringLiteral("phone%1").arg(i);
        target.vendor = QStringLiteral("yealink");
        notifier.checkSync(target);
    }
    QCoreApplication::exec();
    const qint64 ms = t.elapsed();
    out << QStringLiteral("%1 phones, %2: %3 reloaded in %4 ms (%5 ms per phone)\n")
               .arg(phones)
               .arg(ignoreFirst ? QStringLiteral("answered on the retransmission") : QStringLiteral("answered at once"))
               .arg(reloaded)
               .arg(ms)
               .arg(double(ms) / phones, 0, 'f', 3);
    out.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    for (int phones : {100, 1000, 5000})
        run(out, phones, false);
    run(out, 1000, true);
    return 0;
}
