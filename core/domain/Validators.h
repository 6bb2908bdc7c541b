#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace centrale {

// Field rules shared by several entities. Each error names the field and says what to fix.
class Validators final {
    Q_DECLARE_TR_FUNCTIONS(Validators)
public:
    static Status email(const QString &email, const QString &field = QStringLiteral("email"));
    // A username is name@domain, where domain is the organisation's domain.
    static Status username(const QString &username, const QString &organisationDomain);
    static Status domain(const QString &domain);
    static Status requiredText(const QString &value, const QString &label, const QString &field, int maxLength);
    static Status optionalText(const QString &value, const QString &label, const QString &field, int maxLength);
    static Status language(const QString &code);
    static Status pin(const QString &pin);
    // At least 10 characters, with a letter and a digit, and not the username or its first part.
    static Status password(const QString &password, const QString &username);
};

} // namespace centrale
