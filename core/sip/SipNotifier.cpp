#include "sip/SipNotifier.h"

#include "sip/SipDigest.h"

#include <QEventLoop>
#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QNetworkDatagram>
#include <QRandomGenerator>
#include <QTimer>
#include <QUdpSocket>

#include <osip2/osip.h>
#include <osipparser2/osip_parser.h>

#include <algorithm>
#include <cstdarg>
#include <cstdio>
#include <deque>
#include <functional>
#include <map>
#include <vector>

#ifdef Q_OS_LINUX
#include <cerrno>
#include <linux/errqueue.h>
#include <netinet/in.h>
#include <sys/socket.h>
#endif

Q_LOGGING_CATEGORY(lcSip, "centrale.sip", QtInfoMsg)

namespace centrale {

namespace {

QString randomHex(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (char &c : raw)
        c = char(QRandomGenerator::system()->bounded(256));
    return QString::fromLatin1(raw.toHex());
}

// A string osip owns (allocated with osip_malloc), for its setters that take ownership.
char *osipString(const QString &text)
{
    return osip_strdup(text.toUtf8().constData());
}

QString fromOsip(const char *text)
{
    return text ? QString::fromUtf8(text) : QString();
}

// The value of a quoted-string parameter as osip stores it ("\"realm\""), without the quotes.
QString unquoted(const char *text)
{
    if (!text)
        return {};
    char *copy = osip_strdup(text);
    osip_dequote(copy);
    const QString value = QString::fromUtf8(copy);
    osip_free(copy);
    return value;
}

char *quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    return osipString(u'"' + escaped + u'"');
}

QString hostForUri(const QHostAddress &address)
{
    return address.protocol() == QAbstractSocket::IPv6Protocol ? u'[' + address.toString() + u']' : address.toString();
}

QString hostForDisplay(const QString &host, quint16 port)
{
    const QString h = host.contains(u':') && !host.startsWith(u'[') ? u'[' + host + u']' : host;
    return h + u':' + QString::number(port);
}

// The local address the system would use to reach a destination (no packet is sent).
QHostAddress localAddressFor(const QHostAddress &destination, quint16 port)
{
    QUdpSocket probe;
    probe.connectToHost(destination, port);
    if (probe.state() == QAbstractSocket::ConnectedState || probe.waitForConnected(200))
        return probe.localAddress();
    return destination.protocol() == QAbstractSocket::IPv6Protocol ? QHostAddress(QHostAddress::LocalHostIPv6)
                                                                   : QHostAddress(QHostAddress::LocalHost);
}

} // namespace

class SipNotifierPrivate final {
public:
    struct Request {
        quint64 id = 0;
        SipReloadTarget target;
        QHostAddress address;
        QString localHost; // for Via, From, Contact and Call-ID
        quint16 localPort = 0;
        QString requestUri;
        QString callId;
        QString fromTag;
        int cseq = 0;
        bool authAnswered = false;
        bool answered = false; // a response arrived for the current transaction
        bool active = false; // begun, and counted in m_active
        osip_transaction_t *transaction = nullptr;
        int timerEMs = 0;
    };

    explicit SipNotifierPrivate(SipNotifier *q);
    ~SipNotifierPrivate();
    Q_DISABLE_COPY_MOVE(SipNotifierPrivate)

    quint64 add(const SipReloadTarget &target);
    void schedulePump();
    void pump();
    void begin(quint64 id);
    void resolved(quint64 id, const QHostInfo &info);
    void start(quint64 id, const QHostAddress &address);
    bool sendNotify(Request &r, const QString &authorizationHeader, bool proxy, QString *error);

    QUdpSocket *socketFor(QAbstractSocket::NetworkLayerProtocol protocol, QString *error);
    void readDatagrams(QUdpSocket *socket);
    void readErrorQueue(QUdpSocket *socket);
    void process();
    void scheduleTimer();
    void drop(osip_transaction_t *tr);

    Request *requestFor(osip_transaction_t *tr);
    void finish(quint64 id, SipReloadResult result);
    void finishError(quint64 id, const QString &message);
    void finishNoAnswer(quint64 id);

    // osip callbacks, through the application context.
    int onSend(osip_transaction_t *tr, osip_message_t *msg);
    void onMessage(int type, osip_transaction_t *tr, osip_message_t *msg);
    void onFinalResponse(Request &r, osip_message_t *msg);
    void onKill(osip_transaction_t *tr);
    void onTransportError(osip_transaction_t *tr, int error);

    static SipNotifierPrivate *of(osip_transaction_t *tr)
    {
        return tr && tr->config ? static_cast<SipNotifierPrivate *>(osip_get_application_context(static_cast<osip_t *>(tr->config)))
                                : nullptr;
    }

    SipNotifier *q;
    osip_t *m_osip = nullptr;
    SipTimers m_timers;
    std::map<quint64, Request> m_requests;
    quint64 m_nextId = 0;
    // A bulk reload of thousands of phones goes out in waves: libosip2 looks transactions up one
    // by one, and a phone's Timer F should not run while its request waits in a socket buffer.
    static constexpr int kMaxInFlight = 200;
    std::deque<quint64> m_waiting;
    int m_active = 0;
    bool m_pumpScheduled = false;
    QTimer m_timer;
    QUdpSocket *m_socket4 = nullptr;
    QUdpSocket *m_socket6 = nullptr;
    bool m_processing = false;
    std::vector<osip_transaction_t *> m_dead; // terminated, freed once osip is done with them
    std::vector<std::function<void()>> m_afterExecute; // work that must not run inside an osip callback
};

namespace {

int sendCallback(osip_transaction_t *tr, osip_message_t *msg, char *, int, int)
{
    SipNotifierPrivate *d = SipNotifierPrivate::of(tr);
    return d ? d->onSend(tr, msg) : -1;
}

void messageCallback(int type, osip_transaction_t *tr, osip_message_t *msg)
{
    if (SipNotifierPrivate *d = SipNotifierPrivate::of(tr))
        d->onMessage(type, tr, msg);
}

void killCallback(int, osip_transaction_t *tr)
{
    if (SipNotifierPrivate *d = SipNotifierPrivate::of(tr))
        d->onKill(tr);
}

void transportErrorCallback(int, osip_transaction_t *tr, int error)
{
    if (SipNotifierPrivate *d = SipNotifierPrivate::of(tr))
        d->onTransportError(tr, error);
}

// libosip2 writes its own complaints (a datagram that is not SIP, ...) to stdout: send them to
// this category's debug output instead, so that the command line prints only its own words.
void osipTrace(const char *file, int line, osip_trace_level_t level, const char *format, va_list ap)
{
    char text[512];
    std::vsnprintf(text, sizeof text, format, ap);
    qCDebug(lcSip).noquote() << "libosip2" << int(level) << file << line << QString::fromUtf8(text).trimmed();
}

quint64 requestIdOf(osip_transaction_t *tr)
{
    return static_cast<quint64>(reinterpret_cast<quintptr>(osip_transaction_get_your_instance(tr)));
}

void setTimer(struct timeval *start, int ms)
{
    osip_gettimeofday(start, nullptr);
    add_gettimeofday(start, ms);
}

} // namespace

SipNotifierPrivate::SipNotifierPrivate(SipNotifier *qq) : q(qq)
{
    static const bool traced = [] {
        osip_trace_initialize_func(OSIP_WARNING, &osipTrace); // fatal, bug and error levels
        return true;
    }();
    Q_UNUSED(traced)
    if (osip_init(&m_osip) != OSIP_SUCCESS) {
        m_osip = nullptr;
        qCWarning(lcSip) << "libosip2 could not be initialised";
        return;
    }
    osip_set_application_context(m_osip, this);
    osip_set_cb_send_message(m_osip, &sendCallback);
    for (int type :
        {OSIP_NICT_NOTIFY_SENT, OSIP_NICT_REQUEST_SENT_AGAIN, OSIP_NICT_STATUS_1XX_RECEIVED, OSIP_NICT_STATUS_2XX_RECEIVED,
            OSIP_NICT_STATUS_2XX_RECEIVED_AGAIN, OSIP_NICT_STATUS_3XX_RECEIVED, OSIP_NICT_STATUS_4XX_RECEIVED,
            OSIP_NICT_STATUS_5XX_RECEIVED, OSIP_NICT_STATUS_6XX_RECEIVED, OSIP_NICT_STATUS_3456XX_RECEIVED_AGAIN, OSIP_NICT_STATUS_TIMEOUT})
        osip_set_message_callback(m_osip, type, &messageCallback);
    osip_set_kill_transaction_callback(m_osip, OSIP_NICT_KILL_TRANSACTION, &killCallback);
    osip_set_transport_error_callback(m_osip, OSIP_NICT_TRANSPORT_ERROR, &transportErrorCallback);

    m_timer.setSingleShot(true);
    QObject::connect(&m_timer, &QTimer::timeout, q, [this] { process(); });
}

SipNotifierPrivate::~SipNotifierPrivate()
{
    m_timer.stop();
    if (!m_osip)
        return;
    for (osip_transaction_t *tr : m_dead)
        osip_transaction_free(tr);
    m_dead.clear();
    while (osip_list_size(&m_osip->osip_nict_transactions) > 0)
        osip_transaction_free(static_cast<osip_transaction_t *>(osip_list_get(&m_osip->osip_nict_transactions, 0)));
    osip_release(m_osip);
}

quint64 SipNotifierPrivate::add(const SipReloadTarget &target)
{
    const quint64 id = ++m_nextId;
    Request r;
    r.id = id;
    r.target = target;
    r.target.host = target.host.trimmed();
    m_requests.emplace(id, std::move(r));
    m_waiting.push_back(id);
    // Even an outcome known at once is told later, from the event loop.
    schedulePump();
    return id;
}

void SipNotifierPrivate::schedulePump()
{
    if (m_pumpScheduled)
        return;
    m_pumpScheduled = true;
    QMetaObject::invokeMethod(
        q,
        [this] {
            m_pumpScheduled = false;
            pump();
        },
        Qt::QueuedConnection);
}

void SipNotifierPrivate::pump()
{
    while (!m_waiting.empty() && m_active < kMaxInFlight) {
        const quint64 id = m_waiting.front();
        m_waiting.pop_front();
        const auto it = m_requests.find(id);
        if (it == m_requests.end())
            continue;
        it->second.active = true;
        ++m_active;
        begin(id);
    }
}

void SipNotifierPrivate::begin(quint64 id)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    const SipReloadTarget &t = it->second.target;
    if (t.host.isEmpty())
        return finishError(id, SipNotifier::tr("The phone has no network address: enter its IP address or host name."));
    if (t.port == 0)
        return finishError(id, SipNotifier::tr("The phone at %1 has no valid SIP port (0).").arg(t.host));
    if (!m_osip)
        return finishError(id, SipNotifier::tr("The SIP library could not be started."));

    QString host = t.host;
    if (host.startsWith(u'[') && host.endsWith(u']'))
        host = host.mid(1, host.size() - 2);
    QHostAddress literal;
    if (literal.setAddress(host))
        return start(id, literal);

    qCDebug(lcSip) << "resolving" << host;
    QHostInfo::lookupHost(host, q, [this, id](const QHostInfo &info) { resolved(id, info); });
}

void SipNotifierPrivate::resolved(quint64 id, const QHostInfo &info)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    const QList<QHostAddress> addresses = info.addresses();
    if (info.error() != QHostInfo::NoError || addresses.isEmpty()) {
        qCDebug(lcSip) << "cannot resolve" << it->second.target.host << info.errorString();
        return finishError(
            id, SipNotifier::tr("The phone's address %1 could not be found: check the host name.").arg(it->second.target.host));
    }
    // Desk phones live on IPv4 networks far more often than not: prefer an IPv4 address.
    const auto v4 = std::find_if(
        addresses.cbegin(), addresses.cend(), [](const QHostAddress &a) { return a.protocol() == QAbstractSocket::IPv4Protocol; });
    start(id, v4 != addresses.cend() ? *v4 : addresses.first());
}

QUdpSocket *SipNotifierPrivate::socketFor(QAbstractSocket::NetworkLayerProtocol protocol, QString *error)
{
    const bool v6 = protocol == QAbstractSocket::IPv6Protocol;
    QUdpSocket *&socket = v6 ? m_socket6 : m_socket4;
    if (socket)
        return socket;
    auto *s = new QUdpSocket(q);
    if (!s->bind(v6 ? QHostAddress(QHostAddress::AnyIPv6) : QHostAddress(QHostAddress::AnyIPv4), 0)) {
        *error = s->errorString();
        delete s;
        return nullptr;
    }
#ifdef Q_OS_LINUX
    // Ask for ICMP errors with the destination they concern, so that "port unreachable" ends
    // the right request at once on this shared, unconnected socket.
    const int on = 1;
    const int fd = int(s->socketDescriptor());
    if (v6)
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_RECVERR, &on, sizeof on);
    else
        ::setsockopt(fd, IPPROTO_IP, IP_RECVERR, &on, sizeof on);
#endif
    QObject::connect(s, &QUdpSocket::readyRead, q, [this, s] { readDatagrams(s); });
    QObject::connect(s, &QUdpSocket::errorOccurred, q,
        [s](QAbstractSocket::SocketError e) { qCDebug(lcSip) << "socket error" << e << s->errorString(); });
    qCDebug(lcSip) << "listening on UDP port" << s->localPort();
    socket = s;
    return s;
}

void SipNotifierPrivate::start(quint64 id, const QHostAddress &address)
{
    auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    Request &r = it->second;
    r.address = address;
    QString error;
    QUdpSocket *socket = socketFor(address.protocol(), &error);
    if (!socket)
        return finishError(id, SipNotifier::tr("Could not open a network socket to reach the phone: %1").arg(error));

    r.localHost = hostForUri(localAddressFor(address, r.target.port));
    r.localPort = socket->localPort();
    r.callId = randomHex(12) + u'@' + r.localHost;
    r.fromTag = randomHex(6);
    r.cseq = 0;

    // The Request-URI names the phone as the administrator gave it (a host name stays a name).
    osip_uri_t *uri = nullptr;
    osip_uri_init(&uri);
    osip_uri_set_scheme(uri, osipString(QStringLiteral("sip")));
    if (!r.target.userPart.isEmpty())
        osip_uri_set_username(uri, osipString(r.target.userPart));
    QString uriHost = r.target.host;
    if (uriHost.startsWith(u'[') && uriHost.endsWith(u']'))
        uriHost = uriHost.mid(1, uriHost.size() - 2);
    osip_uri_set_host(uri, osipString(uriHost));
    osip_uri_set_port(uri, osipString(QString::number(r.target.port)));
    char *uriText = nullptr;
    osip_uri_to_str(uri, &uriText);
    osip_uri_free(uri);
    r.requestUri = fromOsip(uriText);
    osip_free(uriText);

    if (!sendNotify(r, {}, false, &error))
        return finishError(id, error);
    process();
}

bool SipNotifierPrivate::sendNotify(Request &r, const QString &authorizationHeader, bool proxy, QString *error)
{
    const QString where = hostForDisplay(r.target.host, r.target.port);
    const auto fail = [&](osip_message_t *msg, const char *what) {
        qCWarning(lcSip) << "cannot build NOTIFY for" << where << what;
        if (msg)
            osip_message_free(msg);
        *error = SipNotifier::tr("Could not build the request for the phone at %1.").arg(where);
        return false;
    };

    ++r.cseq;
    osip_message_t *msg = nullptr;
    if (osip_message_init(&msg) != OSIP_SUCCESS)
        return fail(nullptr, "init");
    osip_message_set_method(msg, osipString(QStringLiteral("NOTIFY")));
    osip_message_set_version(msg, osipString(QStringLiteral("SIP/2.0")));
    osip_uri_t *uri = nullptr;
    osip_uri_init(&uri);
    if (osip_uri_parse(uri, r.requestUri.toUtf8().constData()) != OSIP_SUCCESS) {
        osip_uri_free(uri);
        return fail(msg, "request uri");
    }
    osip_message_set_uri(msg, uri);

    const QString local = r.localHost + u':' + QString::number(r.localPort);
    const QString via = u"SIP/2.0/UDP " + local + u";branch=z9hG4bK" + randomHex(10) + u";rport";
    using Setter = int (*)(osip_message_t *, const char *);
    // Known headers go through their own parsers (osip keeps them typed); the others are generic.
    const struct {
        const char *name;
        Setter set;
        QString value;
    } headers[] = {
        {"Via", &osip_message_set_via, via},
        {"Max-Forwards", nullptr, QStringLiteral("70")},
        {"From", &osip_message_set_from, u"<sip:centrale@" + r.localHost + u">;tag=" + r.fromTag},
        {"To", &osip_message_set_to, u'<' + r.requestUri + u'>'},
        {"Call-ID", &osip_message_set_call_id, r.callId},
        {"CSeq", &osip_message_set_cseq, QString::number(r.cseq) + u" NOTIFY"},
        {"Contact", &osip_message_set_contact, u"<sip:centrale@" + local + u'>'},
        {"Event", nullptr, SipNotifier::eventHeaderFor(r.target.vendor)},
        {"Subscription-State", nullptr, QStringLiteral("terminated")},
        {"User-Agent", nullptr, QStringLiteral("Centrale/" CENTRALE_VERSION)},
        {proxy ? "Proxy-Authorization" : "Authorization", proxy ? &osip_message_set_proxy_authorization : &osip_message_set_authorization,
            authorizationHeader},
        {"Content-Length", &osip_message_set_content_length, QStringLiteral("0")},
    };
    for (const auto &h : headers) {
        if (h.value.isEmpty())
            continue;
        const QByteArray value = h.value.toUtf8();
        const int rc = h.set ? h.set(msg, value.constData()) : osip_message_set_header(msg, h.name, value.constData());
        if (rc != OSIP_SUCCESS)
            return fail(msg, h.name);
    }

    osip_transaction_t *tr = nullptr;
    if (osip_transaction_init(&tr, NICT, m_osip, msg) != OSIP_SUCCESS)
        return fail(msg, "transaction");
    // The RFC 3261 timers, from this notifier's T1/T4 rather than libosip2's compiled-in ones.
    r.timerEMs = m_timers.t1Ms;
    tr->nict_context->timer_e_length = m_timers.t1Ms;
    tr->nict_context->timer_k_length = m_timers.t4Ms;
    tr->nict_context->timer_f_length = 64 * m_timers.t1Ms;
    setTimer(&tr->nict_context->timer_f_start, tr->nict_context->timer_f_length);
    osip_transaction_set_your_instance(tr, reinterpret_cast<void *>(static_cast<quintptr>(r.id)));

    osip_event_t *evt = osip_new_outgoing_sipmessage(msg);
    if (!evt) {
        osip_transaction_free(tr);
        return fail(msg, "event");
    }
    evt->transactionid = tr->transactionid;
    osip_transaction_add_event(tr, evt); // the transaction owns the message from here on
    r.transaction = tr;
    r.answered = false;
    qCDebug(lcSip) << "NOTIFY" << r.requestUri << "to" << r.address << r.target.port << "CSeq" << r.cseq;
    return true;
}

void SipNotifierPrivate::process()
{
    if (m_processing || !m_osip)
        return;
    m_processing = true;
    do {
        std::vector<std::function<void()>> work;
        work.swap(m_afterExecute);
        for (const auto &w : work)
            w();
        osip_timers_nict_execute(m_osip);
        osip_nict_execute(m_osip);
        for (osip_transaction_t *tr : m_dead)
            osip_transaction_free(tr); // also takes it off osip's lists
        m_dead.clear();
    } while (!m_afterExecute.empty());
    m_processing = false;
    scheduleTimer();
}

void SipNotifierPrivate::scheduleTimer()
{
    if (osip_list_size(&m_osip->osip_nict_transactions) == 0) {
        m_timer.stop();
        return;
    }
    struct timeval tv { };
    osip_timers_gettimeout(m_osip, &tv);
    const qint64 ms = qint64(tv.tv_sec) * 1000 + (tv.tv_usec + 999) / 1000;
    // osip fires a timer once it is strictly past: wake a millisecond late, and at least every second.
    m_timer.start(int(std::clamp<qint64>(ms + 1, 1, 1000)));
}

void SipNotifierPrivate::drop(osip_transaction_t *tr)
{
    if (m_processing) {
        if (std::find(m_dead.cbegin(), m_dead.cend(), tr) == m_dead.cend())
            m_dead.push_back(tr);
    } else {
        osip_transaction_free(tr);
    }
}

void SipNotifierPrivate::readDatagrams(QUdpSocket *socket)
{
    readErrorQueue(socket);
    bool any = false;
    while (socket->hasPendingDatagrams()) {
        any = true;
        const QNetworkDatagram datagram = socket->receiveDatagram();
        const QByteArray data = datagram.data();
        if (data.trimmed().isEmpty())
            continue; // keep-alive
        osip_event_t *evt = osip_parse(data.constData(), size_t(data.size()));
        if (!evt || !evt->sip) {
            qCDebug(lcSip) << "unreadable datagram from" << datagram.senderAddress() << datagram.senderPort();
            if (evt)
                osip_event_free(evt);
            continue;
        }
        if (!MSG_IS_RESPONSE(evt->sip)) {
            qCDebug(lcSip) << "ignoring a request from" << datagram.senderAddress();
            osip_event_free(evt);
            continue;
        }
        if (osip_find_transaction_and_add_event(m_osip, evt) != OSIP_SUCCESS) {
            qCDebug(lcSip) << "response matches no transaction, from" << datagram.senderAddress();
            osip_event_free(evt);
        }
    }
    if (!any)
        socket->receiveDatagram(0); // an error woke us: reading again re-arms the socket
    process();
}

void SipNotifierPrivate::readErrorQueue([[maybe_unused]] QUdpSocket *socket)
{
#ifdef Q_OS_LINUX
    const int fd = int(socket->socketDescriptor());
    for (;;) {
        char payload[1];
        alignas(struct cmsghdr) char control[512];
        sockaddr_storage name {};
        iovec iov {payload, sizeof payload};
        msghdr m {};
        m.msg_name = &name;
        m.msg_namelen = sizeof name;
        m.msg_iov = &iov;
        m.msg_iovlen = 1;
        m.msg_control = control;
        m.msg_controllen = sizeof control;
        if (::recvmsg(fd, &m, MSG_ERRQUEUE | MSG_DONTWAIT) < 0)
            return;
        int err = 0;
        for (cmsghdr *c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
            if ((c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_RECVERR)
                || (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_RECVERR)) {
                sock_extended_err ee {};
                memcpy(&ee, CMSG_DATA(c), sizeof ee);
                if (ee.ee_origin == SO_EE_ORIGIN_ICMP || ee.ee_origin == SO_EE_ORIGIN_ICMP6)
                    err = int(ee.ee_errno);
            }
        }
        if (err != ECONNREFUSED && err != EHOSTUNREACH)
            continue;
        const QHostAddress destination(reinterpret_cast<const sockaddr *>(&name));
        quint16 port = 0;
        if (name.ss_family == AF_INET)
            port = ntohs(reinterpret_cast<const sockaddr_in *>(&name)->sin_port);
        else if (name.ss_family == AF_INET6)
            port = ntohs(reinterpret_cast<const sockaddr_in6 *>(&name)->sin6_port);
        qCDebug(lcSip) << "ICMP" << (err == ECONNREFUSED ? "port unreachable" : "host unreachable") << "from" << destination << port;
        std::vector<quint64> unreachable;
        for (const auto &[id, r] : m_requests) {
            if (r.transaction && !r.answered && r.target.port == port && r.address.isEqual(destination))
                unreachable.push_back(id);
        }
        for (quint64 id : unreachable) {
            osip_transaction_t *tr = m_requests.at(id).transaction;
            finishNoAnswer(id);
            drop(tr);
        }
    }
#endif
}

SipNotifierPrivate::Request *SipNotifierPrivate::requestFor(osip_transaction_t *tr)
{
    const auto it = m_requests.find(requestIdOf(tr));
    if (it == m_requests.end() || it->second.transaction != tr)
        return nullptr;
    return &it->second;
}

int SipNotifierPrivate::onSend(osip_transaction_t *tr, osip_message_t *msg)
{
    const auto it = m_requests.find(requestIdOf(tr));
    if (it == m_requests.end())
        return -1;
    const Request &r = it->second;
    QUdpSocket *socket = r.address.protocol() == QAbstractSocket::IPv6Protocol ? m_socket6 : m_socket4;
    if (!socket)
        return -1;
    char *text = nullptr;
    size_t length = 0;
    if (osip_message_to_str(msg, &text, &length) != OSIP_SUCCESS)
        return -1;
    const QByteArray data(text, qsizetype(length));
    osip_free(text);
    qint64 sent = socket->writeDatagram(data, r.address, r.target.port);
    if (sent != data.size()) {
        // On a shared socket, the failure may be an ICMP error left by an earlier datagram to
        // another phone (reported on the next call, and cleared by it): try once more.
        sent = socket->writeDatagram(data, r.address, r.target.port);
    }
    if (sent != data.size()) {
        qCDebug(lcSip) << "cannot send to" << r.address << r.target.port << socket->errorString();
        return -1;
    }
    return 0;
}

void SipNotifierPrivate::onMessage(int type, osip_transaction_t *tr, osip_message_t *msg)
{
    Request *r = requestFor(tr);
    if (!r)
        return;
    switch (type) {
    case OSIP_NICT_NOTIFY_SENT:
        break;
    case OSIP_NICT_REQUEST_SENT_AGAIN:
        // Timer E: doubles up to T2 while trying, T2 once the phone said it is working on it.
        r->timerEMs = tr->state == NICT_PROCEEDING ? m_timers.t2Ms : std::min(r->timerEMs * 2, m_timers.t2Ms);
        tr->nict_context->timer_e_length = r->timerEMs;
        setTimer(&tr->nict_context->timer_e_start, r->timerEMs);
        qCDebug(lcSip) << "retransmitted NOTIFY to" << r->address << r->target.port << "next in" << r->timerEMs << "ms";
        break;
    case OSIP_NICT_STATUS_1XX_RECEIVED:
        r->answered = true;
        qCDebug(lcSip) << "provisional response" << osip_message_get_status_code(msg) << "from" << r->address;
        break;
    case OSIP_NICT_STATUS_2XX_RECEIVED: {
        SipReloadResult result;
        result.outcome = SipReloadResult::Outcome::Reloaded;
        result.statusCode = osip_message_get_status_code(msg);
        result.reasonPhrase = fromOsip(osip_message_get_reason_phrase(msg));
        result.message = SipNotifier::tr("The phone reloaded its configuration.");
        r->answered = true;
        finish(r->id, result);
        break;
    }
    case OSIP_NICT_STATUS_3XX_RECEIVED:
    case OSIP_NICT_STATUS_4XX_RECEIVED:
    case OSIP_NICT_STATUS_5XX_RECEIVED:
    case OSIP_NICT_STATUS_6XX_RECEIVED:
        r->answered = true;
        onFinalResponse(*r, msg);
        break;
    case OSIP_NICT_STATUS_TIMEOUT:
        finishNoAnswer(r->id);
        break;
    default:
        break;
    }
}

void SipNotifierPrivate::onFinalResponse(Request &r, osip_message_t *msg)
{
    const int code = osip_message_get_status_code(msg);
    const QString reason = fromOsip(osip_message_get_reason_phrase(msg));
    const QString status = QString::number(code) + (reason.isEmpty() ? QString() : u' ' + reason);
    SipReloadResult refused;
    refused.outcome = SipReloadResult::Outcome::Refused;
    refused.statusCode = code;
    refused.reasonPhrase = reason;

    if (code != 401 && code != 407) {
        refused.message = SipNotifier::tr("The phone refused: %1.").arg(status);
        return finish(r.id, refused);
    }
    if (r.target.authUser.isEmpty()) {
        refused.message = SipNotifier::tr("The phone asks for a SIP user name and password (%1), and none is set for it.").arg(status);
        return finish(r.id, refused);
    }
    if (r.authAnswered) {
        refused.message = SipNotifier::tr("The phone refused the SIP user name and password (%1).").arg(status);
        return finish(r.id, refused);
    }
    const bool proxy = code == 407;
    // Proxy-Authenticate and WWW-Authenticate share osip's parsed form.
    const osip_list_t *challenges = proxy ? &msg->proxy_authenticates : &msg->www_authenticates;
    const osip_www_authenticate_t *challenge = nullptr;
    for (int i = 0; i < osip_list_size(challenges); ++i) {
        const auto *c = static_cast<const osip_www_authenticate_t *>(osip_list_get(challenges, i));
        if (c && c->auth_type && qstricmp(c->auth_type, "Digest") == 0 && SipDigest::supports(fromOsip(c->algorithm))) {
            challenge = c;
            break;
        }
    }
    if (!challenge) {
        refused.message = SipNotifier::tr("The phone asks for a kind of authentication that Centrale cannot answer (%1).").arg(status);
        return finish(r.id, refused);
    }

    SipDigest digest;
    digest.algorithm = fromOsip(challenge->algorithm);
    digest.username = r.target.authUser;
    digest.password = r.target.authPassword;
    digest.realm = unquoted(challenge->realm);
    digest.nonce = unquoted(challenge->nonce);
    digest.method = QStringLiteral("NOTIFY");
    digest.uri = r.requestUri;
    digest.qop = SipDigest::chooseQop(unquoted(challenge->qop_options));
    if (!digest.qop.isEmpty()) {
        digest.nonceCount = QStringLiteral("00000001");
        digest.cnonce = randomHex(8);
    }
    const QString opaque = challenge->opaque ? unquoted(challenge->opaque) : QString();
    const bool hasOpaque = challenge->opaque != nullptr;
    const QByteArray response = digest.response().value_or(QByteArray());

    osip_authorization_t *auth = nullptr;
    osip_authorization_init(&auth);
    osip_authorization_set_auth_type(auth, osipString(QStringLiteral("Digest")));
    osip_authorization_set_username(auth, quoted(digest.username));
    osip_authorization_set_realm(auth, quoted(digest.realm));
    osip_authorization_set_nonce(auth, quoted(digest.nonce));
    osip_authorization_set_uri(auth, quoted(digest.uri));
    osip_authorization_set_response(auth, quoted(QString::fromLatin1(response)));
    if (!digest.algorithm.isEmpty())
        osip_authorization_set_algorithm(auth, osipString(digest.algorithm));
    if (hasOpaque)
        osip_authorization_set_opaque(auth, quoted(opaque));
    if (!digest.qop.isEmpty()) {
        osip_authorization_set_message_qop(auth, osipString(digest.qop));
        osip_authorization_set_nonce_count(auth, osipString(digest.nonceCount));
        osip_authorization_set_cnonce(auth, quoted(digest.cnonce));
    }
    char *authText = nullptr;
    osip_authorization_to_str(auth, &authText);
    osip_authorization_free(auth);
    const QString header = fromOsip(authText);
    osip_free(authText);

    r.authAnswered = true;
    qCDebug(lcSip) << "answering" << code << "challenge for realm" << digest.realm;
    const quint64 id = r.id;
    // A new transaction (new branch, next CSeq, same Call-ID), started once osip is out of its callback.
    m_afterExecute.push_back([this, id, header, proxy] {
        const auto it = m_requests.find(id);
        if (it == m_requests.end())
            return;
        QString error;
        if (!sendNotify(it->second, header, proxy, &error))
            finishError(id, error);
    });
}

void SipNotifierPrivate::onKill(osip_transaction_t *tr)
{
    if (Request *r = requestFor(tr)) {
        // Every path to the end has told its outcome; this is the safety net that keeps it so.
        qCWarning(lcSip) << "transaction ended without an outcome for" << r->address;
        finishNoAnswer(r->id);
    }
    drop(tr);
}

void SipNotifierPrivate::onTransportError(osip_transaction_t *tr, int error)
{
    Request *r = requestFor(tr);
    if (!r)
        return;
    qCDebug(lcSip) << "transport error" << error << "sending to" << r->address << r->target.port;
    finishError(
        r->id, SipNotifier::tr("Could not send the request to the phone at %1.").arg(hostForDisplay(r->target.host, r->target.port)));
}

void SipNotifierPrivate::finish(quint64 id, SipReloadResult result)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    qCDebug(lcSip).noquote() << "check-sync" << hostForDisplay(it->second.target.host, it->second.target.port)
                             << SipNotifier::outcomeName(result.outcome) << result.statusCode << result.reasonPhrase;
    if (it->second.active) {
        --m_active;
        if (!m_waiting.empty())
            schedulePump();
    }
    m_requests.erase(it);
    QMetaObject::invokeMethod(
        q, [qq = q, id, result] { Q_EMIT qq->finished(id, result); }, Qt::QueuedConnection);
}

void SipNotifierPrivate::finishError(quint64 id, const QString &message)
{
    SipReloadResult result;
    result.outcome = SipReloadResult::Outcome::Error;
    result.message = message;
    finish(id, result);
}

void SipNotifierPrivate::finishNoAnswer(quint64 id)
{
    const auto it = m_requests.find(id);
    if (it == m_requests.end())
        return;
    SipReloadResult result;
    result.outcome = SipReloadResult::Outcome::NoAnswer;
    result.message = SipNotifier::tr("No answer from the phone at %1.").arg(hostForDisplay(it->second.target.host, it->second.target.port));
    finish(id, result);
}

SipNotifier::SipNotifier(QObject *parent) : QObject(parent), m_d(std::make_unique<SipNotifierPrivate>(this))
{
    qRegisterMetaType<centrale::SipReloadResult>();
}

SipNotifier::~SipNotifier() = default;

void SipNotifier::setTimers(const SipTimers &timers)
{
    SipTimers t = timers;
    t.t1Ms = std::max(1, t.t1Ms);
    t.t2Ms = std::max(t.t1Ms, t.t2Ms);
    t.t4Ms = std::max(0, t.t4Ms);
    m_d->m_timers = t;
}

SipTimers SipNotifier::timers() const
{
    return m_d->m_timers;
}

quint64 SipNotifier::checkSync(const SipReloadTarget &target)
{
    return m_d->add(target);
}

SipReloadResult SipNotifier::checkSyncAndWait(const SipReloadTarget &target)
{
    QEventLoop loop;
    quint64 id = 0;
    SipReloadResult result;
    const QMetaObject::Connection c = connect(this, &SipNotifier::finished, &loop, [&](quint64 requestId, const SipReloadResult &r) {
        if (requestId == id) {
            result = r;
            loop.quit();
        }
    });
    id = checkSync(target);
    loop.exec();
    disconnect(c);
    return result;
}

int SipNotifier::pendingCount() const
{
    return int(m_d->m_requests.size());
}

QString SipNotifier::eventHeaderFor(const QString &vendor)
{
    const QString v = vendor.trimmed().toLower();
    // Yealink and Snom fetch and apply their configuration without restarting when asked so.
    if (v == u"yealink" || v == u"snom")
        return QStringLiteral("check-sync;reboot=false");
    return QStringLiteral("check-sync");
}

QString SipNotifier::outcomeName(SipReloadResult::Outcome outcome)
{
    switch (outcome) {
    case SipReloadResult::Outcome::Reloaded:
        return QStringLiteral("reloaded");
    case SipReloadResult::Outcome::Refused:
        return QStringLiteral("refused");
    case SipReloadResult::Outcome::NoAnswer:
        return QStringLiteral("no-answer");
    case SipReloadResult::Outcome::Error:
        break;
    }
    return QStringLiteral("error");
}

} // namespace centrale
