#include "devices/PhoneReloader.h"

#include <QCoreApplication>
#include <QTimer>

namespace centrale {

ReloadResult UnavailableReloader::result()
{
    ReloadResult r;
    r.outcome = ReloadResult::Outcome::Error;
    r.message = QCoreApplication::translate("centrale::PhoneReloader", "This version of Centrale cannot send SIP requests; the change stays queued for the phone.");
    return r;
}

quint64 UnavailableReloader::reload(const ReloadRequest &)
{
    const quint64 id = ++m_next;
    QTimer::singleShot(0, this, [this, id] { Q_EMIT finished(id, result()); });
    return id;
}

ReloadResult UnavailableReloader::reloadAndWait(const ReloadRequest &)
{
    return result();
}

} // namespace centrale
