#pragma once

#include "CallInstructions.h"
#include "common/Result.h"

#include <QByteArray>
#include <QObject>
#include <QString>

#include <memory>
#include <optional>

namespace centrale::server {

struct RecordCallOptions {
    int ringTimeoutMs = 30000; // then the call ends as "no answer"
    int maxRecordMs = 5 * 60 * 1000; // a longer message is cut there and kept
    int minRecordMs = 500; // the contract's shortest prompt
    int beepMs = 400;
    // The spoken instruction played before the beep, in the called user's language; unset: the
    // recordings built into the server.
    std::optional<CallInstructions> instructions;
    // The address the server's SIP and RTP sockets bind to; empty: the one that reaches the phone.
    QString localAddress;
};

// Calls a phone over SIP (libre: sipsess, sdp, rtp, telev), plays the instruction and a beep, and
// records what the person says as G.711 A-law RTP until they hang up or press # (RFC 4733). libre
// runs its own event loop in a thread this object owns; what happens there comes back to this
// object's thread as queued signals. One object may run several calls at once.
class CallRecorder final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallRecorder)
public:
    explicit CallRecorder(RecordCallOptions options, QObject *parent = nullptr);
    ~CallRecorder() override;

    // Starts calling sip:userPart@host:port for job; answers at once, the call goes on in the background.
    // The phone hears instructionAlaw (A-law, 8 kHz, mono; empty: nothing), then the beep.
    Status call(const QString &job, const QString &host, quint16 port, const QString &userPart, const QByteArray &instructionAlaw);

    // G.711 A-law, as the phone sends it (ITU-T G.711 segment tables).
    static quint8 alawFromLinear(qint16 sample);
    static qint16 linearFromAlaw(quint8 alaw);

Q_SIGNALS:
    // step: "ringing" or "recording"; recordedMs grows while recording.
    void progress(const QString &job, const QString &step, qint64 recordedMs);
    // The A-law samples said after the beep; the call has ended.
    void recorded(const QString &job, const QByteArray &alaw);
    // reasonCode as in the contract's CallJob: no-answer, busy, rejected, hung-up-before-beep, too-short, internal.
    void failed(const QString &job, const QString &reasonCode);

private:
    struct Engine;
    RecordCallOptions m_options;
    std::unique_ptr<Engine> m_engine;
};

} // namespace centrale::server
