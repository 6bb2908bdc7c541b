#pragma once

#include "devices/PhoneReloader.h"

#include <QCoreApplication>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

namespace centrale {

class RendererRegistry;
class Store;

// What happened to one phone on "Save and reload".
struct PhoneReloadOutcome {
    enum class State {
        Reloaded, // the phone accepted: it fetches its new settings
        Refused,  // the phone answered with an error (wrong credentials, not allowed)
        NoAnswer, // nothing answered in time
        Waiting,  // not sent (no SIP address, no way to send, cancelled): the change stays queued
        Failed,   // the provisioning file could not be written
    };
    QString phoneId;
    QString mac;
    State state = State::Waiting;
    QString message; // translated: why, in plain words

    // "reloaded", "refused", "no answer", "changes waiting", "failed", translated.
    static QString stateText(State state);
    // The command line's exit status: 0 reloaded, 1 anything else.
};

// "Save and reload" for one or many phones: writes each phone's provisioning file, asks it to
// reload, and records the outcome. A phone that reloaded has no changes waiting any more; every
// other phone keeps them, so that nothing is lost. Phones are done one after the other.
class PhoneReloadQueue final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PhoneReloadQueue)
public:
    PhoneReloadQueue(Store &store, const RendererRegistry &registry, PhoneReloader &reloader, QString provisioningDirectory,
                     QObject *parent = nullptr);

    // Starts with these phones; progress(), phoneFinished() and at the end finished().
    void start(const QStringList &phoneIds);
    // Stops after the phone in flight: the phones not yet asked are "changes waiting".
    void cancel();
    bool isRunning() const { return m_running; }
    // One phone, waiting for the answer (the command line).
    PhoneReloadOutcome reloadAndWait(const QString &phoneId);
    QList<PhoneReloadOutcome> outcomes() const { return m_outcomes; }

Q_SIGNALS:
    void progress(int done, int total);
    void phoneFinished(const centrale::PhoneReloadOutcome &outcome);
    void finished(const QList<centrale::PhoneReloadOutcome> &outcomes);

private:
    // Writes the file and builds the request; returns false with outcome filled when not sending.
    bool prepare(const QString &phoneId, PhoneReloadOutcome &outcome, ReloadRequest &request);
    void conclude(PhoneReloadOutcome &outcome, const ReloadResult &result);
    void next();
    void onFinished(quint64 requestId, const centrale::ReloadResult &result);
    void record(const PhoneReloadOutcome &outcome);

    Store &m_store;
    const RendererRegistry &m_registry;
    PhoneReloader &m_reloader;
    QString m_directory;
    QStringList m_pending;
    QList<PhoneReloadOutcome> m_outcomes;
    PhoneReloadOutcome m_current;
    quint64 m_requestId = 0;
    int m_total = 0;
    bool m_running = false;
    bool m_cancelled = false;
};

} // namespace centrale

Q_DECLARE_METATYPE(centrale::PhoneReloadOutcome)
