#include "devices/PhoneReloadQueue.h"

#include "devices/PhoneProvisioning.h"
#include "store/Store.h"

#include <QLoggingCategory>
#include <QTimer>

Q_LOGGING_CATEGORY(lcReload, "centrale.phones.reload")

namespace centrale {

QString PhoneReloadOutcome::stateText(State state)
{
    switch (state) {
    case State::Reloaded: return PhoneReloadQueue::tr("reloaded");
    case State::Refused: return PhoneReloadQueue::tr("refused");
    case State::NoAnswer: return PhoneReloadQueue::tr("no answer");
    case State::Waiting: return PhoneReloadQueue::tr("changes waiting");
    case State::Failed: return PhoneReloadQueue::tr("failed");
    }
    return {};
}

PhoneReloadQueue::PhoneReloadQueue(Store &store, const RendererRegistry &registry, PhoneReloader &reloader, QString provisioningDirectory,
                                   QObject *parent)
    : QObject(parent), m_store(store), m_registry(registry), m_reloader(reloader), m_directory(std::move(provisioningDirectory))
{
    qRegisterMetaType<centrale::ReloadResult>();
    qRegisterMetaType<centrale::PhoneReloadOutcome>();
    connect(&m_reloader, &PhoneReloader::finished, this, &PhoneReloadQueue::onFinished);
}

bool PhoneReloadQueue::prepare(const QString &phoneId, PhoneReloadOutcome &outcome, ReloadRequest &request)
{
    outcome = {};
    outcome.phoneId = phoneId;
    auto phone = m_store.phones.get(phoneId);
    if (!phone) {
        outcome.state = PhoneReloadOutcome::State::Failed;
        outcome.message = phone.error().message;
        return false;
    }
    outcome.mac = phone->mac;
    PhoneProvisioning provisioning(m_store, m_registry);
    auto written = provisioning.write(*phone, m_directory);
    if (!written) {
        outcome.state = PhoneReloadOutcome::State::Failed;
        outcome.message = written.error().message;
        return false;
    }
    auto r = provisioning.reloadRequest(*phone);
    if (!r) {
        outcome.state = PhoneReloadOutcome::State::Waiting;
        outcome.message = r.error().message;
        return false;
    }
    request = *r;
    return true;
}

void PhoneReloadQueue::conclude(PhoneReloadOutcome &outcome, const ReloadResult &result)
{
    switch (result.outcome) {
    case ReloadResult::Outcome::Reloaded: outcome.state = PhoneReloadOutcome::State::Reloaded; break;
    case ReloadResult::Outcome::Refused: outcome.state = PhoneReloadOutcome::State::Refused; break;
    case ReloadResult::Outcome::NoAnswer: outcome.state = PhoneReloadOutcome::State::NoAnswer; break;
    case ReloadResult::Outcome::Error: outcome.state = PhoneReloadOutcome::State::Waiting; break;
    }
    outcome.message = result.message;
    if (outcome.state == PhoneReloadOutcome::State::Reloaded) {
        if (Status s = m_store.phones.setPendingPush(outcome.phoneId, false); !s) {
            qCWarning(lcReload) << "cannot clear the waiting changes of" << outcome.mac << s.error().message;
        }
    }
    qCInfo(lcReload) << outcome.mac << PhoneReloadOutcome::stateText(outcome.state) << result.statusCode;
}

PhoneReloadOutcome PhoneReloadQueue::reloadAndWait(const QString &phoneId)
{
    PhoneReloadOutcome outcome;
    ReloadRequest request;
    if (prepare(phoneId, outcome, request))
        conclude(outcome, m_reloader.reloadAndWait(request));
    return outcome;
}

void PhoneReloadQueue::start(const QStringList &phoneIds)
{
    if (m_running)
        return;
    m_pending = phoneIds;
    m_outcomes.clear();
    m_total = int(phoneIds.size());
    m_running = true;
    m_cancelled = false;
    m_requestId = 0;
    Q_EMIT progress(0, m_total);
    // Not from within start(): the caller connects and shows its progress first.
    QTimer::singleShot(0, this, &PhoneReloadQueue::next);
}

void PhoneReloadQueue::cancel()
{
    if (!m_running)
        return;
    m_cancelled = true;
    if (m_requestId == 0)
        QTimer::singleShot(0, this, &PhoneReloadQueue::next);
}

void PhoneReloadQueue::record(const PhoneReloadOutcome &outcome)
{
    m_outcomes << outcome;
    Q_EMIT phoneFinished(outcome);
    Q_EMIT progress(int(m_outcomes.size()), m_total);
}

void PhoneReloadQueue::next()
{
    if (!m_running || m_requestId != 0)
        return;
    while (!m_pending.isEmpty()) {
        const QString id = m_pending.takeFirst();
        PhoneReloadOutcome outcome;
        if (m_cancelled) {
            outcome.phoneId = id;
            if (auto phone = m_store.phones.get(id))
                outcome.mac = phone->mac;
            outcome.state = PhoneReloadOutcome::State::Waiting;
            outcome.message = tr("Cancelled before the phone was asked; its changes wait.");
            record(outcome);
            continue;
        }
        ReloadRequest request;
        if (!prepare(id, outcome, request)) {
            record(outcome);
            continue;
        }
        m_current = outcome;
        m_requestId = m_reloader.reload(request);
        return; // onFinished() goes on
    }
    m_running = false;
    Q_EMIT finished(m_outcomes);
}

void PhoneReloadQueue::onFinished(quint64 requestId, const ReloadResult &result)
{
    if (!m_running || requestId != m_requestId)
        return;
    m_requestId = 0;
    conclude(m_current, result);
    record(m_current);
    next();
}

} // namespace centrale
