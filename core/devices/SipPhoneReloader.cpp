#include "devices/SipPhoneReloader.h"

namespace centrale {

SipPhoneReloader::SipPhoneReloader(QObject *parent) : PhoneReloader(parent)
{
    m_notifier.setTimers(timersFromEnvironment());
    connect(&m_notifier, &SipNotifier::finished, this,
            [this](quint64 id, const SipReloadResult &result) { Q_EMIT finished(id, resultOf(result)); });
}

SipTimers SipPhoneReloader::timersFromEnvironment()
{
    SipTimers timers;
    bool ok = false;
    const int t1 = qEnvironmentVariableIntValue("CENTRALE_SIP_T1_MS", &ok);
    if (ok && t1 > 0)
        timers.t1Ms = t1;
    return timers;
}

SipReloadTarget SipPhoneReloader::targetOf(const ReloadRequest &request)
{
    SipReloadTarget t;
    t.host = request.host;
    t.port = request.port;
    t.userPart = request.userPart;
    t.authUser = request.authUser;
    t.authPassword = request.authPassword;
    t.vendor = request.vendor;
    return t;
}

ReloadResult SipPhoneReloader::resultOf(const SipReloadResult &result)
{
    ReloadResult r;
    switch (result.outcome) {
    case SipReloadResult::Outcome::Reloaded: r.outcome = ReloadResult::Outcome::Reloaded; break;
    case SipReloadResult::Outcome::Refused: r.outcome = ReloadResult::Outcome::Refused; break;
    case SipReloadResult::Outcome::NoAnswer: r.outcome = ReloadResult::Outcome::NoAnswer; break;
    case SipReloadResult::Outcome::Error: r.outcome = ReloadResult::Outcome::Error; break;
    }
    r.statusCode = result.statusCode;
    r.reasonPhrase = result.reasonPhrase;
    r.message = result.message;
    return r;
}

quint64 SipPhoneReloader::reload(const ReloadRequest &request)
{
    return m_notifier.checkSync(targetOf(request));
}

ReloadResult SipPhoneReloader::reloadAndWait(const ReloadRequest &request)
{
    return resultOf(m_notifier.checkSyncAndWait(targetOf(request)));
}

} // namespace centrale
