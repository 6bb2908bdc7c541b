// Domain validation: every validated field, with good and bad values.

#include "domain/Contact.h"
#include "domain/FunctionNumber.h"
#include "domain/PhoneNumbers.h"
#include "domain/ScheduleEvent.h"
#include "domain/ServiceSettings.h"
#include "domain/SipPhone.h"
#include "domain/User.h"
#include "domain/Validators.h"
#include "domain/VoicePrompt.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include "TestResult.h"

using namespace centrale;
using namespace Qt::StringLiterals;

namespace {

const QString kDomain = QStringLiteral("domaincustomer.be");

// A status is accepted, or refused as Invalid with the expected field at fault and a message.
#define VERIFY_VALIDATION(expr, expectOk, expectField)                                                                                     \
    do {                                                                                                                                   \
        const auto &res_ = (expr);                                                                                                         \
        if (expectOk) {                                                                                                                    \
            QVERIFY2(res_.ok(), errorText(res_).constData());                                                                              \
        } else {                                                                                                                           \
            QVERIFY2(!res_.ok(), "the value was accepted but should have been refused");                                                   \
            QCOMPARE(res_.error().code, ErrorCode::Invalid);                                                                               \
            QCOMPARE(res_.error().field, QString(expectField));                                                                            \
            QVERIFY(!res_.error().message.isEmpty());                                                                                      \
        }                                                                                                                                  \
    } while (false)

User validUser()
{
    User u;
    u.username = QStringLiteral("user.1@domaincustomer.be");
    u.firstName = QStringLiteral("Emma");
    u.lastName = QStringLiteral("Peeters");
    u.email = QStringLiteral("emma.peeters@domaincustomer.be");
    u.mobile = QStringLiteral("0475 12 34 56");
    u.language = QStringLiteral("nl");
    return u;
}

Contact validContact()
{
    Contact c;
    c.firstName = QStringLiteral("Jan");
    c.lastName = QStringLiteral("Janssens");
    c.numbers = {{QStringLiteral("Work"), QStringLiteral("02 300 00 00")}};
    return c;
}

ScheduleEvent validEvent()
{
    ScheduleEvent e;
    e.functionId = QStringLiteral("f1");
    e.title = QStringLiteral("Opening hours");
    e.start = QDateTime(QDate(2024, 1, 8), QTime(8, 30));
    e.end = QDateTime(QDate(2024, 1, 8), QTime(12, 30));
    return e;
}

SipPhone validPhone()
{
    SipPhone p;
    p.mac = QStringLiteral("00:04:13:aa:bb:cc");
    p.model = QStringLiteral("Snom D715"); // keys 1..4
    return p;
}

QString repeated(int n)
{
    return QString(n, QLatin1Char('a'));
}

} // namespace

class TestValidation final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void toE164_data();
    void toE164();
    void toE164Mobile_data();
    void toE164Mobile();
    void toE164ErrorNamesTheCountry_data();
    void toE164ErrorNamesTheCountry();
    void formatInternational_data();
    void formatInternational();
    void email_data();
    void email();
    void username_data();
    void username();
    void domain_data();
    void domain();
    void requiredText_data();
    void requiredText();
    void optionalText_data();
    void optionalText();
    void language_data();
    void language();
    void pin_data();
    void pin();
    void settingsRange_data();
    void settingsRange();
    void settingsJsonRoundTrip_data();
    void settingsJsonRoundTrip();
    void settingsJsonNames();
    void settingsFromJsonRejects_data();
    void settingsFromJsonRejects();
    void effectiveSettingPrecedence();
    void effectiveSettingFirstGroupWins();
    void user_data();
    void user();
    void userNormalises();
    void contact_data();
    void contact();
    void contactNormalises();
    void voicePrompt_data();
    void voicePrompt();
    void functionNumber_data();
    void functionNumber();
    void scheduleEvent_data();
    void scheduleEvent();
    void scheduleEventAllDay();
    void rrule_data();
    void rrule();
    void sipPhoneMac_data();
    void sipPhoneMac();
    void sipPhoneModel();
    void sipPhoneKeys_data();
    void sipPhoneKeys();
    void sipPhoneKeysNormalised();
};

// --- Phone numbers -------------------------------------------------------------------------------

void TestValidation::toE164_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected"); // empty = refused
    QTest::addColumn<QString>("reason"); // a part of the error message

    QTest::newRow("mobile, national") << u"0475 12 34 56"_s << u"+32475123456"_s << QString();
    QTest::newRow("mobile, dots and slash") << u"0475/12.34.56"_s << u"+32475123456"_s << QString();
    QTest::newRow("mobile, 0032") << u"0032 475 12 34 56"_s << u"+32475123456"_s << QString();
    QTest::newRow("mobile, E.164") << u"+32475123456"_s << u"+32475123456"_s << QString();
    QTest::newRow("Brussels, international") << u"+32 2 300 00 00"_s << u"+3223000000"_s << QString();
    QTest::newRow("Brussels, national") << u"02 300 00 00"_s << u"+3223000000"_s << QString();
    QTest::newRow("Gent") << u"09 330 00 00"_s << u"+3293300000"_s << QString();
    QTest::newRow("surrounding spaces") << u"  +32 2 300 00 00  "_s << u"+3223000000"_s << QString();
    QTest::newRow("French") << u"+33 1 42 68 53 00"_s << u"+33142685300"_s << QString();

    QTest::newRow("invalid prefix 041") << u"0412 34 56 78"_s << QString() << u"prefix"_s;
    QTest::newRow("invalid prefix 062") << u"+32 62 12 34 56"_s << QString() << u"prefix"_s;
    QTest::newRow("too short") << u"0475 12 34"_s << QString() << u"Belgian"_s;
    QTest::newRow("far too short") << u"0475 1"_s << QString() << u"too few digits"_s;
    QTest::newRow("too long") << u"0475 12 34 56 78"_s << QString() << u"too many digits"_s;
    QTest::newRow("letters only") << u"abc"_s << QString() << u"abc"_s;
    QTest::newRow("letters instead of digits") << u"0475 123 DEF"_s << QString() << u"use the format"_s;
    QTest::newRow("letter o for zero") << u"0475 12 34 5o"_s << QString() << u"use the format"_s;
    QTest::newRow("vanity") << u"+32 2 FLOWERS"_s << QString() << u"use the format"_s;
    QTest::newRow("extension") << u"0475 12 34 56 #12"_s << QString() << u"too many digits"_s;
    QTest::newRow("extension, ext") << u"0475 12 34 56 ext 12"_s << QString() << u"use the format"_s;
    QTest::newRow("unknown country code") << u"+999 123 456"_s << QString() << u"country code"_s;
    QTest::newRow("empty") << QString() << QString() << u"empty"_s;
    QTest::newRow("blank") << u"   "_s << QString() << u"empty"_s;
}

void TestValidation::toE164()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QFETCH(QString, reason);

    const auto result = PhoneNumbers::toE164(input);
    if (!expected.isEmpty()) {
        QVERIFY2(result.ok(), errorText(result).constData());
        QCOMPARE(*result, expected);
        // Normalising is idempotent.
        const auto again = PhoneNumbers::toE164(*result);
        QVERIFY(again.ok());
        QCOMPARE(*again, expected);
    } else {
        QVERIFY2(!result.ok(), qPrintable(u"accepted as "_s + (result.ok() ? *result : QString())));
        QCOMPARE(result.error().code, ErrorCode::Invalid);
        QVERIFY2(result.error().message.contains(reason, Qt::CaseInsensitive), qPrintable(result.error().message));
    }
}

void TestValidation::toE164Mobile_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("Proximus") << u"0475 12 34 56"_s << true;
    QTest::newRow("Orange") << u"+32 495 12 34 56"_s << true;
    QTest::newRow("Telenet") << u"0485 12 34 56"_s << true;
    QTest::newRow("Brussels fixed line") << u"+32 2 300 00 00"_s << false;
    QTest::newRow("Liege fixed line") << u"04 223 45 67"_s << false;
    QTest::newRow("invalid") << u"0475 12"_s << false;
}

void TestValidation::toE164Mobile()
{
    QFETCH(QString, input);
    QFETCH(bool, accepted);

    const auto result = PhoneNumbers::toE164(input, PhoneNumbers::Kind::Mobile);
    QCOMPARE(result.ok(), accepted);
    if (accepted) {
        QVERIFY(result->startsWith(u"+324"_s));
        QVERIFY(PhoneNumbers::isMobile(*result));
    } else {
        QCOMPARE(result.error().code, ErrorCode::Invalid);
    }
    // The same number is a valid number of any kind when it is a valid fixed line.
    if (input.contains(u"300 00 00"_s)) {
        QVERIFY(PhoneNumbers::toE164(input, PhoneNumbers::Kind::Any).ok());
        QVERIFY(result.error().message.contains(u"mobile"_s));
    }
}

void TestValidation::toE164ErrorNamesTheCountry_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("adjective"); // must appear
    QTest::addColumn<QString>("notExpected"); // must not appear

    QTest::newRow("+32 bad prefix") << u"+32 62 12 34 56"_s << u"Belgian"_s << QString();
    QTest::newRow("+32 too long") << u"+32 475 12 34 56 78"_s << u"Belgian"_s << QString();
    QTest::newRow("+32 too short") << u"+32 4"_s << u"Belgian"_s << QString();
    QTest::newRow("national too short") << u"02 30"_s << u"Belgian"_s << QString();
    QTest::newRow("+33 too short") << u"+33 1 23"_s << u"French"_s << u"Belgian"_s;
    QTest::newRow("+33 far too short") << u"+33 1"_s << QString() << u"Belgian"_s;
    QTest::newRow("+31 too long") << u"+31 20 123 456 789"_s << u"Dutch"_s << u"Belgian"_s;
}

void TestValidation::toE164ErrorNamesTheCountry()
{
    QFETCH(QString, input);
    QFETCH(QString, adjective);
    QFETCH(QString, notExpected);

    const auto result = PhoneNumbers::toE164(input);
    QVERIFY(!result.ok());
    const QString message = result.error().message;
    QVERIFY2(message.contains(input), qPrintable(message)); // says which number
    if (!adjective.isEmpty())
        QVERIFY2(message.contains(adjective), qPrintable(message));
    if (!notExpected.isEmpty())
        QVERIFY2(!message.contains(notExpected), qPrintable(message));
}

void TestValidation::formatInternational_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    QTest::newRow("mobile") << u"+32475123456"_s << u"+32 475 12 34 56"_s;
    QTest::newRow("Brussels") << u"+3223000000"_s << u"+32 2 300 00 00"_s;
    QTest::newRow("Gent") << u"+3293300000"_s << u"+32 9 330 00 00"_s;
    QTest::newRow("French") << u"+33142685300"_s << u"+33 1 42 68 53 00"_s;
    QTest::newRow("empty stays empty") << QString() << QString();
    QTest::newRow("unparseable stays as is") << u"not a number"_s << u"not a number"_s;
}

void TestValidation::formatInternational()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(PhoneNumbers::formatInternational(input), expected);
}

// --- Validators ----------------------------------------------------------------------------------

void TestValidation::email_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty is allowed") << QString() << true;
    QTest::newRow("simple") << u"jan@example.be"_s << true;
    QTest::newRow("dots and plus") << u"jan.peeters+crm@mail.example.be"_s << true;
    QTest::newRow("hyphen in domain") << u"info@domain-customer.be"_s << true;
    QTest::newRow("no at") << u"jan.example.be"_s << false;
    QTest::newRow("nothing before at") << u"@example.be"_s << false;
    QTest::newRow("nothing after at") << u"jan@"_s << false;
    QTest::newRow("no TLD") << u"jan@localhost"_s << false;
    QTest::newRow("space in local part") << u"jan peeters@example.be"_s << false;
    QTest::newRow("double dot") << u"jan..peeters@example.be"_s << false;
    QTest::newRow("leading dot") << u".jan@example.be"_s << false;
    QTest::newRow("bad domain") << u"jan@-example.be"_s << false;
    QTest::newRow("numeric TLD") << u"jan@example.123"_s << false;
    QTest::newRow("local part too long") << QString(repeated(65) + u"@example.be"_s) << false;
    // 64 + 1 + 191 characters: each part is within its limit, the whole is not.
    QTest::newRow("too long") << QString(repeated(64) + u"@"_s + repeated(62) + u"."_s + repeated(62) + u"."_s + repeated(62) + u".be"_s)
                              << false;
}

void TestValidation::email()
{
    QFETCH(QString, email);
    QFETCH(bool, valid);
    VERIFY_VALIDATION(Validators::email(email), valid, u"email"_s);
    // The field name is the caller's.
    VERIFY_VALIDATION(Validators::email(email, u"contactEmail"_s), valid, u"contactEmail"_s);
}

void TestValidation::username_data()
{
    QTest::addColumn<QString>("username");
    QTest::addColumn<bool>("valid");

    QTest::newRow("user.1") << u"user.1@domaincustomer.be"_s << true;
    QTest::newRow("hyphen and underscore") << u"jan-pieter_de.smet@domaincustomer.be"_s << true;
    QTest::newRow("domain in other case") << u"user.1@DomainCustomer.BE"_s << true;
    QTest::newRow("other domain") << u"user.1@example.be"_s << false;
    QTest::newRow("sub-domain") << u"user.1@sub.domaincustomer.be"_s << false;
    QTest::newRow("domain as suffix") << u"user.1@xdomaincustomer.be"_s << false;
    QTest::newRow("no domain") << u"user.1"_s << false;
    QTest::newRow("nothing before at") << u"@domaincustomer.be"_s << false;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << u"user 1@domaincustomer.be"_s << false;
    QTest::newRow("plus") << u"user+1@domaincustomer.be"_s << false;
    QTest::newRow("apostrophe") << u"o'brien@domaincustomer.be"_s << false;
    QTest::newRow("slash") << u"sales/1@domaincustomer.be"_s << false;
    QTest::newRow("two ats") << u"a@b@domaincustomer.be"_s << false;
    QTest::newRow("double dot") << u"user..1@domaincustomer.be"_s << false;
    QTest::newRow("local part too long") << QString(repeated(65) + u"@domaincustomer.be"_s) << false;
}

void TestValidation::username()
{
    QFETCH(QString, username);
    QFETCH(bool, valid);
    const Status s = Validators::username(username, kDomain);
    VERIFY_VALIDATION(s, valid, u"username"_s);
    if (!valid && username.contains(u"@example.be"_s))
        QVERIFY2(s.error().message.contains(u"@domaincustomer.be"_s), qPrintable(s.error().message));
}

void TestValidation::domain_data()
{
    QTest::addColumn<QString>("domain");
    QTest::addColumn<bool>("valid");

    QTest::newRow("domaincustomer.be") << u"domaincustomer.be"_s << true;
    QTest::newRow("sub-domain") << u"voice.domain-customer.be"_s << true;
    QTest::newRow("upper case") << u"DomainCustomer.BE"_s << true;
    QTest::newRow("digits") << u"123telecom.eu"_s << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("single label") << u"localhost"_s << false;
    QTest::newRow("leading hyphen") << u"-domain.be"_s << false;
    QTest::newRow("trailing hyphen") << u"domain-.be"_s << false;
    QTest::newRow("empty label") << u"domain..be"_s << false;
    QTest::newRow("trailing dot") << u"domain.be."_s << false;
    QTest::newRow("underscore") << u"domain_customer.be"_s << false;
    QTest::newRow("space") << u"domain customer.be"_s << false;
    QTest::newRow("numeric TLD") << u"domain.123"_s << false;
    QTest::newRow("label of 64") << QString(repeated(64) + u".be"_s) << false;
    QTest::newRow("with scheme") << u"https://domaincustomer.be"_s << false;
}

void TestValidation::domain()
{
    QFETCH(QString, domain);
    QFETCH(bool, valid);
    VERIFY_VALIDATION(Validators::domain(domain), valid, u"domain"_s);
}

void TestValidation::requiredText_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");

    QTest::newRow("text") << u"Sales"_s << true << QString();
    QTest::newRow("accents") << u"Liège"_s << true << QString();
    QTest::newRow("exactly the maximum") << repeated(10) << true << QString();
    QTest::newRow("empty") << QString() << false << u"required"_s;
    QTest::newRow("blank") << u"   "_s << false << u"required"_s;
    QTest::newRow("one too long") << repeated(11) << false << u"too long"_s;
    QTest::newRow("newline") << u"Sa\nles"_s << false << u"control character"_s;
    QTest::newRow("tab") << u"Sa\tles"_s << false << u"control character"_s;
    QTest::newRow("NUL") << QString(u"Sa"_s + QChar(0) + u"les"_s) << false << u"control character"_s;
}

void TestValidation::requiredText()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    QFETCH(QString, reason);
    const Status s = Validators::requiredText(value, u"Group name"_s, u"name"_s, 10);
    VERIFY_VALIDATION(s, valid, u"name"_s);
    if (!valid) {
        QVERIFY2(s.error().message.contains(u"Group name"_s), qPrintable(s.error().message)); // names the field
        QVERIFY2(s.error().message.contains(reason), qPrintable(s.error().message));
    }
}

void TestValidation::optionalText_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<bool>("valid");

    QTest::newRow("empty") << QString() << true;
    QTest::newRow("blank") << u"  "_s << true;
    QTest::newRow("text") << u"Gent, BE"_s << true;
    QTest::newRow("exactly the maximum") << repeated(10) << true;
    QTest::newRow("one too long") << repeated(11) << false;
    QTest::newRow("carriage return") << u"a\rb"_s << false;
    QTest::newRow("escape") << QString(u"a"_s + QChar(0x1b) + u"b"_s) << false;
    QTest::newRow("DEL") << QString(u"a"_s + QChar(0x7f) + u"b"_s) << false;
}

void TestValidation::optionalText()
{
    QFETCH(QString, value);
    QFETCH(bool, valid);
    VERIFY_VALIDATION(Validators::optionalText(value, u"Description"_s, u"description"_s, 10), valid, u"description"_s);
}

void TestValidation::language_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("valid");

    QTest::newRow("fr") << u"fr"_s << true;
    QTest::newRow("nl") << u"nl"_s << true;
    QTest::newRow("en") << u"en"_s << true;
    QTest::newRow("de") << u"de"_s << false;
    QTest::newRow("upper case") << u"FR"_s << false;
    QTest::newRow("with region") << u"fr_BE"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestValidation::language()
{
    QFETCH(QString, code);
    QFETCH(bool, valid);
    VERIFY_VALIDATION(Validators::language(code), valid, u"language"_s);
}

void TestValidation::pin_data()
{
    QTest::addColumn<QString>("pin");
    QTest::addColumn<bool>("valid");

    QTest::newRow("4 digits") << u"1234"_s << true;
    QTest::newRow("8 digits") << u"12345678"_s << true;
    QTest::newRow("leading zero") << u"0007"_s << true;
    QTest::newRow("3 digits") << u"123"_s << false;
    QTest::newRow("9 digits") << u"123456789"_s << false;
    QTest::newRow("letter") << u"12a4"_s << false;
    QTest::newRow("space") << u"12 34"_s << false;
    QTest::newRow("Arabic-Indic digits") << u"١٢٣٤"_s << false;
    QTest::newRow("empty") << QString() << false;
}

void TestValidation::pin()
{
    QFETCH(QString, pin);
    QFETCH(bool, valid);
    VERIFY_VALIDATION(Validators::pin(pin), valid, u"pin"_s);
}

// --- Service settings ----------------------------------------------------------------------------

void TestValidation::settingsRange_data()
{
    QTest::addColumn<int>("seconds");
    QTest::addColumn<bool>("valid");

    QTest::newRow("4") << 4 << false;
    QTest::newRow("5") << 5 << true;
    QTest::newRow("20") << 20 << true;
    QTest::newRow("120") << 120 << true;
    QTest::newRow("121") << 121 << false;
    QTest::newRow("0") << 0 << false;
    QTest::newRow("-10") << -10 << false;
}

void TestValidation::settingsRange()
{
    QFETCH(int, seconds);
    QFETCH(bool, valid);

    ServiceSettings s;
    QVERIFY(s.validate().ok()); // nothing set is valid
    s.noAnswerSeconds = seconds;
    VERIFY_VALIDATION(s.validate(), valid, u"noAnswerSeconds"_s);
    if (!valid)
        QVERIFY(s.validate().error().message.contains(QString::number(seconds)));
}

void TestValidation::settingsJsonRoundTrip_data()
{
    QTest::addColumn<int>("variant");
    QTest::newRow("empty") << 0;
    QTest::newRow("organisation defaults") << 1;
    QTest::newRow("everything, other values") << 2;
    QTest::newRow("some") << 3;
}

void TestValidation::settingsJsonRoundTrip()
{
    QFETCH(int, variant);

    ServiceSettings s;
    switch (variant) {
    case 1:
        s = ServiceSettings::organisationDefaults();
        break;
    case 2:
        s.voicemail = false;
        s.noAnswerSeconds = 120;
        s.internationalCalls = true;
        s.callRecording = true;
        s.callerId = ServiceSettings::CallerId::Hidden;
        break;
    case 3:
        s.noAnswerSeconds = 5;
        s.callerId = ServiceSettings::CallerId::MainNumber;
        break;
    default:
        break;
    }
    const QJsonObject json = s.toJson();
    int setCount = 0;
    for (auto key : ServiceSettings::keys())
        setCount += s.isSet(key) ? 1 : 0;
    QCOMPARE(json.size(), setCount); // unset settings are not written

    const auto back = ServiceSettings::fromJson(json);
    QVERIFY2(back.ok(), errorText(back).constData());
    QVERIFY(*back == s);
}

void TestValidation::settingsJsonNames()
{
    ServiceSettings s;
    s.voicemail = true;
    s.noAnswerSeconds = 15;
    s.callerId = ServiceSettings::CallerId::MainNumber;
    const QJsonObject expected {{u"voicemail"_s, true}, {u"noAnswerSeconds"_s, 15}, {u"callerId"_s, u"mainNumber"_s}};
    QCOMPARE(s.toJson(), expected);

    QCOMPARE(s.displayValue(ServiceSettings::Key::Voicemail), u"Yes"_s);
    QCOMPARE(s.displayValue(ServiceSettings::Key::NoAnswerSeconds), u"15"_s);
    QVERIFY(s.get(ServiceSettings::Key::CallRecording).isNull());
    QVERIFY(!s.isSet(ServiceSettings::Key::InternationalCalls));
}

void TestValidation::settingsFromJsonRejects_data()
{
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");

    QTest::newRow("unknown key") << QJsonObject {{u"voicemail"_s, true}, {u"doNotDisturb"_s, true}} << u"doNotDisturb"_s;
    QTest::newRow("key in other case") << QJsonObject {{u"Voicemail"_s, true}} << u"Voicemail"_s;
    QTest::newRow("bool as string") << QJsonObject {{u"voicemail"_s, u"true"_s}} << u"voicemail"_s;
    QTest::newRow("bool as number") << QJsonObject {{u"callRecording"_s, 1}} << u"callRecording"_s;
    QTest::newRow("bool as null") << QJsonObject {{u"internationalCalls"_s, QJsonValue()}} << u"internationalCalls"_s;
    QTest::newRow("seconds as string") << QJsonObject {{u"noAnswerSeconds"_s, u"20"_s}} << u"noAnswerSeconds"_s;
    QTest::newRow("seconds as bool") << QJsonObject {{u"noAnswerSeconds"_s, true}} << u"noAnswerSeconds"_s;
    QTest::newRow("seconds out of range") << QJsonObject {{u"noAnswerSeconds"_s, 300}} << u"noAnswerSeconds"_s;
    QTest::newRow("seconds not whole") << QJsonObject {{u"noAnswerSeconds"_s, 20.5}} << u"noAnswerSeconds"_s;
    QTest::newRow("caller id unknown") << QJsonObject {{u"callerId"_s, u"everyone"_s}} << u"callerId"_s;
    QTest::newRow("caller id as number") << QJsonObject {{u"callerId"_s, 1}} << u"callerId"_s;
    QTest::newRow("caller id as array") << QJsonObject {{u"callerId"_s, QJsonArray {u"hidden"_s}}} << u"callerId"_s;
}

void TestValidation::settingsFromJsonRejects()
{
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);
    VERIFY_VALIDATION(ServiceSettings::fromJson(json), false, field);
}

void TestValidation::effectiveSettingPrecedence()
{
    ServiceSettings org = ServiceSettings::organisationDefaults(); // voicemail yes, 20 s, no intl, no rec, own number
    ServiceSettings group;
    group.noAnswerSeconds = 30;
    group.internationalCalls = true;
    ServiceSettings user;
    user.noAnswerSeconds = 45;

    const auto effective = EffectiveSetting::resolve(user, {{u"Sales"_s, group}}, org);
    QCOMPARE(effective.size(), ServiceSettings::keys().size());

    auto find = [&](ServiceSettings::Key key) {
        for (const EffectiveSetting &e : effective) {
            if (e.key == key)
                return e;
        }
        return EffectiveSetting {};
    };
    const EffectiveSetting seconds = find(ServiceSettings::Key::NoAnswerSeconds);
    QCOMPARE(seconds.source, EffectiveSetting::Source::User);
    QCOMPARE(seconds.value.toInt(), 45);
    QCOMPARE(seconds.display, u"45"_s);
    QVERIFY(seconds.sourceName.isEmpty());

    const EffectiveSetting intl = find(ServiceSettings::Key::InternationalCalls);
    QCOMPARE(intl.source, EffectiveSetting::Source::Group);
    QCOMPARE(intl.value.toBool(), true);
    QCOMPARE(intl.sourceName, u"Sales"_s);
    QCOMPARE(EffectiveSetting::sourceLabel(intl.source, intl.sourceName), u"Group Sales"_s);

    const EffectiveSetting voicemail = find(ServiceSettings::Key::Voicemail);
    QCOMPARE(voicemail.source, EffectiveSetting::Source::Organisation);
    QCOMPARE(voicemail.value.toBool(), true);
    QVERIFY(voicemail.sourceName.isEmpty());

    const EffectiveSetting callerId = find(ServiceSettings::Key::CallerId);
    QCOMPARE(callerId.source, EffectiveSetting::Source::Organisation);
    QCOMPARE(callerId.value.toInt(), static_cast<int>(ServiceSettings::CallerId::OwnNumber));

    // Without the user's own value, the group's applies; without both, the organisation's.
    const auto withoutUser = EffectiveSetting::resolve({}, {{u"Sales"_s, group}}, org);
    QCOMPARE(withoutUser.at(ServiceSettings::keys().indexOf(ServiceSettings::Key::NoAnswerSeconds)).value.toInt(), 30);
    const auto onlyOrg = EffectiveSetting::resolve({}, {}, org);
    for (const EffectiveSetting &e : onlyOrg) {
        QCOMPARE(e.source, EffectiveSetting::Source::Organisation);
        QCOMPARE(e.value, org.get(e.key));
    }
}

void TestValidation::effectiveSettingFirstGroupWins()
{
    const ServiceSettings org = ServiceSettings::organisationDefaults();
    ServiceSettings sales;
    sales.noAnswerSeconds = 15;
    ServiceSettings support;
    support.noAnswerSeconds = 30;
    support.callRecording = true;

    const int secondsIndex = static_cast<int>(ServiceSettings::keys().indexOf(ServiceSettings::Key::NoAnswerSeconds));
    const int recordingIndex = static_cast<int>(ServiceSettings::keys().indexOf(ServiceSettings::Key::CallRecording));

    const auto salesFirst = EffectiveSetting::resolve({}, {{u"Sales"_s, sales}, {u"Support"_s, support}}, org);
    QCOMPARE(salesFirst.at(secondsIndex).value.toInt(), 15);
    QCOMPARE(salesFirst.at(secondsIndex).sourceName, u"Sales"_s);
    // A later group still supplies what the earlier ones leave unset.
    QCOMPARE(salesFirst.at(recordingIndex).value.toBool(), true);
    QCOMPARE(salesFirst.at(recordingIndex).source, EffectiveSetting::Source::Group);
    QCOMPARE(salesFirst.at(recordingIndex).sourceName, u"Support"_s);

    const auto supportFirst = EffectiveSetting::resolve({}, {{u"Support"_s, support}, {u"Sales"_s, sales}}, org);
    QCOMPARE(supportFirst.at(secondsIndex).value.toInt(), 30);
    QCOMPARE(supportFirst.at(secondsIndex).sourceName, u"Support"_s);
}

// --- Entities ------------------------------------------------------------------------------------

void TestValidation::user_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("faultyField"); // empty = valid

    QTest::newRow("valid") << QString() << QString() << QString();
    QTest::newRow("no mobile") << u"mobile"_s << QString() << QString();
    QTest::newRow("no email") << u"email"_s << QString() << QString();
    QTest::newRow("username of another domain") << u"username"_s << u"user.1@example.be"_s << u"username"_s;
    QTest::newRow("username without domain") << u"username"_s << u"user.1"_s << u"username"_s;
    QTest::newRow("no first name") << u"firstName"_s << QString() << u"firstName"_s;
    QTest::newRow("first name too long") << u"firstName"_s << repeated(81) << u"firstName"_s;
    QTest::newRow("no last name") << u"lastName"_s << u"  "_s << u"lastName"_s;
    QTest::newRow("last name with newline") << u"lastName"_s << u"Pee\nters"_s << u"lastName"_s;
    QTest::newRow("bad email") << u"email"_s << u"emma@"_s << u"email"_s;
    QTest::newRow("fixed line as mobile") << u"mobile"_s << u"+32 2 300 00 00"_s << u"mobile"_s;
    QTest::newRow("bad mobile") << u"mobile"_s << u"0475 12"_s << u"mobile"_s;
    QTest::newRow("bad language") << u"language"_s << u"de"_s << u"language"_s;
    QTest::newRow("same group twice") << u"groups"_s << u"g1,g2,g1"_s << u"groups"_s;
    QTest::newRow("two groups") << u"groups"_s << u"g1,g2"_s << QString();
    QTest::newRow("bad setting") << u"noAnswerSeconds"_s << u"3"_s << u"noAnswerSeconds"_s;
}

void TestValidation::user()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, faultyField);

    User u = validUser();
    if (field == u"username"_s)
        u.username = value;
    else if (field == u"firstName"_s)
        u.firstName = value;
    else if (field == u"lastName"_s)
        u.lastName = value;
    else if (field == u"email"_s)
        u.email = value;
    else if (field == u"mobile"_s)
        u.mobile = value;
    else if (field == u"language"_s)
        u.language = value;
    else if (field == u"groups"_s)
        u.groupIds = value.split(QLatin1Char(','));
    else if (field == u"noAnswerSeconds"_s)
        u.settings.noAnswerSeconds = value.toInt();

    VERIFY_VALIDATION(u.normaliseAndValidate(kDomain), faultyField.isEmpty(), faultyField);
}

void TestValidation::userNormalises()
{
    User u = validUser();
    u.username = u"  User.1@DomainCustomer.BE "_s;
    u.firstName = u" Emma "_s;
    u.lastName = u"Peeters  "_s;
    u.email = u" emma@example.be "_s;
    u.mobile = u"0475/12.34.56"_s;
    QVERIFY2(u.normaliseAndValidate(kDomain).ok(), errorText(u.normaliseAndValidate(kDomain)).constData());
    QCOMPARE(u.username, u"user.1@domaincustomer.be"_s);
    QCOMPARE(u.firstName, u"Emma"_s);
    QCOMPARE(u.lastName, u"Peeters"_s);
    QCOMPARE(u.email, u"emma@example.be"_s);
    QCOMPARE(u.mobile, u"+32475123456"_s);
    QCOMPARE(u.displayName(), u"Emma Peeters"_s);

    User blank = validUser();
    blank.mobile = u"   "_s;
    QVERIFY(blank.normaliseAndValidate(kDomain).ok());
    QCOMPARE(blank.mobile, QString());
}

void TestValidation::contact_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("faultyField"); // empty = valid

    QTest::newRow("valid") << 0 << QString();
    QTest::newRow("company only") << 1 << QString();
    QTest::newRow("no name, no company") << 2 << u"name"_s;
    QTest::newRow("blank names") << 3 << u"name"_s;
    QTest::newRow("no number") << 4 << u"numbers"_s;
    QTest::newRow("invalid number") << 5 << u"numbers"_s;
    QTest::newRow("second number invalid") << 6 << u"numbers"_s;
    QTest::newRow("label too long") << 7 << u"numbers"_s;
    QTest::newRow("bad email") << 8 << u"email"_s;
    QTest::newRow("organisation contact with owner") << 9 << u"owner"_s;
    QTest::newRow("group contact without owner") << 10 << u"owner"_s;
    QTest::newRow("user contact without owner") << 11 << u"owner"_s;
    QTest::newRow("group contact with owner") << 12 << QString();
    QTest::newRow("user contact with owner") << 13 << QString();
    QTest::newRow("company too long") << 14 << u"company"_s;
    QTest::newRow("first name with tab") << 15 << u"firstName"_s;
}

void TestValidation::contact()
{
    QFETCH(int, change);
    QFETCH(QString, faultyField);

    Contact c = validContact();
    switch (change) {
    case 1:
        c.firstName.clear();
        c.lastName.clear();
        c.company = u"Proximus"_s;
        break;
    case 2:
        c.firstName.clear();
        c.lastName.clear();
        break;
    case 3:
        c.firstName = u"  "_s;
        c.lastName = u" "_s;
        c.company = u"  "_s;
        break;
    case 4:
        c.numbers.clear();
        break;
    case 5:
        c.numbers = {{u"Work"_s, u"12"_s}};
        break;
    case 6:
        c.numbers << ContactNumber {u"Mobile"_s, u"0475 12"_s};
        break;
    case 7:
        c.numbers.first().label = repeated(41);
        break;
    case 8:
        c.email = u"jan@@example.be"_s;
        break;
    case 9:
        c.ownerId = u"g1"_s;
        break;
    case 10:
        c.scope = Contact::Scope::Group;
        break;
    case 11:
        c.scope = Contact::Scope::User;
        break;
    case 12:
        c.scope = Contact::Scope::Group;
        c.ownerId = u"g1"_s;
        break;
    case 13:
        c.scope = Contact::Scope::User;
        c.ownerId = u"u1"_s;
        break;
    case 14:
        c.company = repeated(121);
        break;
    case 15:
        c.firstName = u"Ja\tn"_s;
        break;
    default:
        break;
    }
    VERIFY_VALIDATION(c.normaliseAndValidate(), faultyField.isEmpty(), faultyField);
}

void TestValidation::contactNormalises()
{
    Contact c;
    c.firstName = u"  Jan "_s;
    c.company = u" Proximus "_s;
    c.email = u" jan@proximus.be "_s;
    c.numbers = {{u" Work "_s, u"02 300 00 00"_s}, {u"Mobile"_s, u"0032 475 12 34 56"_s}};
    QVERIFY(c.normaliseAndValidate().ok());
    QCOMPARE(c.firstName, u"Jan"_s);
    QCOMPARE(c.company, u"Proximus"_s);
    QCOMPARE(c.email, u"jan@proximus.be"_s);
    const QList<ContactNumber> expected {{u"Work"_s, u"+3223000000"_s}, {u"Mobile"_s, u"+32475123456"_s}};
    QCOMPARE(c.numbers, expected);
    QCOMPARE(c.displayName(), u"Jan"_s);

    Contact company;
    company.company = u"Bpost"_s;
    QCOMPARE(company.displayName(), u"Bpost"_s);

    QCOMPARE(Contact::scopeFromName(u"group"_s).value(), Contact::Scope::Group);
    QVERIFY(!Contact::scopeFromName(u"everyone"_s).ok());
}

void TestValidation::voicePrompt_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("description");
    QTest::addColumn<qint64>("durationMs");
    QTest::addColumn<QString>("faultyField");

    QTest::newRow("valid") << u"Accueil"_s << u"Bienvenue chez Domain Customer."_s << qint64(4100) << QString();
    QTest::newRow("no description") << u"Accueil"_s << QString() << qint64(0) << QString();
    QTest::newRow("name of 64") << repeated(64) << QString() << qint64(0) << QString();
    QTest::newRow("no name") << u"  "_s << QString() << qint64(0) << u"name"_s;
    QTest::newRow("name of 65") << repeated(65) << QString() << qint64(0) << u"name"_s;
    QTest::newRow("description too long") << u"Accueil"_s << repeated(2001) << qint64(0) << u"description"_s;
    QTest::newRow("description with control") << u"Accueil"_s << QString(u"a"_s + QChar(7)) << qint64(0) << u"description"_s;
    QTest::newRow("negative duration") << u"Accueil"_s << QString() << qint64(-1) << u"duration"_s;
}

void TestValidation::voicePrompt()
{
    QFETCH(QString, name);
    QFETCH(QString, description);
    QFETCH(qint64, durationMs);
    QFETCH(QString, faultyField);

    VoicePrompt p;
    p.name = u"  "_s + name + u" "_s;
    p.description = description;
    p.durationMs = durationMs;
    VERIFY_VALIDATION(p.normaliseAndValidate(), faultyField.isEmpty(), faultyField);
    if (faultyField.isEmpty())
        QCOMPARE(p.name, name); // trimmed

    QCOMPARE(VoicePrompt::originFromName(VoicePrompt::originName(VoicePrompt::Origin::RecordedByCall)).value(),
        VoicePrompt::Origin::RecordedByCall);
    QVERIFY(!VoicePrompt::originFromName(u"radio"_s).ok());
}

void TestValidation::functionNumber_data()
{
    QTest::addColumn<QString>("number");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("expectedNumber");
    QTest::addColumn<QString>("faultyField");

    QTest::newRow("valid") << u"02 300 00 01"_s << u"Accueil"_s << u"+3223000001"_s << QString();
    QTest::newRow("E.164") << u"+3223000001"_s << u"Support"_s << u"+3223000001"_s << QString();
    QTest::newRow("no number") << QString() << u"Accueil"_s << QString() << u"number"_s;
    QTest::newRow("bad number") << u"02 300"_s << u"Accueil"_s << QString() << u"number"_s;
    QTest::newRow("no name") << u"02 300 00 01"_s << QString() << QString() << u"name"_s;
    QTest::newRow("name too long") << u"02 300 00 01"_s << repeated(81) << QString() << u"name"_s;
}

void TestValidation::functionNumber()
{
    QFETCH(QString, number);
    QFETCH(QString, name);
    QFETCH(QString, expectedNumber);
    QFETCH(QString, faultyField);

    FunctionNumber f;
    f.number = number;
    f.name = name;
    VERIFY_VALIDATION(f.normaliseAndValidate(), faultyField.isEmpty(), faultyField);
    if (faultyField.isEmpty())
        QCOMPARE(f.number, expectedNumber);

    QCOMPARE(openStateFromName(u"open"_s).value(), OpenState::Open);
    QCOMPARE(openStateFromName(openStateName(OpenState::Closed)).value(), OpenState::Closed);
    QVERIFY(!openStateFromName(u"Open"_s).ok());
}

void TestValidation::scheduleEvent_data()
{
    QTest::addColumn<int>("change");
    QTest::addColumn<QString>("faultyField");

    QTest::newRow("valid") << 0 << QString();
    QTest::newRow("no title") << 1 << u"title"_s;
    QTest::newRow("title too long") << 2 << u"title"_s;
    QTest::newRow("no function") << 3 << u"functionId"_s;
    QTest::newRow("no start") << 4 << u"start"_s;
    QTest::newRow("no end") << 5 << u"start"_s;
    QTest::newRow("end equals start") << 6 << u"end"_s;
    QTest::newRow("end before start") << 7 << u"end"_s;
    QTest::newRow("over midnight") << 8 << QString();
}

void TestValidation::scheduleEvent()
{
    QFETCH(int, change);
    QFETCH(QString, faultyField);

    ScheduleEvent e = validEvent();
    switch (change) {
    case 1:
        e.title = u" "_s;
        break;
    case 2:
        e.title = repeated(121);
        break;
    case 3:
        e.functionId.clear();
        break;
    case 4:
        e.start = QDateTime();
        break;
    case 5:
        e.end = QDateTime();
        break;
    case 6:
        e.end = e.start;
        break;
    case 7:
        e.end = e.start.addSecs(-60);
        break;
    case 8:
        e.start = QDateTime(QDate(2024, 1, 8), QTime(22, 0));
        e.end = QDateTime(QDate(2024, 1, 9), QTime(6, 0));
        break;
    default:
        break;
    }
    VERIFY_VALIDATION(e.normaliseAndValidate(), faultyField.isEmpty(), faultyField);
}

void TestValidation::scheduleEventAllDay()
{
    // An all-day event covers whole days: from the start's midnight to the midnight after its end.
    ScheduleEvent e = validEvent();
    e.allDay = true;
    e.start = QDateTime(QDate(2024, 12, 24), QTime(9, 15));
    e.end = QDateTime(QDate(2024, 12, 26), QTime(17, 0));
    QVERIFY(e.normaliseAndValidate().ok());
    QCOMPARE(e.start, QDateTime(QDate(2024, 12, 24), QTime(0, 0)));
    QCOMPARE(e.end, QDateTime(QDate(2024, 12, 27), QTime(0, 0)));

    // An end already at midnight is kept: it is the exclusive end.
    ScheduleEvent newYear = validEvent();
    newYear.allDay = true;
    newYear.start = QDateTime(QDate(2025, 1, 1), QTime(0, 0));
    newYear.end = QDateTime(QDate(2025, 1, 2), QTime(0, 0));
    QVERIFY(newYear.normaliseAndValidate().ok());
    QCOMPARE(newYear.start, QDateTime(QDate(2025, 1, 1), QTime(0, 0)));
    QCOMPARE(newYear.end, QDateTime(QDate(2025, 1, 2), QTime(0, 0)));

    // A single day given with times becomes that whole day.
    ScheduleEvent oneDay = validEvent();
    oneDay.allDay = true;
    QVERIFY(oneDay.normaliseAndValidate().ok());
    QCOMPARE(oneDay.start, QDateTime(QDate(2024, 1, 8), QTime(0, 0)));
    QCOMPARE(oneDay.end, QDateTime(QDate(2024, 1, 9), QTime(0, 0)));

    // An end before the start is still refused.
    ScheduleEvent backwards = validEvent();
    backwards.allDay = true;
    backwards.start = QDateTime(QDate(2024, 1, 8), QTime(0, 0));
    backwards.end = QDateTime(QDate(2024, 1, 7), QTime(0, 0));
    VERIFY_VALIDATION(backwards.normaliseAndValidate(), false, u"end"_s);
}

void TestValidation::rrule_data()
{
    QTest::addColumn<QString>("rrule");
    QTest::addColumn<QString>("normalised"); // empty = refused

    QTest::newRow("none") << QString() << QString(u"-"_s);
    QTest::newRow("working days") << u"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"_s << u"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"_s;
    QTest::newRow("with RRULE: prefix") << u"RRULE:FREQ=DAILY"_s << u"FREQ=DAILY"_s;
    QTest::newRow("surrounding spaces") << u"  FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1 "_s << u"FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"_s;
    QTest::newRow("until") << u"FREQ=WEEKLY;UNTIL=20241231T235959;BYDAY=SA"_s << u"FREQ=WEEKLY;UNTIL=20241231T235959;BYDAY=SA"_s;
    QTest::newRow("count") << u"FREQ=MONTHLY;COUNT=12;BYMONTHDAY=1"_s << u"FREQ=MONTHLY;COUNT=12;BYMONTHDAY=1"_s;

    QTest::newRow("unknown frequency") << u"FREQ=SOMETIMES"_s << QString();
    QTest::newRow("no frequency") << u"BYDAY=MO"_s << QString();
    QTest::newRow("unknown day") << u"FREQ=WEEKLY;BYDAY=XX"_s << QString();
    QTest::newRow("unknown part") << u"FREQ=WEEKLY;FOO=BAR"_s << QString();
    QTest::newRow("bad count") << u"FREQ=DAILY;COUNT=abc"_s << QString();
    QTest::newRow("bad until") << u"FREQ=WEEKLY;UNTIL=tomorrow"_s << QString();
    QTest::newRow("month 13") << u"FREQ=YEARLY;BYMONTH=13"_s << QString();
    QTest::newRow("day 40 of the month") << u"FREQ=MONTHLY;BYMONTHDAY=40"_s << QString();
    QTest::newRow("interval 0") << u"FREQ=DAILY;INTERVAL=0"_s << QString();
    QTest::newRow("prose") << u"every weekday"_s << QString();
}

void TestValidation::rrule()
{
    QFETCH(QString, rrule);
    QFETCH(QString, normalised);

    ScheduleEvent e = validEvent();
    e.rrule = rrule;
    const Status s = e.normaliseAndValidate();
    if (normalised.isEmpty()) {
        VERIFY_VALIDATION(s, false, u"rrule"_s);
        QVERIFY2(s.error().message.contains(rrule.trimmed()), qPrintable(s.error().message));
    } else {
        VERIFY_VALIDATION(s, true, QString());
        QCOMPARE(e.rrule, normalised == u"-"_s ? QString() : normalised);
    }
    // A refused rule leaves no error behind for the next valid one.
    ScheduleEvent next = validEvent();
    next.rrule = u"FREQ=WEEKLY;BYDAY=MO"_s;
    QVERIFY(next.normaliseAndValidate().ok());
}

void TestValidation::sipPhoneMac_data()
{
    QTest::addColumn<QString>("mac");
    QTest::addColumn<QString>("expected"); // empty = refused

    QTest::newRow("colons, lower case") << u"00:04:13:aa:bb:cc"_s << u"000413AABBCC"_s;
    QTest::newRow("hyphens") << u"00-04-13-AA-BB-CC"_s << u"000413AABBCC"_s;
    QTest::newRow("Cisco dots") << u"0004.13aa.bbcc"_s << u"000413AABBCC"_s;
    QTest::newRow("spaces") << u"00 04 13 aa bb cc"_s << u"000413AABBCC"_s;
    QTest::newRow("bare") << u"000413aabbcc"_s << u"000413AABBCC"_s;
    QTest::newRow("too short") << u"00:04:13:aa:bb"_s << QString();
    QTest::newRow("too long") << u"00:04:13:aa:bb:cc:dd"_s << QString();
    QTest::newRow("not hex") << u"00:04:13:aa:bb:cg"_s << QString();
    QTest::newRow("other separator") << u"00/04/13/aa/bb/cc"_s << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestValidation::sipPhoneMac()
{
    QFETCH(QString, mac);
    QFETCH(QString, expected);

    SipPhone p = validPhone();
    p.mac = mac;
    const Status s = p.normaliseAndValidate();
    VERIFY_VALIDATION(s, !expected.isEmpty(), u"mac"_s);
    if (!expected.isEmpty()) {
        QCOMPARE(p.mac, expected);
        QCOMPARE(SipPhone::formatMac(p.mac), u"00:04:13:AA:BB:CC"_s);
    }
}

void TestValidation::sipPhoneModel()
{
    QVERIFY(SipPhone::models().size() >= 2);
    for (const QString &model : SipPhone::models()) {
        SipPhone p = validPhone();
        p.model = model;
        QVERIFY2(p.normaliseAndValidate().ok(), qPrintable(model));
        QVERIFY(SipPhone::keyCount(model) > 0);
    }
    SipPhone p = validPhone();
    p.model = u"Nokia 3310"_s;
    VERIFY_VALIDATION(p.normaliseAndValidate(), false, u"model"_s);
    QCOMPARE(SipPhone::keyCount(u"Nokia 3310"_s), 0);
    QCOMPARE(SipPhone::keyCount(u"Snom D715"_s), 4);
}

void TestValidation::sipPhoneKeys_data()
{
    QTest::addColumn<int>("index");
    QTest::addColumn<int>("type");
    QTest::addColumn<QString>("userId");
    QTest::addColumn<QString>("displayName");
    QTest::addColumn<QString>("number");
    QTest::addColumn<bool>("valid");
    QTest::addColumn<QString>("reason");

    const int empty = static_cast<int>(PhoneKey::Type::Empty);
    const int extension = static_cast<int>(PhoneKey::Type::Extension);
    const int external = static_cast<int>(PhoneKey::Type::External);
    QTest::newRow("first key") << 1 << extension << u"u1"_s << QString() << QString() << true << QString();
    QTest::newRow("last key") << 4 << external << QString() << u"Taxi"_s << u"02 349 49 49"_s << true << QString();
    QTest::newRow("empty key") << 3 << empty << QString() << QString() << QString() << true << QString();
    QTest::newRow("key 0") << 0 << extension << u"u1"_s << QString() << QString() << false << u"Key 0"_s;
    QTest::newRow("key past the last") << 5 << extension << u"u1"_s << QString() << QString() << false << u"1 to 4"_s;
    QTest::newRow("negative key") << -1 << empty << QString() << QString() << QString() << false << u"Key -1"_s;
    QTest::newRow("extension without colleague") << 1 << extension << QString() << QString() << QString() << false << u"colleague"_s;
    QTest::newRow("external without name") << 2 << external << QString() << u" "_s << u"02 349 49 49"_s << false << u"display name"_s;
    QTest::newRow("external name too long") << 2 << external << QString() << repeated(25) << u"02 349 49 49"_s << false << u"too long"_s;
    QTest::newRow("external without number") << 2 << external << QString() << u"Taxi"_s << QString() << false << u"Key 2"_s;
    QTest::newRow("external with bad number") << 2 << external << QString() << u"Taxi"_s << u"02 349"_s << false << u"02 349"_s;
}

void TestValidation::sipPhoneKeys()
{
    QFETCH(int, index);
    QFETCH(int, type);
    QFETCH(QString, userId);
    QFETCH(QString, displayName);
    QFETCH(QString, number);
    QFETCH(bool, valid);
    QFETCH(QString, reason);

    SipPhone p = validPhone();
    p.keys = {PhoneKey {index, static_cast<PhoneKey::Type>(type), userId, displayName, number}};
    const Status s = p.normaliseAndValidate();
    VERIFY_VALIDATION(s, valid, u"keys"_s);
    if (!valid)
        QVERIFY2(s.error().message.contains(reason), qPrintable(s.error().message));
}

void TestValidation::sipPhoneKeysNormalised()
{
    SipPhone p = validPhone();
    p.keys = {
        PhoneKey {3, PhoneKey::Type::External, {}, u"Taxi Verts"_s, u"02 349 49 49"_s},
        PhoneKey {1, PhoneKey::Type::Extension, u"u1"_s, {}, {}},
    };
    QVERIFY(p.normaliseAndValidate().ok());
    QCOMPARE(p.keys.size(), 2);
    QCOMPARE(p.keys.at(0).index, 1); // sorted by index
    QCOMPARE(p.keys.at(1).index, 3);
    QCOMPARE(p.keys.at(1).number, u"+3223494949"_s);

    // The same key twice is refused, whatever the types.
    SipPhone twice = validPhone();
    twice.keys = {PhoneKey {2, PhoneKey::Type::Extension, u"u1"_s, {}, {}}, PhoneKey {2, PhoneKey::Type::Empty, {}, {}, {}}};
    const Status s = twice.normaliseAndValidate();
    VERIFY_VALIDATION(s, false, u"keys"_s);
    QVERIFY2(s.error().message.contains(u"twice"_s), qPrintable(s.error().message));

    // A model with more keys accepts higher indexes.
    SipPhone big = validPhone();
    big.model = u"Snom D735"_s;
    big.keys = {PhoneKey {32, PhoneKey::Type::Extension, u"u1"_s, {}, {}}};
    QVERIFY(big.normaliseAndValidate().ok());
    big.keys = {PhoneKey {33, PhoneKey::Type::Extension, u"u1"_s, {}, {}}};
    VERIFY_VALIDATION(big.normaliseAndValidate(), false, u"keys"_s);
}

QTEST_GUILESS_MAIN(TestValidation)
#include "tst_validation.moc"
