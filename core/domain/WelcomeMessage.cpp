#include "domain/WelcomeMessage.h"

#include "domain/PhoneNumbers.h"

namespace centrale {

QString WelcomeMessage::channelName(Channel channel)
{
    switch (channel) {
    case Channel::Web: return QStringLiteral("web");
    case Channel::Mobile: return QStringLiteral("mobile");
    case Channel::Softphone: return QStringLiteral("softphone");
    }
    return {};
}

QString WelcomeMessage::channelLabel(Channel channel)
{
    switch (channel) {
    case Channel::Web: return tr("Web", "welcome message: access to the web portal");
    case Channel::Mobile: return tr("Mobile", "welcome message: the smartphone app");
    case Channel::Softphone: return tr("Softphone", "welcome message: the PC softphone");
    }
    return {};
}

QString WelcomeMessage::viaName(Via via)
{
    switch (via) {
    case Via::Email: return QStringLiteral("email");
    case Via::Sms: return QStringLiteral("sms");
    case Via::None: return QStringLiteral("none");
    }
    return {};
}

WelcomeMessage::Delivery WelcomeMessage::plan(const User &user, Channel channel)
{
    Delivery d;
    d.userId = user.id;
    d.userName = user.displayName();
    d.channel = channel;
    const bool email = !user.email.isEmpty();
    const bool sms = !user.mobile.isEmpty();
    const bool preferSms = channel == Channel::Mobile;
    if (sms && (preferSms || !email)) {
        d.via = Via::Sms;
        d.address = PhoneNumbers::formatInternational(user.mobile);
    } else if (email) {
        d.via = Via::Email;
        d.address = user.email;
    } else {
        d.problem = tr("No email address or mobile number registered: add one to the user first.");
    }
    return d;
}

} // namespace centrale
