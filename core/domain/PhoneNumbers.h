#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

namespace centrale {

// Parsing, validation and formatting of phone numbers, through libphonenumber.
class PhoneNumbers final {
    Q_DECLARE_TR_FUNCTIONS(PhoneNumbers)
public:
    enum class Kind { Any, Mobile };

    // "0475 12 34 56" -> "+32475123456". An error says why the number is not valid.
    static Result<QString> toE164(const QString &input, Kind kind = Kind::Any,
                                  const QString &region = defaultRegion());
    // "+32475123456" -> "+32 475 12 34 56"; returns the input unchanged if it cannot be parsed.
    static QString formatInternational(const QString &e164);
    static bool isMobile(const QString &e164);
    static QString defaultRegion();
};

} // namespace centrale
