#pragma once

#include "devices/PhoneReloader.h"
#include "sip/SipNotifier.h"

namespace centrale {

// Reloads phones for real: a check-sync SIP NOTIFY through SipNotifier (libosip2).
class SipPhoneReloader final : public PhoneReloader {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SipPhoneReloader)
public:
    explicit SipPhoneReloader(QObject *parent = nullptr);
    void setTimers(const SipTimers &timers) { m_notifier.setTimers(timers); }
    // RFC 3261 timers, with T1 from CENTRALE_SIP_T1_MS when set (tests shorten the wait for a phone that does not answer).
    static SipTimers timersFromEnvironment();

    quint64 reload(const ReloadRequest &request) override;
    ReloadResult reloadAndWait(const ReloadRequest &request) override;

private:
    static SipReloadTarget targetOf(const ReloadRequest &request);
    static ReloadResult resultOf(const SipReloadResult &result);

    SipNotifier m_notifier;
};

} // namespace centrale
