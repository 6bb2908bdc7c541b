#pragma once

#include "domain/User.h"

#include <QCoreApplication>
#include <QList>

namespace centrale {

// The portal's "Send welcome message": for each chosen access, how to sign in or install the app,
// sent to the user by email or, failing that, by SMS. The server sends it; the desktop queues the request.
class WelcomeMessage final {
    Q_DECLARE_TR_FUNCTIONS(WelcomeMessage)
public:
    enum class Channel { Web, Mobile, Softphone };
    enum class Via { Email, Sms, None };

    // Where one user's message for one access will go, or why it cannot be sent.
    struct Delivery {
        QString userId;
        QString userName;
        Channel channel = Channel::Web;
        Via via = Via::None;
        QString address; // the email address or the E.164 mobile number
        QString problem; // translated; set when via is None
    };

    static QList<Channel> channels() { return {Channel::Web, Channel::Mobile, Channel::Softphone}; }
    static QString channelName(Channel channel); // stable: web, mobile, softphone
    static QString channelLabel(Channel channel); // translated
    static QString viaName(Via via);              // stable: email, sms, none
    // The mobile app's message goes by SMS to the phone it is for when there is a mobile number;
    // the others by email when there is an address; each falls back on the other.
    static Delivery plan(const User &user, Channel channel);
};

} // namespace centrale
