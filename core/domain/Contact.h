#pragma once

#include "domain/Record.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>

namespace centrale {

struct ContactNumber {
    QString label; // "Work", "Mobile", ...
    QString number; // E.164
    bool operator==(const ContactNumber &) const = default;
};

// A contact of the organisation, of one user group, or of one user.
struct Contact : Record {
    Q_DECLARE_TR_FUNCTIONS(Contact)
public:
    enum class Scope { Organisation, Group, User };

    Scope scope = Scope::Organisation;
    QString ownerId; // the group's or the user's id; empty for the organisation
    QString firstName;
    QString lastName;
    QString company;
    QString email;
    QList<ContactNumber> numbers;

    // Set by the effective-contacts query: where an inherited contact comes from.
    QString sourceName;

    QString displayName() const;
    static QString scopeName(Scope scope);  // stable: organisation|group|user
    static QString scopeLabel(Scope scope); // translated
    static Result<Scope> scopeFromName(const QString &name);

    Status normaliseAndValidate();
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<Contact> fromJson(const QJsonObject &json);
};

} // namespace centrale
