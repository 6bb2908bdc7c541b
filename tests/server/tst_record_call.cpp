// Recording a prompt by phone call, against sipp playing the user's desk phone on loopback.

#include "../core/SippPhone.h"
#include "../core/ToneShare.h"
#include "ServerTestSupport.h"

#include "CallInstructions.h"
#include "ServerCommand.h"
#include "audio/PromptConverter.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QtEndian>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cmath>
#include <numbers>

using namespace centrale;
using namespace centrale::server;
using namespace centrale::server::test;

namespace {

const QString kPassword = QStringLiteral("Corr3ct-horse-battery");
constexpr double kToneHz = 440.0;
constexpr int kToneMs = 5000;
// What the server plays before it records, besides the instruction: 200 ms of silence, 300 ms
// after the instruction, the 400 ms beep (CallRecorder).
constexpr int kPlayoutMs = 900;
// The instructions the calls of this suite play: one length per language, a second apart, so that
// the length of a recording tells which one was played.
constexpr int kInstructionMs[] = {500, 1500, 2500}; // fr, nl, en

int instructionMs(const QString &language)
{
    return kInstructionMs[CallInstructions::languages().indexOf(language)];
}

CallInstructions testInstructions()
{
    CallInstructions instructions;
    for (const QString &language : CallInstructions::languages())
        instructions.set(language, QByteArray(instructionMs(language) * 8, char(0xD5))); // A-law silence
    return instructions;
}

// A WAV around 16-bit PCM (an operator's instruction as an editor saves it).
QByteArray pcmWav(int rate, int channels, int ms, double hz)
{
    QByteArray data;
    const int frames = rate * ms / 1000;
    for (int i = 0; i < frames; ++i) {
        const qint16 v = qToLittleEndian(qint16(8000 * std::sin(2.0 * std::numbers::pi * hz * i / rate)));
        for (int c = 0; c < channels; ++c)
            data.append(reinterpret_cast<const char *>(&v), 2);
    }
    QByteArray w;
    auto u32 = [&w](quint32 v) {
        v = qToLittleEndian(v);
        w.append(reinterpret_cast<const char *>(&v), 4);
    };
    auto u16 = [&w](quint16 v) {
        v = qToLittleEndian(v);
        w.append(reinterpret_cast<const char *>(&v), 2);
    };
    w.append("RIFF");
    u32(quint32(36 + data.size()));
    w.append("WAVEfmt ");
    u32(16);
    u16(1);
    u16(quint16(channels));
    u32(quint32(rate));
    u32(quint32(rate * channels * 2));
    u16(quint16(channels * 2));
    u16(16);
    w.append("data");
    u32(quint32(data.size()));
    return w + data;
}

// A libpcap capture (Ethernet, IPv4, UDP) of the RTP a phone sends, for sipp's play_pcap_audio: the
// A-law samples in packets of 160 (payload type 8) every 20 ms, then, when hash, the RFC 4733
// event "#" (code 11, payload type 101): 5 packets of a growing duration, then 3 end packets.
QByteArray rtpPcap(const QByteArray &alaw, bool hash)
{
    QByteArray out;
    auto le32 = [&out](quint32 v) {
        v = qToLittleEndian(v);
        out.append(reinterpret_cast<const char *>(&v), 4);
    };
    auto le16 = [&out](quint16 v) {
        v = qToLittleEndian(v);
        out.append(reinterpret_cast<const char *>(&v), 2);
    };
    le32(0xA1B2C3D4); // microsecond timestamps
    le16(2);
    le16(4);
    le32(0);
    le32(0);
    le32(65535);
    le32(1); // LINKTYPE_ETHERNET

    quint16 seq = 1000;
    quint32 timestamp = 16000;
    qint64 atUs = 0;
    auto packet = [&](int pt, bool marker, quint32 ts, const QByteArray &payload) {
        QByteArray rtp;
        rtp.append(char(0x80));
        rtp.append(char((marker ? 0x80 : 0) | pt));
        const quint16 s = qToBigEndian(seq);
        rtp.append(reinterpret_cast<const char *>(&s), 2);
        const quint32 t = qToBigEndian(ts);
        rtp.append(reinterpret_cast<const char *>(&t), 4);
        const quint32 ssrc = qToBigEndian(quint32(0x5EC0FFEE));
        rtp.append(reinterpret_cast<const char *>(&ssrc), 4);
        rtp.append(payload);
        QByteArray udp;
        auto be16 = [](QByteArray &b, quint16 v) {
            b.append(char(v >> 8));
            b.append(char(v & 0xFF));
        };
        be16(udp, 6000); // sipp replaces the ports with its media port and the server's
        be16(udp, 6002);
        be16(udp, quint16(8 + rtp.size()));
        be16(udp, 0); // no checksum
        udp.append(rtp);
        QByteArray ip;
        ip.append(char(0x45));
        ip.append(char(0));
        be16(ip, quint16(20 + udp.size()));
        be16(ip, 0);
        be16(ip, 0);
        ip.append(char(64));
        ip.append(char(17)); // UDP
        be16(ip, 0);
        ip.append("\x7f\x00\x00\x01\x7f\x00\x00\x01", 8);
        quint32 sum = 0;
        for (int i = 0; i < 20; i += 2)
            sum += (quint8(ip.at(i)) << 8) | quint8(ip.at(i + 1));
        while (sum >> 16)
            sum = (sum & 0xFFFF) + (sum >> 16);
        ip[10] = char(~sum >> 8);
        ip[11] = char(~sum & 0xFF);
        QByteArray frame(12, char(0));
        frame.append("\x08\x00", 2);
        frame.append(ip);
        frame.append(udp);
        le32(quint32(atUs / 1000000));
        le32(quint32(atUs % 1000000));
        le32(quint32(frame.size()));
        le32(quint32(frame.size()));
        out.append(frame);
    };
    for (qsizetype i = 0; i < alaw.size(); i += 160) {
        packet(8, i == 0, timestamp, alaw.mid(i, 160));
        ++seq;
        timestamp += 160;
        atUs += 20000;
    }
    if (hash) {
        auto event = [](bool end, quint16 duration) {
            QByteArray e;
            e.append(char(11)); // #
            e.append(char((end ? 0x80 : 0) | 10)); // volume -10 dBm0
            e.append(char(duration >> 8));
            e.append(char(duration & 0xFF));
            return e;
        };
        for (int i = 1; i <= 5; ++i) {
            packet(101, i == 1, timestamp, event(false, quint16(160 * i)));
            ++seq;
            atUs += 20000;
        }
        for (int i = 0; i < 3; ++i) // the end, sent three times with the same number (RFC 4733 2.5.1.4)
            packet(101, false, timestamp, event(true, 960));
    }
    return out;
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

} // namespace

class TestRecordCall : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_backend;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<Api> m_api;
    Client m_admin;
    QString m_prompt;
    QString m_user;
    QString m_tone; // raw A-law file sipp streams

    Client client() const
    {
        Client c;
        c.api = m_api.get();
        c.domain = QStringLiteral("domaincustomer.be");
        return c;
    }

    // The user's desk phone listens at port (0: the user has no phone).
    void addPhone(quint16 port)
    {
        if (port == 0)
            return;
        const QString id = uuid();
        const QJsonObject phone {{QStringLiteral("id"), id}, {QStringLiteral("mac"), QStringLiteral("805EC0123456")},
            {QStringLiteral("model"), QStringLiteral("Yealink T54W")}, {QStringLiteral("ownerId"), m_user},
            {QStringLiteral("label"), QStringLiteral("Bureau")}, {QStringLiteral("sipAddress"), QStringLiteral("127.0.0.1:%1").arg(port)},
            {QStringLiteral("sipUser"), QString()}, {QStringLiteral("keys"), QJsonArray()}};
        const ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/phones/") + id), phone, "*");
        QVERIFY2(r.status == 201, r.body.constData());
    }

    QJsonObject startCall()
    {
        const ApiResponse r = m_admin.write("POST", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(m_prompt)),
            {{QStringLiteral("userId"), QStringLiteral("jan@domaincustomer.be")}}, {});
        if (r.status != 202)
            qWarning("%s", r.body.constData());
        return r.status == 202 ? r.jsonBody() : QJsonObject();
    }

    void setUserLanguage(const QString &language)
    {
        QJsonObject user = m_admin.call("GET", m_admin.org(QStringLiteral("/users/") + m_user)).jsonBody();
        const QByteArray version = QByteArray::number(user.take(QLatin1String("version")).toInteger());
        user.insert(QStringLiteral("language"), language);
        const ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + m_user), user, version);
        QVERIFY2(r.status == 200, r.body.constData());
    }

    // The length of the stored recording, after checking that it holds the tone the phone sent.
    qint64 checkStoredTone()
    {
        const QJsonObject prompt = m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/") + m_prompt)).jsonBody();
        const ApiResponse audio = m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/%1/audio").arg(m_prompt)));
        if (audio.status != 200)
            return -1;
        Result<std::vector<float>> samples = PromptConverter::decodePrompt(audio.body);
        if (!samples || samples->empty())
            return -1;
        const double share = toneShare(*samples, kToneHz);
        if (share <= 0.9) {
            qWarning("440 Hz share %f", share);
            return -1;
        }
        const qint64 ms = qint64(samples->size()) / 8;
        if (prompt.value(QLatin1String("durationMs")).toInteger() != ms)
            return -1;
        return ms;
    }

    QJsonObject job(const QString &id) const { return m_admin.call("GET", m_admin.org(QStringLiteral("/call-jobs/") + id)).jsonBody(); }

    // Waits for the job to end; returns the steps it was seen in.
    QStringList follow(const QString &id, QJsonObject *last)
    {
        QStringList steps;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 30000) {
            *last = job(id);
            const QString step = last->value(QLatin1String("step")).toString();
            if (steps.isEmpty() || steps.last() != step)
                steps << step;
            if (step == QLatin1String("saved") || step == QLatin1String("failed"))
                break;
            QTest::qWait(20);
        }
        return steps;
    }

private Q_SLOTS:
    void initTestCase_data()
    {
        QTest::addColumn<QString>("backend");
        for (const QString &b : backends())
            QTest::newRow(qPrintable(b)) << b;
    }

    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        if (QStandardPaths::findExecutable(QStringLiteral("sipp")).isEmpty())
            QFAIL("sipp (Debian: sip-tester) plays the phone in this suite: install it.");
        // A known recording: a 440 Hz tone at half scale, as raw A-law.
        QByteArray tone;
        for (int i = 0; i < kToneMs * 8; ++i)
            tone.append(char(CallRecorder::alawFromLinear(qint16(16384 * std::sin(2.0 * std::numbers::pi * kToneHz * i / 8000.0)))));
        m_tone = m_dir.filePath(QStringLiteral("tone.al"));
        QFile f(m_tone);
        QVERIFY(f.open(QIODevice::WriteOnly) && f.write(tone) == tone.size());
    }

    void init()
    {
        QFETCH_GLOBAL(QString, backend);
        m_backend = backend;
        m_db = std::make_unique<ServerDatabase>();
        QVERIFY(m_db->open(freshDatabase(m_backend, m_dir)).ok());
        ServerOptions options;
        options.recordCall.ringTimeoutMs = 1500; // shortened for the test
        options.recordCall.localAddress = QStringLiteral("127.0.0.1");
        options.recordCall.instructions = testInstructions();
        m_api = std::make_unique<Api>(*m_db, options);
        QVERIFY(
            m_api->createOrganisation(QStringLiteral("domaincustomer.be"), QStringLiteral("Domain Customer"), QStringLiteral("fr")).ok());
        QVERIFY(m_api->createAdministrator(QStringLiteral("admin@domaincustomer.be"), QStringLiteral("domaincustomer.be"), kPassword).ok());
        m_admin = client();
        QVERIFY(m_admin.login(QStringLiteral("admin@domaincustomer.be"), kPassword));
        QVERIFY(m_admin.elevate(kPassword));
        m_user = uuid();
        const QJsonObject user {{QStringLiteral("id"), m_user}, {QStringLiteral("username"), QStringLiteral("jan@domaincustomer.be")},
            {QStringLiteral("firstName"), QStringLiteral("Jan")}, {QStringLiteral("lastName"), QStringLiteral("Peeters")},
            {QStringLiteral("email"), QString()}, {QStringLiteral("mobile"), QString()}, {QStringLiteral("language"), QStringLiteral("nl")},
            {QStringLiteral("groups"), QJsonArray()}, {QStringLiteral("settings"), QJsonObject()}};
        ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + m_user), user, "*");
        QVERIFY2(r.status == 201, r.body.constData());
        m_prompt = uuid();
        const QJsonObject prompt {{QStringLiteral("id"), m_prompt}, {QStringLiteral("name"), QStringLiteral("Fermé")},
            {QStringLiteral("description"), QStringLiteral("Nous sommes fermés.")}, {QStringLiteral("origin"), QStringLiteral("imported")}};
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/prompts/") + m_prompt), prompt, "*");
        QVERIFY2(r.status == 201, r.body.constData());
    }

    void cleanup()
    {
        m_api.reset();
        m_db.reset();
    }

    void answeredCallIsStoredAsThePrompt()
    {
        SippPhone phone(m_dir.path(), QStringLiteral("call-answer-speak.xml"),
            {{QStringLiteral("@AUDIO@"), m_tone}, {QStringLiteral("@TALK_MS@"), QString::number(kToneMs + 500)}},
            {QStringLiteral("-mi"), QStringLiteral("127.0.0.1"), QStringLiteral("-mp"), QString::number(freeUdpPort())});
        QVERIFY(phone.start());
        addPhone(phone.port());
        const qint64 before = m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/") + m_prompt))
                                  .jsonBody()
                                  .value(QLatin1String("version"))
                                  .toInteger();

        const QJsonObject started = startCall();
        QCOMPARE(started.value(QLatin1String("step")).toString(), QStringLiteral("calling"));
        QJsonObject last;
        const QStringList steps = follow(started.value(QLatin1String("id")).toString(), &last);
        QVERIFY2(last.value(QLatin1String("step")).toString() == QLatin1String("saved"),
            qPrintable(QString::fromUtf8(QJsonDocument(last).toJson()) + phone.diagnostics()));
        QVERIFY2(steps.contains(QLatin1String("recording")), qPrintable(steps.join(u',')));
        QVERIFY(phone.passed());

        const QJsonObject prompt = m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/") + m_prompt)).jsonBody();
        QCOMPARE(prompt.value(QLatin1String("version")).toInteger(), before + 1);
        QCOMPARE(last.value(QLatin1String("promptVersion")).toInteger(), before + 1);
        QCOMPARE(prompt.value(QLatin1String("origin")).toString(), QStringLiteral("call"));
        QVERIFY(prompt.value(QLatin1String("hasAudio")).toBool());
        const ApiResponse audio = m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/%1/audio").arg(m_prompt)));
        QCOMPARE(audio.status, 200);
        QCOMPARE(prompt.value(QLatin1String("audioSha256")).toString(),
            QString::fromLatin1(QCryptographicHash::hash(audio.body, QCryptographicHash::Sha256).toHex()));
        Result<std::vector<float>> samples = PromptConverter::decodePrompt(audio.body);
        QVERIFY(samples.ok());
        // What was said after the beep: the tone less the Dutch instruction (Jan speaks Dutch) and the beep.
        const qint64 ms = qint64(samples->size()) / 8;
        const qint64 expected = kToneMs - kPlayoutMs - instructionMs(QStringLiteral("nl"));
        QVERIFY2(ms > expected - 700 && ms <= expected + 200, qPrintable(QString::number(ms)));
        QCOMPARE(prompt.value(QLatin1String("durationMs")).toInteger(), ms);
        QVERIFY2(toneShare(*samples, kToneHz) > 0.9, qPrintable(QString::number(toneShare(*samples, kToneHz))));
        double sum = 0;
        float peak = 0;
        for (float v : *samples) {
            sum += double(v) * v;
            peak = std::max(peak, std::abs(v));
        }
        const double rms = std::sqrt(sum / double(samples->size()));
        QVERIFY2(std::abs(peak - 0.5) < 0.05, qPrintable(QString::number(peak)));
        QVERIFY2(std::abs(rms - 0.5 / std::sqrt(2.0)) < 0.05, qPrintable(QString::number(rms)));
    }

    void refusedOrUnansweredCallsFail_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("reason");
        QTest::newRow("busy") << QStringLiteral("call-reject.xml") << QStringLiteral("486 Busy Here") << QStringLiteral("busy");
        QTest::newRow("declined") << QStringLiteral("call-reject.xml") << QStringLiteral("603 Decline") << QStringLiteral("rejected");
        QTest::newRow("no answer") << QStringLiteral("call-ring-forever.xml") << QString() << QStringLiteral("no-answer");
        // The phone hangs up 1.2 s after answering: during the Dutch instruction (1.5 s), before
        // the beep; without the instruction it would have been after the beep.
        QTest::newRow("hung up before the beep")
            << QStringLiteral("call-answer-speak.xml") << QString() << QStringLiteral("hung-up-before-beep");
    }

    void refusedOrUnansweredCallsFail()
    {
        QFETCH(QString, scenario);
        QFETCH(QString, status);
        QFETCH(QString, reason);
        SippPhone phone(m_dir.path(), scenario,
            {{QStringLiteral("@STATUS@"), status}, {QStringLiteral("@AUDIO@"), m_tone},
                {QStringLiteral("@TALK_MS@"), QStringLiteral("1200")}},
            {QStringLiteral("-mi"), QStringLiteral("127.0.0.1"), QStringLiteral("-mp"), QString::number(freeUdpPort())});
        QVERIFY(phone.start());
        addPhone(phone.port());
        const QJsonObject started = startCall();
        QJsonObject last;
        follow(started.value(QLatin1String("id")).toString(), &last);
        QCOMPARE(last.value(QLatin1String("step")).toString(), QStringLiteral("failed"));
        QCOMPARE(last.value(QLatin1String("reasonCode")).toString(), reason);
        QVERIFY(!last.value(QLatin1String("reason")).toString().isEmpty());
        QVERIFY(
            !m_admin.call("GET", m_admin.org(QStringLiteral("/prompts/") + m_prompt)).jsonBody().value(QLatin1String("hasAudio")).toBool());
        QVERIFY2(phone.passed(), qPrintable(phone.diagnostics()));
    }

    // The instruction is the called user's language: the recording starts after it and the beep.
    void instructionInTheUsersLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("fr") << QStringLiteral("fr");
        QTest::newRow("en") << QStringLiteral("en");
    }

    void instructionInTheUsersLanguage()
    {
        QFETCH(QString, language);
        setUserLanguage(language);
        SippPhone phone(m_dir.path(), QStringLiteral("call-answer-speak.xml"),
            {{QStringLiteral("@AUDIO@"), m_tone}, {QStringLiteral("@TALK_MS@"), QString::number(kToneMs + 500)}},
            {QStringLiteral("-mi"), QStringLiteral("127.0.0.1"), QStringLiteral("-mp"), QString::number(freeUdpPort())});
        QVERIFY(phone.start());
        addPhone(phone.port());
        const QJsonObject started = startCall();
        QJsonObject last;
        const QStringList steps = follow(started.value(QLatin1String("id")).toString(), &last);
        QVERIFY2(last.value(QLatin1String("step")).toString() == QLatin1String("saved"),
            qPrintable(QString::fromUtf8(QJsonDocument(last).toJson()) + phone.diagnostics()));
        // Answered, the job stays "ringing" while the instruction plays, then records.
        QVERIFY2(steps.indexOf(QLatin1String("ringing")) >= 0
                && steps.indexOf(QLatin1String("ringing")) < steps.indexOf(QLatin1String("recording")),
            qPrintable(steps.join(u',')));
        QVERIFY(phone.passed());
        const qint64 ms = checkStoredTone();
        const qint64 expected = kToneMs - kPlayoutMs - instructionMs(language);
        QVERIFY2(ms > expected - 700 && ms <= expected + 200, qPrintable(QString::number(ms)));
    }

    // The person presses # (RFC 4733) and stays on the line: the server ends the recording there
    // and hangs up.
    void hashEndsTheRecording()
    {
        {
            // sipp sends a capture's packets through a raw socket.
            const int fd = ::socket(AF_INET, SOCK_RAW, IPPROTO_UDP);
            if (fd < 0)
                QFAIL("sipp plays RTP from a capture through a raw socket: run this suite as root or with CAP_NET_RAW.");
            ::close(fd);
        }
        QByteArray tone;
        for (int i = 0; i < kToneMs * 8; ++i)
            tone.append(char(CallRecorder::alawFromLinear(qint16(16384 * std::sin(2.0 * std::numbers::pi * kToneHz * i / 8000.0)))));
        const QString pcap = m_dir.filePath(QStringLiteral("tone-hash.pcap"));
        {
            QFile f(pcap);
            const QByteArray bytes = rtpPcap(tone, true);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size());
        }
        // The phone waits for the BYE far longer than the tone: a server that missed the # would
        // leave the call open (its longest recording is 5 minutes), and the job would not end.
        SippPhone phone(m_dir.path(), QStringLiteral("call-answer-speak-hash.xml"),
            {{QStringLiteral("@PCAP@"), pcap}, {QStringLiteral("@BYE_TIMEOUT_MS@"), QString::number(kToneMs + 20000)}},
            {QStringLiteral("-mi"), QStringLiteral("127.0.0.1"), QStringLiteral("-mp"), QString::number(freeUdpPort())});
        QVERIFY(phone.start());
        addPhone(phone.port());
        const QJsonObject started = startCall();
        QJsonObject last;
        const QStringList steps = follow(started.value(QLatin1String("id")).toString(), &last);
        QVERIFY2(last.value(QLatin1String("step")).toString() == QLatin1String("saved"),
            qPrintable(QString::fromUtf8(QJsonDocument(last).toJson()) + steps.join(u',') + phone.diagnostics()));
        // sipp received the server's BYE and answered it: the scenario passed.
        QVERIFY2(phone.passed(), qPrintable(phone.diagnostics()));
        const qint64 ms = checkStoredTone();
        const qint64 expected = kToneMs - kPlayoutMs - instructionMs(QStringLiteral("nl"));
        QVERIFY2(ms > expected - 700 && ms <= expected + 200, qPrintable(QString::number(ms)));
    }

    // The recordings built into the server: each language's, 8 kHz A-law of a plausible length.
    void builtInInstructions()
    {
        Result<CallInstructions> builtIn = CallInstructions::builtIn();
        QVERIFY2(builtIn.ok(), builtIn ? "" : qPrintable(builtIn.error().message));
        QSet<QByteArray> seen;
        for (const QString &language : CallInstructions::languages()) {
            const QByteArray alaw = builtIn->forLanguage(language);
            const qint64 ms = alaw.size() / 8;
            QVERIFY2(ms >= 1500 && ms <= 10000, qPrintable(language + u' ' + QString::number(ms)));
            // Speech, not silence: A-law decoded, loud enough to be heard.
            int peak = 0;
            for (char c : alaw)
                peak = std::max(peak, std::abs(int(CallRecorder::linearFromAlaw(quint8(c)))));
            QVERIFY2(peak > 8000, qPrintable(language + u' ' + QString::number(peak)));
            seen.insert(alaw);
        }
        QCOMPARE(seen.size(), 3);
        QCOMPARE(builtIn->forLanguage(QStringLiteral("de")), builtIn->forLanguage(QStringLiteral("en")));
    }

    void instructionsFromAFolder()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        // Any format libsndfile reads: 16-bit PCM at 44.1 kHz stereo, 16 kHz mono, 8 kHz mono.
        QVERIFY(write(QStringLiteral("fr.wav"), pcmWav(44100, 2, 2000, 300)));
        QVERIFY(write(QStringLiteral("nl.wav"), pcmWav(16000, 1, 3000, 300)));
        QVERIFY(write(QStringLiteral("en.wav"), pcmWav(8000, 1, 4000, 300)));
        Result<CallInstructions> loaded = CallInstructions::fromDirectory(dir.path());
        QVERIFY2(loaded.ok(), loaded ? "" : qPrintable(loaded.error().message));
        QVERIFY(std::abs(loaded->forLanguage(QStringLiteral("fr")).size() - 16000) <= 16);
        QVERIFY(std::abs(loaded->forLanguage(QStringLiteral("nl")).size() - 24000) <= 16);
        QVERIFY(std::abs(loaded->forLanguage(QStringLiteral("en")).size() - 32000) <= 16);

        // A file far too long for an instruction, one that is not audio, a missing one: refused, naming the file.
        QVERIFY(write(QStringLiteral("nl.wav"), pcmWav(8000, 1, 31000, 300)));
        loaded = CallInstructions::fromDirectory(dir.path());
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains(QStringLiteral("nl.wav")), qPrintable(loaded.error().message));
        QVERIFY(write(QStringLiteral("nl.wav"), "RIFF, but not a sound"));
        loaded = CallInstructions::fromDirectory(dir.path());
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains(QStringLiteral("nl.wav")), qPrintable(loaded.error().message));
        QVERIFY(QFile::remove(dir.filePath(QStringLiteral("nl.wav"))));
        loaded = CallInstructions::fromDirectory(dir.path());
        QVERIFY(!loaded);
        QVERIFY2(loaded.error().message.contains(QStringLiteral("nl.wav")), qPrintable(loaded.error().message));
        QVERIFY(!CallInstructions::fromDirectory(dir.filePath(QStringLiteral("none"))));
    }

    // centrale-server serve --call-ring-seconds, --call-max-seconds, --call-local-address, --call-instructions.
    void serveOptions()
    {
        QHash<QString, QString> given;
        const auto value = [&given](const QString &name) { return given.value(name); };
        Result<RecordCallOptions> options = ServerCommand::recordCallOptions(value);
        QVERIFY(options.ok());
        QCOMPARE(options->ringTimeoutMs, 30000);
        QCOMPARE(options->maxRecordMs, 300000);
        QVERIFY(options->localAddress.isEmpty());
        QVERIFY(options->instructions);
        QCOMPARE(options->instructions->forLanguage(QStringLiteral("nl")), CallInstructions::builtIn()->forLanguage(QStringLiteral("nl")));

        QTemporaryDir dir;
        for (const QString &language : CallInstructions::languages()) {
            QFile f(dir.filePath(language + QStringLiteral(".wav")));
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write(pcmWav(8000, 1, 1000, 300)) > 0);
        }
        given = {{QStringLiteral("call-ring-seconds"), QStringLiteral("5")}, {QStringLiteral("call-max-seconds"), QStringLiteral("1800")},
            {QStringLiteral("call-local-address"), QStringLiteral("127.0.0.1")}, {QStringLiteral("call-instructions"), dir.path()}};
        options = ServerCommand::recordCallOptions(value);
        QVERIFY2(options.ok(), options ? "" : qPrintable(options.error().message));
        QCOMPARE(options->ringTimeoutMs, 5000);
        QCOMPARE(options->maxRecordMs, 1800000);
        QCOMPARE(options->localAddress, QStringLiteral("127.0.0.1"));
        QCOMPARE(options->instructions->forLanguage(QStringLiteral("fr")).size(), 8000);

        const QList<std::pair<QString, QString>> wrong {{QStringLiteral("call-ring-seconds"), QStringLiteral("4")},
            {QStringLiteral("call-ring-seconds"), QStringLiteral("121")}, {QStringLiteral("call-ring-seconds"), QStringLiteral("thirty")},
            {QStringLiteral("call-max-seconds"), QStringLiteral("9")}, {QStringLiteral("call-max-seconds"), QStringLiteral("1801")},
            {QStringLiteral("call-local-address"), QStringLiteral("phone.example")},
            {QStringLiteral("call-local-address"), QStringLiteral("192.0.2.77")}, // TEST-NET-1: not this machine's
            {QStringLiteral("call-instructions"), dir.filePath(QStringLiteral("none"))}};
        for (const auto &[name, text] : wrong) {
            given = {{name, text}};
            options = ServerCommand::recordCallOptions(value);
            QVERIFY2(!options, qPrintable(name + u' ' + text));
            QVERIFY2(options.error().message.contains(u"--" + name), qPrintable(options.error().message));
        }

        // Through the command line and the configuration file: listed by --help, checked before the start.
        QString out, err;
        QTextStream outStream(&out), errStream(&err);
        ServerCommand command(outStream, errStream);
        QCOMPARE(command.run({QStringLiteral("centrale-server"), QStringLiteral("serve"), QStringLiteral("--help")}), 0);
        outStream.flush();
        for (const char *name : {"--call-ring-seconds", "--call-max-seconds", "--call-local-address", "--call-instructions"})
            QVERIFY2(out.contains(QLatin1String(name)), name);
        const QString config = m_dir.filePath(QStringLiteral("serve.ini"));
        {
            QFile f(config);
            QVERIFY(f.open(QIODevice::WriteOnly) && f.write("call-ring-seconds = 200\n") > 0);
        }
        const QStringList serve {QStringLiteral("centrale-server"), QStringLiteral("serve"), QStringLiteral("--db"),
            QStringLiteral("sqlite:") + m_dir.filePath(QStringLiteral("never.db")), QStringLiteral("--listen"),
            QStringLiteral("127.0.0.1:0")};
        QCOMPARE(command.run(serve + QStringList {QStringLiteral("--config"), config}), 1);
        errStream.flush();
        QVERIFY2(err.contains(QLatin1String("--call-ring-seconds")), qPrintable(err));
        err.clear();
        // The command line wins over the file; then the missing folder refuses the start.
        QCOMPARE(command.run(serve
                     + QStringList {QStringLiteral("--config"), config, QStringLiteral("--call-ring-seconds"), QStringLiteral("20"),
                         QStringLiteral("--call-instructions"), dir.filePath(QStringLiteral("none"))}),
            1);
        errStream.flush();
        QVERIFY2(
            err.contains(QLatin1String("--call-instructions")) && !err.contains(QLatin1String("--call-ring-seconds")), qPrintable(err));
        QVERIFY(!QFile::exists(m_dir.filePath(QStringLiteral("never.db"))));
    }

    void userWithoutPhone()
    {
        const QJsonObject started = startCall();
        QCOMPARE(started.value(QLatin1String("step")).toString(), QStringLiteral("failed"));
        QCOMPARE(started.value(QLatin1String("reasonCode")).toString(), QStringLiteral("no-phone"));
        QCOMPARE(
            job(started.value(QLatin1String("id")).toString()).value(QLatin1String("reasonCode")).toString(), QStringLiteral("no-phone"));
    }

    void requestsAreChecked()
    {
        // No user, an unknown user, an unknown prompt, an unknown job.
        ApiResponse r
            = m_admin.write("POST", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(m_prompt)), {{QStringLiteral("x"), 1}}, {});
        QCOMPARE(r.status, 422);
        r = m_admin.write(
            "POST", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(m_prompt)), {{QStringLiteral("userId"), uuid()}}, {});
        QCOMPARE(r.status, 422);
        r = m_admin.write(
            "POST", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(uuid())), {{QStringLiteral("userId"), m_user}}, {});
        QCOMPARE(r.status, 404);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/call-jobs/") + uuid())).status, 404);
        QCOMPARE(m_admin.call("PUT", m_admin.org(QStringLiteral("/prompts/%1/record-call").arg(m_prompt))).status, 405);
    }
};

QTEST_GUILESS_MAIN(TestRecordCall)
#include "tst_record_call.moc"
