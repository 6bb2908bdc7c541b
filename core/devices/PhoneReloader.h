#pragma once

#include <QObject>
#include <QString>

namespace centrale {

// Where to send a reload request (an out-of-dialog SIP NOTIFY, Event: check-sync) and how to
// answer the phone's digest challenge.
struct ReloadRequest {
    QString host;
    quint16 port = 5060;
    QString userPart;     // the Request-URI's user part
    QString authUser;     // for a 401/407 challenge
    QString authPassword;
    QString vendor;       // "yealink", "snom", ...: some vendors take a variant of the event
};

struct ReloadResult {
    enum class Outcome { Reloaded, Refused, NoAnswer, Error };
    Outcome outcome = Outcome::Error;
    int statusCode = 0;   // the phone's final SIP status, 0 without one
    QString reasonPhrase;
    QString message;      // translated, for people
};

// Asks phones to fetch their provisioning file again. The SIP sender sits behind it, so that the
// command line, the panel and the tests do not depend on how the request travels.
class PhoneReloader : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Starts a request; finished() is emitted once for the returned id, never from within reload().
    virtual quint64 reload(const ReloadRequest &request) = 0;
    // Sends and waits for the outcome (the command line).
    virtual ReloadResult reloadAndWait(const ReloadRequest &request) = 0;

Q_SIGNALS:
    void finished(quint64 requestId, const centrale::ReloadResult &result);
};

// A reloader for where no SIP sender is available: every request ends in Error, and the phone's
// changes stay queued.
class UnavailableReloader final : public PhoneReloader {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnavailableReloader)
public:
    using PhoneReloader::PhoneReloader;
    quint64 reload(const ReloadRequest &request) override;
    ReloadResult reloadAndWait(const ReloadRequest &request) override;

private:
    static ReloadResult result();
    quint64 m_next = 0;
};

} // namespace centrale

Q_DECLARE_METATYPE(centrale::ReloadResult)
