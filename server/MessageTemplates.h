#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QTimeZone>
#include <QTranslator>

#include <map>
#include <memory>

namespace centrale::server {

// What a message says, for one user: the facts the queue holds.
struct MessageFacts {
    QString kind; // welcome, password-reset
    QString access; // web, mobile, softphone (a welcome)
    QString language; // fr, nl, en: the user's
    QString orgName;
    QString displayName; // the user's first and last name; the username when empty
    QString username;
    QString code; // the one-time code to choose a password
    QDateTime expiresAt;
};

// Where the messages send people; each may be empty (then the text says to ask the administrator).
struct MessageLinks {
    QString portalUrl; // the web portal; the code link is PORTAL/reset-password?code=CODE
    QString mobileAppUrl; // where to download the mobile app
    QString softphoneUrl; // where to download the PC softphone
};

struct MessageContent {
    QString subject;
    QString text; // the e-mail's plain-text part
    QString html; // the same, as HTML
    QString sms; // the short form
};

// Every message the server sends, in one place so that the texts are easy to review: welcome
// messages per access and password-reset codes, in the user's language (fr, nl, en) with the
// organisation's name. Never a password: a one-time code that expires. The texts are extracted
// by lupdate (QT_TR_NOOP in this class, so the context is MessageTemplates) and translated with a
// translator of the user's language owned here, not the application's: the delivery thread
// renders French, Dutch and English side by side without touching what the API speaks.
class MessageTemplates final {
    Q_DECLARE_TR_FUNCTIONS(MessageTemplates)
    Q_DISABLE_COPY_MOVE(MessageTemplates)
public:
    explicit MessageTemplates(MessageLinks links = {}, QTimeZone zone = QTimeZone("Europe/Brussels"));
    ~MessageTemplates();

    MessageContent render(const MessageFacts &facts) const;
    // fr, nl or en: language when Centrale speaks it, else English.
    static QString supportedLanguage(const QString &language);

private:
    QString text(const QString &language, const char *source) const;
    QString html(const QStringList &paragraphs, const QString &language) const;
    const QTranslator *translator(const QString &language) const;

    MessageLinks m_links;
    QTimeZone m_zone;
    mutable std::map<QString, std::unique_ptr<QTranslator>> m_translators;
};

} // namespace centrale::server
