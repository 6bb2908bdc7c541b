#include "MessageTemplates.h"

#include <QLocale>
#include <QRegularExpression>
#include <QUrl>

namespace centrale::server {

MessageTemplates::MessageTemplates(MessageLinks links, QTimeZone zone)
    : m_links(std::move(links)), m_zone(zone.isValid() ? zone : QTimeZone::utc())
{
}

MessageTemplates::~MessageTemplates() = default;

QString MessageTemplates::supportedLanguage(const QString &language)
{
    const QString code = language.left(2).toLower();
    return code == QLatin1String("fr") || code == QLatin1String("nl") ? code : QStringLiteral("en");
}

const QTranslator *MessageTemplates::translator(const QString &language) const
{
    auto it = m_translators.find(language);
    if (it == m_translators.end()) {
        auto t = std::make_unique<QTranslator>();
        if (!t->load(QStringLiteral(":/i18n/centrale_%1.qm").arg(language)))
            t.reset();
        it = m_translators.emplace(language, std::move(t)).first;
    }
    return it->second.get();
}

QString MessageTemplates::text(const QString &language, const char *source) const
{
    const QTranslator *t = translator(language);
    const QString translated = t ? t->translate("MessageTemplates", source) : QString();
    return translated.isEmpty() ? QString::fromUtf8(source) : translated;
}

QString MessageTemplates::html(const QStringList &paragraphs, const QString &language) const
{
    static const QRegularExpression link(QStringLiteral("(https?://[^\\s<]+)"));
    QString body;
    for (const QString &p : paragraphs) {
        QString escaped = p.toHtmlEscaped();
        escaped.replace(link, QStringLiteral("<a href=\"\\1\">\\1</a>"));
        escaped.replace(QLatin1Char('\n'), QLatin1String("<br>\n"));
        body += QStringLiteral("<p>") + escaped + QStringLiteral("</p>\n");
    }
    return QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\">\n<head><meta charset=\"utf-8\"></head>\n<body>\n%2</body>\n</html>\n")
        .arg(language, body);
}

MessageContent MessageTemplates::render(const MessageFacts &facts) const
{
    const QString lang = supportedLanguage(facts.language);
    const QLocale locale(lang == QLatin1String("en") ? QStringLiteral("en_GB") : lang + QStringLiteral("_BE"));
    const QDateTime expires = facts.expiresAt.toTimeZone(m_zone);
    const QString longExpiry = locale.toString(expires, QStringLiteral("d MMMM yyyy, HH:mm"));
    const QString shortExpiry = locale.toString(expires, QStringLiteral("dd/MM HH:mm"));
    const QString name = facts.displayName.trimmed().isEmpty() ? facts.username : facts.displayName.trimmed();
    const QString org = facts.orgName.isEmpty() ? facts.username.mid(facts.username.indexOf(QLatin1Char('@')) + 1) : facts.orgName;
    const QString resetLink = m_links.portalUrl.isEmpty()
        ? QString()
        : m_links.portalUrl + (m_links.portalUrl.endsWith(QLatin1Char('/')) ? QString() : QStringLiteral("/"))
            + QStringLiteral("reset-password?code=") + QString::fromLatin1(QUrl::toPercentEncoding(facts.code));

    MessageContent c;
    QStringList paragraphs {text(lang, QT_TR_NOOP("Hello %1,")).arg(name)};
    // How to choose the password: the same in every message.
    QStringList codeLines;
    if (!resetLink.isEmpty())
        codeLines << text(lang, QT_TR_NOOP("To choose your password, open this link: %1")).arg(resetLink);
    codeLines << text(lang, QT_TR_NOOP("Your one-time code: %1")).arg(facts.code)
              << text(lang, QT_TR_NOOP("It can be used once and expires on %1.")).arg(longExpiry);

    if (facts.kind == QLatin1String("password-reset")) {
        c.subject = text(lang, QT_TR_NOOP("%1: your code to choose a new password")).arg(org);
        paragraphs << text(lang, QT_TR_NOOP("A new password was requested for your %1 account %2.")).arg(org, facts.username)
                   << codeLines.join(QLatin1Char('\n'))
                   << text(lang, QT_TR_NOOP("If you did not ask for it, ignore this message: your password does not change."));
        c.sms = text(lang,
            QT_TR_NOOP("%1: your code to choose a new password is %2, valid until %3. If you did not ask for it, ignore this message."))
                    .arg(org, facts.code, shortExpiry);
    } else {
        QString downloadUrl;
        QString accessName;
        if (facts.access == QLatin1String("mobile")) {
            c.subject = text(lang, QT_TR_NOOP("%1: set up the mobile telephony app")).arg(org);
            paragraphs << text(
                lang, QT_TR_NOOP("%1 has opened your access to its mobile telephony app: your business number on your smartphone."))
                              .arg(org);
            paragraphs << (m_links.mobileAppUrl.isEmpty()
                    ? text(lang, QT_TR_NOOP("Your administrator will tell you which app to install on your smartphone."))
                    : text(lang, QT_TR_NOOP("Download the app on your smartphone: %1")).arg(m_links.mobileAppUrl));
            paragraphs << text(lang, QT_TR_NOOP("Open the app, sign in with your username and choose your password with the code below."));
            downloadUrl = m_links.mobileAppUrl;
            accessName = text(lang, QT_TR_NOOP("mobile app"));
        } else if (facts.access == QLatin1String("softphone")) {
            c.subject = text(lang, QT_TR_NOOP("%1: install the PC softphone")).arg(org);
            paragraphs
                << text(lang, QT_TR_NOOP("%1 has opened your access to its softphone: your business number on your computer.")).arg(org);
            paragraphs << (m_links.softphoneUrl.isEmpty()
                    ? text(lang, QT_TR_NOOP("Your administrator will tell you where to download the softphone."))
                    : text(lang, QT_TR_NOOP("Download the softphone for your computer: %1")).arg(m_links.softphoneUrl));
            paragraphs << text(lang, QT_TR_NOOP("Install it, sign in with your username and choose your password with the code below."));
            downloadUrl = m_links.softphoneUrl;
            accessName = text(lang, QT_TR_NOOP("PC softphone"));
        } else {
            c.subject = text(lang, QT_TR_NOOP("%1: your access to the telephony web portal")).arg(org);
            paragraphs << text(lang,
                QT_TR_NOOP("%1 has opened your access to its telephony web portal, where you manage your calls, "
                           "voicemail and settings."))
                              .arg(org);
            paragraphs << (m_links.portalUrl.isEmpty() ? text(lang, QT_TR_NOOP("Your administrator will tell you the portal's address."))
                                                       : text(lang, QT_TR_NOOP("Sign in at %1")).arg(m_links.portalUrl));
            downloadUrl = m_links.portalUrl;
            accessName = text(lang, QT_TR_NOOP("web portal"));
        }
        paragraphs << text(lang, QT_TR_NOOP("Your username: %1")).arg(facts.username) << codeLines.join(QLatin1Char('\n'));
        c.sms
            = text(lang, QT_TR_NOOP("%1 welcomes you to its telephony %2. Username: %3. Code to choose your password: %4, valid until %5."))
                  .arg(org, accessName, facts.username, facts.code, shortExpiry);
        if (!downloadUrl.isEmpty())
            c.sms += QLatin1Char(' ') + text(lang, QT_TR_NOOP("Start here: %1")).arg(downloadUrl);
    }
    paragraphs << text(lang, QT_TR_NOOP("For your security, nobody from %1 will ever ask you for your password.")).arg(org);
    c.text = paragraphs.join(QStringLiteral("\n\n")) + QLatin1Char('\n');
    c.html = html(paragraphs, lang);
    return c;
}

} // namespace centrale::server
