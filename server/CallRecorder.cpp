#include "CallRecorder.h"

#include <QHostAddress>
#include <QHostInfo>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QUuid>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cmath>
#include <cstring>
#include <future>
#include <list>
#include <mutex>
#include <numbers>
#include <thread>

#include <re.h>

Q_LOGGING_CATEGORY(lcCall, "centrale.server.call", QtInfoMsg)

// libre (baresip's "re"), the API used here: libre_init/re_main/re_cancel/libre_close run the
// event loop in our thread; mqueue_alloc/mqueue_push carry commands into it (thread-safe);
// sip_alloc + sip_transp_add (UDP) + sipsess_listen/sipsess_connect place the call (CANCEL when
// the session is dereferenced before the answer, BYE after); sdp_session_alloc/sdp_media_add/
// sdp_format_add/sdp_encode/sdp_decode negotiate PCMA/8000 and telephone-event; rtp_listen/
// rtp_send carry the audio; telev_alloc/telev_recv decode RFC 4733 events.

namespace centrale::server {

namespace {

constexpr int kPacketMs = 20;
constexpr int kPacketSamples = 160; // 20 ms at 8 kHz
constexpr quint8 kAlawSilence = 0xD5;
constexpr int kTelevHash = 11; // RFC 4733 event code of '#'

// libre keeps one event loop per process unless each thread registers its own: one loop at a time.
std::mutex s_libre;

QString addressToReach(const QString &host, quint16 port)
{
    // The source address the kernel would use towards the phone (a connected UDP socket sends nothing).
    const QHostAddress peer(host);
    const int family = peer.protocol() == QAbstractSocket::IPv6Protocol ? AF_INET6 : AF_INET;
    const int fd = ::socket(family, SOCK_DGRAM, 0);
    if (fd < 0)
        return {};
    sockaddr_storage ss {};
    socklen_t len = 0;
    if (family == AF_INET) {
        auto *in = reinterpret_cast<sockaddr_in *>(&ss);
        in->sin_family = AF_INET;
        in->sin_port = htons(port);
        in->sin_addr.s_addr = htonl(peer.toIPv4Address());
        len = sizeof(sockaddr_in);
    } else {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&ss);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR a = peer.toIPv6Address();
        std::memcpy(&in6->sin6_addr, a.c, 16);
        len = sizeof(sockaddr_in6);
    }
    QString local;
    if (::connect(fd, reinterpret_cast<sockaddr *>(&ss), len) == 0) {
        sockaddr_storage mine {};
        socklen_t mineLen = sizeof(mine);
        if (::getsockname(fd, reinterpret_cast<sockaddr *>(&mine), &mineLen) == 0)
            local = QHostAddress(reinterpret_cast<sockaddr *>(&mine)).toString();
    }
    ::close(fd);
    return local;
}

struct Command {
    bool quit = false;
    QString job;
    QString host;
    quint16 port = 0;
    QString userPart;
    QString localAddress;
    QByteArray instructionAlaw;
};

} // namespace

struct CallRecorder::Engine {
    struct Call;

    CallRecorder *owner = nullptr;
    RecordCallOptions options;
    std::thread thread;
    mqueue *mq = nullptr;
    std::list<std::unique_ptr<Call>> calls; // the event loop's thread only

    void run(std::promise<int> ready);
    void dial(const Command &command);
    void quit();
    void remove(Call *call);

    template <typename F> void report(F f) { QMetaObject::invokeMethod(owner, std::move(f), Qt::QueuedConnection); }

    static void onCommand(int, void *data, void *arg);
};

// One call, from the INVITE to the last packet. Lives in the event loop's thread.
struct CallRecorder::Engine::Call {
    enum class Phase { Calling, Ringing, Playing, Recording, Ended };

    Engine *engine = nullptr;
    QString job;
    Phase phase = Phase::Calling;
    sip *stack = nullptr;
    sipsess_sock *sock = nullptr;
    sipsess *sess = nullptr;
    sdp_session *sdp = nullptr;
    sdp_media *media = nullptr;
    struct rtp_sock *rtp = nullptr;
    telev *dtmf = nullptr;
    tmr ringTimer {};
    tmr playTimer {};
    tmr cleanupTimer {};
    sa remote {};
    int televPt = -1;
    QByteArray playout; // instruction and beep, A-law
    qsizetype played = 0;
    quint32 txTimestamp = 0;
    bool firstPacket = true;
    QByteArray audio; // A-law samples said after the beep, placed by RTP timestamp
    bool haveBase = false;
    quint32 baseTimestamp = 0;
    qint64 lastReportMs = -1;

    ~Call()
    {
        tmr_cancel(&ringTimer);
        tmr_cancel(&playTimer);
        tmr_cancel(&cleanupTimer);
        sess = static_cast<sipsess *>(mem_deref(sess));
        sock = static_cast<sipsess_sock *>(mem_deref(sock));
        if (stack)
            sip_close(stack, true);
        stack = static_cast<sip *>(mem_deref(stack));
        rtp = static_cast<struct rtp_sock *>(mem_deref(rtp));
        dtmf = static_cast<telev *>(mem_deref(dtmf));
        media = nullptr; // owned by the SDP session
        sdp = static_cast<sdp_session *>(mem_deref(sdp));
    }

    int start(const Command &command);
    void progress(const QString &step, qint64 ms)
    {
        CallRecorder *o = engine->owner;
        engine->report([o, job = job, step, ms] { Q_EMIT o->progress(job, step, ms); });
    }
    // Ends the call once: hangUp sends BYE (or CANCEL) when the phone is still there.
    void fail(const QString &reason, bool hangUp)
    {
        if (phase == Phase::Ended)
            return;
        phase = Phase::Ended;
        CallRecorder *o = engine->owner;
        engine->report([o, job = job, reason] { Q_EMIT o->failed(job, reason); });
        close(hangUp);
    }
    void finishRecording(bool hangUp)
    {
        if (phase == Phase::Ended)
            return;
        if (phase != Phase::Recording) {
            fail(QStringLiteral("hung-up-before-beep"), hangUp);
            return;
        }
        phase = Phase::Ended;
        const qint64 ms = audio.size() * 1000 / 8000;
        CallRecorder *o = engine->owner;
        if (ms < engine->options.minRecordMs) {
            engine->report([o, job = job] { Q_EMIT o->failed(job, QStringLiteral("too-short")); });
        } else {
            qCInfo(lcCall).noquote() << "job" << job << "recorded" << ms << "ms";
            engine->report([o, job = job, audio = audio] { Q_EMIT o->recorded(job, audio); });
        }
        close(hangUp);
    }
    void close(bool hangUp)
    {
        tmr_cancel(&ringTimer);
        tmr_cancel(&playTimer);
        if (hangUp)
            sess = static_cast<sipsess *>(mem_deref(sess)); // BYE, or CANCEL before the answer
        // Let the last transaction (BYE/CANCEL) go out before the stack closes.
        tmr_start(&cleanupTimer, 1500, &Call::onCleanup, this);
    }

    void sendPacket()
    {
        mbuf *mb = mbuf_alloc(RTP_HEADER_SIZE + kPacketSamples);
        if (!mb)
            return;
        mb->pos = RTP_HEADER_SIZE;
        mb->end = RTP_HEADER_SIZE;
        uint8_t frame[kPacketSamples];
        for (int i = 0; i < kPacketSamples; ++i)
            frame[i] = played < playout.size() ? static_cast<uint8_t>(playout.at(played++)) : kAlawSilence;
        mbuf_write_mem(mb, frame, sizeof frame);
        mb->pos = RTP_HEADER_SIZE;
        rtp_send(rtp, &remote, false, firstPacket, 8, txTimestamp, mb);
        firstPacket = false;
        txTimestamp += kPacketSamples;
        mem_deref(mb);
    }

    static void onPlayTick(void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        if (c->phase != Phase::Playing && c->phase != Phase::Recording)
            return;
        c->sendPacket(); // during the recording too: silence keeps the media path (and NATs) open
        if (c->phase == Phase::Playing && c->played >= c->playout.size()) {
            c->phase = Phase::Recording;
            c->progress(QStringLiteral("recording"), 0);
        }
        tmr_start(&c->playTimer, kPacketMs, &Call::onPlayTick, c);
    }
    static void onRingTimeout(void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        c->fail(QStringLiteral("no-answer"), true);
    }
    static void onCleanup(void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        c->engine->remove(c);
    }
    static void onIncoming(const sip_msg *msg, void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        (void)sip_treply(nullptr, c->stack, msg, 603, "Decline");
    }
    static void onProgress(const sip_msg *msg, void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        if (c->phase == Phase::Calling && msg && (msg->scode == 180 || msg->scode == 183)) {
            c->phase = Phase::Ringing;
            c->progress(QStringLiteral("ringing"), 0);
        }
    }
    static int onAnswer(const sip_msg *msg, void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        return sdp_decode(c->sdp, msg->mb, false);
    }
    static int onOffer(mbuf **descp, const sip_msg *msg, void *arg)
    {
        // A re-INVITE from the phone: answer with the same media.
        auto *c = static_cast<Call *>(arg);
        const int err = sdp_decode(c->sdp, msg->mb, true);
        if (err)
            return err;
        return sdp_encode(descp, c->sdp, false);
    }
    static void onEstablished(const sip_msg *, void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        tmr_cancel(&c->ringTimer);
        if (c->phase == Phase::Ended)
            return;
        const sdp_format *pcma = sdp_media_rformat(c->media, "PCMA");
        const sa *raddr = sdp_media_raddr(c->media);
        if (!pcma || !raddr || !sa_isset(raddr, SA_ALL)) {
            qCWarning(lcCall).noquote() << "job" << c->job << "the phone answered without G.711 A-law";
            c->fail(QStringLiteral("internal"), true);
            return;
        }
        c->remote = *raddr;
        if (const sdp_format *tel = sdp_media_rformat(c->media, telev_rtpfmt))
            c->televPt = tel->pt;
        c->phase = Phase::Playing;
        tmr_start(&c->playTimer, 0, &Call::onPlayTick, c);
    }
    static void onClosed(int err, const sip_msg *msg, void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        c->sess = static_cast<sipsess *>(mem_deref(c->sess));
        if (c->phase == Phase::Playing || c->phase == Phase::Recording) {
            c->finishRecording(false); // the person hung up: the end of the message
            return;
        }
        const int status = msg ? msg->scode : 0;
        QString reason;
        if (status == 486 || status == 600)
            reason = QStringLiteral("busy");
        else if (status == 408 || status == 480 || status == 487 || err == ETIMEDOUT)
            reason = QStringLiteral("no-answer");
        else if (status >= 400)
            reason = QStringLiteral("rejected");
        else
            reason = QStringLiteral("hung-up-before-beep");
        qCInfo(lcCall).noquote() << "job" << c->job << "call ended before the recording:" << status << err;
        c->fail(reason, false);
    }
    static void onRtp(const sa *, const rtp_header *hdr, mbuf *mb, void *arg)
    {
        auto *c = static_cast<Call *>(arg);
        if (c->phase != Phase::Recording || !mb)
            return;
        if (c->televPt >= 0 && hdr->pt == c->televPt) {
            int event = 0;
            bool end = false;
            if (telev_recv(c->dtmf, mb, &event, &end) == 0 && event == kTelevHash)
                c->finishRecording(true);
            return;
        }
        if (hdr->pt != 8)
            return;
        // Placed by timestamp, so that a late or lost packet leaves silence where it belongs.
        if (!c->haveBase) {
            c->haveBase = true;
            c->baseTimestamp = hdr->ts;
        }
        const qint64 offset = static_cast<qint32>(hdr->ts - c->baseTimestamp);
        const qsizetype size = static_cast<qsizetype>(mbuf_get_left(mb));
        const qint64 maxSamples = qint64(c->engine->options.maxRecordMs) * 8;
        if (offset < 0 || offset + size > maxSamples) {
            if (offset + size > maxSamples)
                c->finishRecording(true);
            return;
        }
        if (c->audio.size() < offset + size)
            c->audio.resize(offset + size, static_cast<char>(kAlawSilence));
        std::memcpy(c->audio.data() + offset, mbuf_buf(mb), size);
        const qint64 ms = c->audio.size() / 8;
        if (ms - c->lastReportMs >= 1000) {
            c->lastReportMs = ms;
            c->progress(QStringLiteral("recording"), ms);
        }
    }
};

int CallRecorder::Engine::Call::start(const Command &command)
{
    job = command.job;
    tmr_init(&ringTimer);
    tmr_init(&playTimer);
    tmr_init(&cleanupTimer);
    sa local {};
    int err = sa_set_str(&local, command.localAddress.toLatin1().constData(), 0);
    if (err)
        return err;
    if ((err = sip_alloc(&stack, nullptr, 32, 32, 32, "Centrale " CENTRALE_VERSION, nullptr, nullptr)))
        return err;
    if ((err = sip_transp_add(stack, SIP_TRANSP_UDP, &local)))
        return err;
    if ((err = sipsess_listen(&sock, stack, 32, &Call::onIncoming, this)))
        return err;
    if ((err = rtp_listen(&rtp, IPPROTO_UDP, &local, 10000, 60000, false, &Call::onRtp, nullptr, this)))
        return err;
    if ((err = telev_alloc(&dtmf, TELEV_PTIME)))
        return err;
    if ((err = sdp_session_alloc(&sdp, &local)))
        return err;
    if ((err = sdp_media_add(&media, sdp, "audio", sa_port(rtp_local(rtp)), "RTP/AVP")))
        return err;
    if ((err = sdp_format_add(nullptr, media, false, "8", "PCMA", 8000, 1, nullptr, nullptr, nullptr, false, nullptr)))
        return err;
    if ((err = sdp_format_add(nullptr, media, false, "101", telev_rtpfmt, 8000, 1, nullptr, nullptr, nullptr, false, "0-15")))
        return err;
    mbuf *offer = nullptr;
    if ((err = sdp_encode(&offer, sdp, true)))
        return err;

    const bool v6 = command.host.contains(QLatin1Char(':'));
    const QString host = v6 ? u'[' + command.host + u']' : command.host;
    const QString localHost = v6 ? u'[' + command.localAddress + u']' : command.localAddress;
    const QByteArray to
        = (u"sip:" + (command.userPart.isEmpty() ? QString() : command.userPart + u'@') + host + u':' + QString::number(command.port))
              .toUtf8();
    const QByteArray from = (u"sip:centrale@" + localHost).toUtf8();
    err = sipsess_connect(&sess, sock, to.constData(), "Centrale", from.constData(), "centrale", nullptr, 0, "application/sdp", offer,
        nullptr, nullptr, false, &Call::onOffer, &Call::onAnswer, &Call::onProgress, &Call::onEstablished, nullptr, nullptr,
        &Call::onClosed, this, nullptr);
    mem_deref(offer);
    if (err)
        return err;
    tmr_start(&ringTimer, static_cast<uint64_t>(engine->options.ringTimeoutMs), &Call::onRingTimeout, this);
    qCInfo(lcCall).noquote() << "job" << job << "calling" << QString::fromUtf8(to);
    return 0;
}

void CallRecorder::Engine::run(std::promise<int> ready)
{
    std::lock_guard lock(s_libre);
    int err = libre_init();
    if (!err)
        err = mqueue_alloc(&mq, &Engine::onCommand, this);
    ready.set_value(err);
    if (!err)
        re_main(nullptr);
    calls.clear();
    mq = static_cast<mqueue *>(mem_deref(mq));
    libre_close();
}

void CallRecorder::Engine::onCommand(int, void *data, void *arg)
{
    auto *engine = static_cast<Engine *>(arg);
    std::unique_ptr<Command> command(static_cast<Command *>(data));
    if (command->quit)
        engine->quit();
    else
        engine->dial(*command);
}

void CallRecorder::Engine::dial(const Command &command)
{
    auto call = std::make_unique<Call>();
    call->engine = this;
    Call *c = call.get();
    calls.push_back(std::move(call));

    // The playout: a short pause, the instruction, a short pause, then the beep (1 kHz).
    const int beepSamples = options.beepMs * 8;
    c->playout = QByteArray(1600, static_cast<char>(kAlawSilence)) + command.instructionAlaw
        + QByteArray(command.instructionAlaw.isEmpty() ? 0 : 2400, static_cast<char>(kAlawSilence));
    for (int i = 0; i < beepSamples; ++i) {
        const double v = 0.5 * std::sin(2.0 * std::numbers::pi * 1000.0 * i / 8000.0);
        c->playout.append(static_cast<char>(alawFromLinear(static_cast<qint16>(v * 32767))));
    }
    const int err = c->start(command);
    if (err) {
        qCWarning(lcCall).noquote() << "job" << command.job << "cannot place the call:" << err << std::strerror(err);
        c->phase = Call::Phase::Ended;
        CallRecorder *o = owner;
        report([o, job = command.job] { Q_EMIT o->failed(job, QStringLiteral("internal")); });
        remove(c);
    }
}

void CallRecorder::Engine::quit()
{
    for (auto &c : calls) {
        tmr_cancel(&c->playTimer);
        c->sess = static_cast<sipsess *>(mem_deref(c->sess));
    }
    calls.clear();
    re_cancel();
}

void CallRecorder::Engine::remove(Call *call)
{
    calls.remove_if([call](const std::unique_ptr<Call> &c) { return c.get() == call; });
}

CallRecorder::CallRecorder(RecordCallOptions options, QObject *parent) : QObject(parent), m_options(std::move(options))
{
}

CallRecorder::~CallRecorder()
{
    if (m_engine && m_engine->thread.joinable()) {
        if (m_engine->mq)
            mqueue_push(m_engine->mq, 0, new Command {true, {}, {}, 0, {}, {}, {}});
        m_engine->thread.join();
    }
}

Status CallRecorder::call(const QString &job, const QString &host, quint16 port, const QString &userPart, const QByteArray &instructionAlaw)
{
    QString address = host;
    if (QHostAddress(host).isNull()) {
        const QHostInfo info = QHostInfo::fromName(host);
        if (info.addresses().isEmpty())
            return Error::invalid(tr("The phone's address %1 cannot be resolved.").arg(host), QStringLiteral("sipAddress"));
        address = info.addresses().constFirst().toString();
    }
    const QString local = m_options.localAddress.isEmpty() ? addressToReach(address, port) : m_options.localAddress;
    if (local.isEmpty())
        return Error::invalid(tr("The phone's address %1 cannot be reached from this server.").arg(host), QStringLiteral("sipAddress"));
    if (!m_engine) {
        auto engine = std::make_unique<Engine>();
        engine->owner = this;
        engine->options = m_options;
        std::promise<int> ready;
        std::future<int> started = ready.get_future();
        engine->thread = std::thread(&Engine::run, engine.get(), std::move(ready));
        const int err = started.get();
        if (err) {
            engine->thread.join();
            return Error {ErrorCode::Storage, tr("The SIP stack could not start (error %1).").arg(err), {}};
        }
        m_engine = std::move(engine);
    }
    const int err = mqueue_push(m_engine->mq, 0, new Command {false, job, address, port, userPart, local, instructionAlaw});
    if (err)
        return Error {ErrorCode::Storage, tr("The SIP stack could not start (error %1).").arg(err), {}};
    return {};
}

// ITU-T G.711 A-law (the Sun reference implementation's segment search).
quint8 CallRecorder::alawFromLinear(qint16 sample)
{
    static constexpr int segEnd[8] = {0x1F, 0x3F, 0x7F, 0xFF, 0x1FF, 0x3FF, 0x7FF, 0xFFF};
    int pcm = sample >> 3;
    int mask = 0xD5;
    if (pcm < 0) {
        mask = 0x55;
        pcm = -pcm - 1;
    }
    int seg = 0;
    while (seg < 8 && pcm > segEnd[seg])
        ++seg;
    if (seg >= 8)
        return static_cast<quint8>(0x7F ^ mask);
    int aval = seg << 4;
    aval |= seg < 2 ? (pcm >> 1) & 0x0F : (pcm >> seg) & 0x0F;
    return static_cast<quint8>(aval ^ mask);
}

qint16 CallRecorder::linearFromAlaw(quint8 alaw)
{
    const int a = alaw ^ 0x55;
    int t = (a & 0x0F) << 4;
    const int seg = (a & 0x70) >> 4;
    if (seg == 0)
        t += 8;
    else if (seg == 1)
        t += 0x108;
    else
        t = (t + 0x108) << (seg - 1);
    return static_cast<qint16>((a & 0x80) ? t : -t);
}

} // namespace centrale::server
