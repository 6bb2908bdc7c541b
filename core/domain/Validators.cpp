#include "domain/Validators.h"

#include <QRegularExpression>

namespace centrale {

namespace {

const QRegularExpression &domainPattern()
{
    // Labels of letters, digits and hyphens (not at either end), at least two labels, alphabetic TLD.
    static const QRegularExpression re(
        QStringLiteral(R"(^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$)"),
        QRegularExpression::CaseInsensitiveOption);
    return re;
}

const QRegularExpression &localPartPattern()
{
    static const QRegularExpression re(QStringLiteral(R"(^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$)"));
    return re;
}

} // namespace

Status Validators::domain(const QString &domain)
{
    if (domain.isEmpty())
        return Error::invalid(tr("The domain is empty; enter one such as domaincustomer.be."), QStringLiteral("domain"));
    if (!domainPattern().match(domain).hasMatch())
        return Error::invalid(tr("%1 is not a valid domain; enter one such as domaincustomer.be.").arg(domain),
                              QStringLiteral("domain"));
    return {};
}

Status Validators::email(const QString &email, const QString &field)
{
    if (email.isEmpty())
        return {};
    const qsizetype at = email.lastIndexOf(QLatin1Char('@'));
    if (at <= 0 || at == email.size() - 1 || email.size() > 254)
        return Error::invalid(tr("%1 is not a valid email address; it must look like name@example.be.").arg(email), field);
    const QString local = email.left(at);
    const QString host = email.mid(at + 1);
    if (local.size() > 64 || !localPartPattern().match(local).hasMatch())
        return Error::invalid(tr("%1 is not a valid email address: the part before @ contains characters that are not allowed.").arg(email), field);
    if (!domainPattern().match(host).hasMatch())
        return Error::invalid(tr("%1 is not a valid email address: %2 is not a valid domain.").arg(email, host), field);
    return {};
}

Status Validators::username(const QString &username, const QString &organisationDomain)
{
    const QString field = QStringLiteral("username");
    if (username.isEmpty())
        return Error::invalid(tr("The username is empty; it must look like user.1@%1.").arg(organisationDomain), field);
    const qsizetype at = username.lastIndexOf(QLatin1Char('@'));
    if (at <= 0)
        return Error::invalid(tr("%1 is not a valid username; it must look like user.1@%2.").arg(username, organisationDomain), field);
    const QString local = username.left(at);
    const QString host = username.mid(at + 1);
    // Stricter than an email address: what the message below promises.
    static const QRegularExpression usernameLocal(QStringLiteral(R"(^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$)"));
    if (local.size() > 64 || !usernameLocal.match(local).hasMatch())
        return Error::invalid(tr("%1 is not a valid username: the part before @ may contain only letters, digits and . _ -").arg(username), field);
    if (host.compare(organisationDomain, Qt::CaseInsensitive) != 0)
        return Error::invalid(tr("%1 is not a valid username: it must end with @%2, the organisation's domain.").arg(username, organisationDomain), field);
    return {};
}

Status Validators::requiredText(const QString &value, const QString &label, const QString &field, int maxLength)
{
    if (value.trimmed().isEmpty())
        //: %1 is a field label such as "Name"
        return Error::invalid(tr("%1 is required.").arg(label), field);
    return optionalText(value, label, field, maxLength);
}

Status Validators::optionalText(const QString &value, const QString &label, const QString &field, int maxLength)
{
    if (value.size() > maxLength)
        return Error::invalid(tr("%1 is too long: %2 characters, at most %3.").arg(label).arg(value.size()).arg(maxLength), field);
    for (const QChar c : value) {
        if (c.category() == QChar::Other_Control)
            return Error::invalid(tr("%1 contains a control character; remove it.").arg(label), field);
    }
    return {};
}

Status Validators::language(const QString &code)
{
    static const QStringList known = {QStringLiteral("fr"), QStringLiteral("nl"), QStringLiteral("en")};
    if (!known.contains(code))
        return Error::invalid(tr("%1 is not a supported language; choose fr, nl or en.").arg(code), QStringLiteral("language"));
    return {};
}

Status Validators::pin(const QString &pin)
{
    static const QRegularExpression digits(QStringLiteral("^[0-9]{4,8}$"));
    if (!digits.match(pin).hasMatch())
        return Error::invalid(tr("The PIN must be 4 to 8 digits."), QStringLiteral("pin"));
    return {};
}

Status Validators::password(const QString &password, const QString &username)
{
    if (password.size() < 10)
        return Error::invalid(tr("The password must have at least 10 characters."), QStringLiteral("password"));
    bool letter = false;
    bool digit = false;
    for (const QChar c : password) {
        letter = letter || c.isLetter();
        digit = digit || c.isDigit();
    }
    if (!letter || !digit)
        return Error::invalid(tr("The password must contain at least one letter and one digit."), QStringLiteral("password"));
    const QString local = username.section(QLatin1Char('@'), 0, 0);
    if (!username.isEmpty() && (password.compare(username, Qt::CaseInsensitive) == 0
                                || (local.size() >= 4 && password.contains(local, Qt::CaseInsensitive))))
        return Error::invalid(tr("The password must not contain the username."), QStringLiteral("password"));
    return {};
}

} // namespace centrale
