#include "domain/PhoneNumbers.h"

#include <QRegularExpression>

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

#include <string>

namespace centrale {

using i18n::phonenumbers::PhoneNumber;
using i18n::phonenumbers::PhoneNumberUtil;

namespace {

PhoneNumberUtil &util()
{
    return *PhoneNumberUtil::GetInstance();
}

std::string toStd(const QString &s)
{
    return s.toStdString();
}

QString countryAdjective(int countryCode)
{
    switch (countryCode) {
    case 32: return PhoneNumbers::tr("Belgian");
    case 31: return PhoneNumbers::tr("Dutch");
    case 33: return PhoneNumbers::tr("French");
    case 352: return PhoneNumbers::tr("Luxembourg");
    case 49: return PhoneNumbers::tr("German");
    default: return {};
    }
}

QString invalid(const QString &input, int countryCode, const QString &reason)
{
    const QString adjective = countryAdjective(countryCode);
    if (adjective.isEmpty())
        return PhoneNumbers::tr("%1 is not a valid phone number: %2").arg(input, reason);
    //: %2 is a country adjective such as "Belgian"; %3 is the reason
    return PhoneNumbers::tr("%1 is not a valid %2 number: %3").arg(input, adjective, reason);
}

} // namespace

QString PhoneNumbers::defaultRegion()
{
    return QStringLiteral("BE");
}

Result<QString> PhoneNumbers::toE164(const QString &input, Kind kind, const QString &region)
{
    const QString trimmed = input.trimmed();
    if (trimmed.isEmpty())
        return Error::invalid(tr("The phone number is empty."));

    // Errors name the region's country only for a national number or one with the region's code.
    const int defaultCode = util().GetCountryCodeForRegion(toStd(region));
    const QString digits = QString(trimmed)
                               .remove(QRegularExpression(QStringLiteral("[^+0-9]")))
                               .replace(QRegularExpression(QStringLiteral("^00")), QStringLiteral("+"));
    const int regionCode =
        !digits.startsWith(QLatin1Char('+')) || digits.startsWith(QLatin1Char('+') + QString::number(defaultCode)) ? defaultCode : 0;
    // libphonenumber reads letters as keypad digits (an "o" typed for a "0" becomes a 6): refuse them
    // rather than store another number.
    static const QRegularExpression letters(QStringLiteral("\\p{L}"));
    if (trimmed.contains(letters))
        return Error::invalid(invalid(trimmed, regionCode, tr("it contains no phone number; use the format +32 …")));

    PhoneNumber number;
    const auto parsed = util().Parse(toStd(trimmed), toStd(region), &number);
    switch (parsed) {
    case PhoneNumberUtil::NO_PARSING_ERROR: break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE_ERROR:
        return Error::invalid(invalid(trimmed, 0, tr("the country code is not known; start with +32 or 0.")));
    case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
    case PhoneNumberUtil::TOO_SHORT_NSN:
        return Error::invalid(invalid(trimmed, regionCode, tr("it has too few digits.")));
    case PhoneNumberUtil::TOO_LONG_NSN:
        return Error::invalid(invalid(trimmed, regionCode, tr("it has too many digits.")));
    case PhoneNumberUtil::NOT_A_NUMBER:
    default:
        return Error::invalid(invalid(trimmed, regionCode, tr("it contains no phone number; use the format +32 …")));
    }

    const int cc = static_cast<int>(number.country_code());
    // E.164 cannot hold an extension: it would be dropped silently.
    if (number.has_extension())
        return Error::invalid(invalid(trimmed, cc, tr("it has too many digits.")));
    if (!util().IsValidNumber(number)) {
        switch (util().IsPossibleNumberWithReason(number)) {
        case PhoneNumberUtil::TOO_SHORT:
            return Error::invalid(invalid(trimmed, cc, tr("it has too few digits.")));
        case PhoneNumberUtil::TOO_LONG:
            return Error::invalid(invalid(trimmed, cc, tr("it has too many digits.")));
        case PhoneNumberUtil::INVALID_COUNTRY_CODE:
            return Error::invalid(invalid(trimmed, cc, tr("the country code is not known.")));
        default:
            return Error::invalid(invalid(trimmed, cc, tr("no such prefix or length is in use.")));
        }
    }
    if (kind == Kind::Mobile) {
        const auto type = util().GetNumberType(number);
        if (type != PhoneNumberUtil::MOBILE && type != PhoneNumberUtil::FIXED_LINE_OR_MOBILE)
            return Error::invalid(invalid(trimmed, cc, tr("it is not a mobile number (Belgian mobiles start with +324).")));
    }
    std::string out;
    util().Format(number, PhoneNumberUtil::E164, &out);
    return QString::fromStdString(out);
}

QString PhoneNumbers::formatInternational(const QString &e164)
{
    PhoneNumber number;
    if (e164.isEmpty() || util().Parse(toStd(e164), toStd(defaultRegion()), &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    std::string out;
    util().Format(number, PhoneNumberUtil::INTERNATIONAL, &out);
    return QString::fromStdString(out);
}

bool PhoneNumbers::isMobile(const QString &e164)
{
    PhoneNumber number;
    if (util().Parse(toStd(e164), toStd(defaultRegion()), &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return false;
    const auto type = util().GetNumberType(number);
    return type == PhoneNumberUtil::MOBILE || type == PhoneNumberUtil::FIXED_LINE_OR_MOBILE;
}

} // namespace centrale
