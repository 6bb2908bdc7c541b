#pragma once

#include <QMetaType>
#include <QObject>
#include <QString>

#include <memory>

namespace centrale {

// Where to send "check-sync" and how to answer a digest challenge.
struct SipReloadTarget {
    QString host; // IP address or host name of the phone
    quint16 port = 5060;
    QString userPart; // user part of the Request-URI (e.g. the phone's SIP user or MAC); may be empty
    QString authUser; // credentials for a 401/407 digest challenge; empty = none
    QString authPassword;
    QString vendor; // "yealink", "snom", "polycom", ... chooses the Event header variant
};

struct SipReloadResult {
    enum class Outcome { Reloaded, Refused, NoAnswer, Error };
    Outcome outcome = Outcome::Error;
    int statusCode = 0; // final SIP status, 0 when none arrived
    QString reasonPhrase; // as received
    QString message; // translated, plain words for the administrator
};

// RFC 3261 timers in milliseconds: Timer E starts at T1 and doubles up to T2, Timer F = 64*T1,
// Timer K = T4. Tests shorten T1.
struct SipTimers {
    int t1Ms = 500;
    int t2Ms = 4000;
    int t4Ms = 5000;
};

class SipNotifierPrivate;

// Asks SIP phones to fetch their provisioning again: an out-of-dialog NOTIFY with
// "Event: check-sync" over UDP, as a non-INVITE client transaction of libosip2. One socket per
// address family serves every request in flight; responses find their transaction by its branch.
class SipNotifier final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SipNotifier)
public:
    explicit SipNotifier(QObject *parent = nullptr);
    ~SipNotifier() override;

    void setTimers(const SipTimers &timers);
    SipTimers timers() const;

    // Starts an out-of-dialog NOTIFY (Event: check-sync) to the target; finished() is emitted
    // exactly once per id, later, from the event loop.
    quint64 checkSync(const SipReloadTarget &target);
    // For the command line: runs a local event loop until the outcome is known.
    SipReloadResult checkSyncAndWait(const SipReloadTarget &target);

    // Requests whose outcome is not known yet.
    int pendingCount() const;

    // The Event header value sent to a phone of this vendor.
    static QString eventHeaderFor(const QString &vendor);
    // A short name for the outcome, for logs and JSON ("reloaded", "refused", "no-answer", "error").
    static QString outcomeName(SipReloadResult::Outcome outcome);

Q_SIGNALS:
    void finished(quint64 requestId, const centrale::SipReloadResult &result);

private:
    friend class SipNotifierPrivate;
    std::unique_ptr<SipNotifierPrivate> m_d;
};

} // namespace centrale

Q_DECLARE_METATYPE(centrale::SipReloadResult)
