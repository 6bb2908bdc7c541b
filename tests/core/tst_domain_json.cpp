// The JSON readers of the domain records: each is the exact inverse of toJson(), refuses a value of
// the wrong type with the field's path, and survives any JSON thrown at it.

#include "TestResult.h"

#include "domain/Contact.h"
#include "domain/FunctionNumber.h"
#include "domain/JsonReader.h"
#include "domain/KeyTemplate.h"
#include "domain/Organisation.h"
#include "domain/PoolNumber.h"
#include "domain/ScheduleEvent.h"
#include "domain/SipPhone.h"
#include "domain/User.h"
#include "domain/UserGroup.h"
#include "domain/VoicePrompt.h"
#include "i18n/Translations.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

#include <cmath>
#include <functional>
#include <limits>
#include <optional>

using namespace centrale;
using namespace Qt::StringLiterals;

namespace {

// Fully populated records, with accents, empty strings, lists and nested values.

Organisation organisation()
{
    Organisation o;
    o.id = newId();
    o.domain = u"domaincustomer.be"_s;
    o.name = u"Société Générale d'Électricité"_s;
    o.language = u"nl"_s;
    o.mainNumber = u"+3223456789"_s;
    o.settings.callerId = ServiceSettings::CallerId::Hidden;
    o.settings.noAnswerSeconds = 45;
    return o;
}

UserGroup group()
{
    UserGroup g;
    g.id = newId();
    g.name = u"Ventes Übersee"_s;
    g.description = QString();
    g.settings.internationalCalls = true;
    g.settings.callerId = ServiceSettings::CallerId::MainNumber;
    return g;
}

User user()
{
    User u;
    u.id = newId();
    u.username = u"elise.lefevre@domaincustomer.be"_s;
    u.firstName = u"Élise"_s;
    u.lastName = u"Lefèvre"_s;
    u.email = u"elise@domaincustomer.be"_s;
    u.mobile = u"+32475123456"_s;
    u.language = u"fr"_s;
    u.groupIds = {newId(), newId(), newId()};
    u.settings.voicemail = false;
    u.settings.callRecording = true;
    u.settings.noAnswerSeconds = 5;
    return u;
}

Contact contact()
{
    Contact c;
    c.id = newId();
    c.scope = Contact::Scope::Group;
    c.ownerId = newId();
    c.firstName = u"Jan"_s;
    c.lastName = u"Peeters-Ó Súilleabháin"_s;
    c.company = QString();
    c.email = u"jan@peeters.be"_s;
    c.numbers = {{u"Bureau"_s, u"+3233001122"_s}, {QString(), u"+32475000000"_s}, {u"Gsm — privé"_s, u"+32485111111"_s}};
    return c;
}

PoolNumber poolNumber()
{
    PoolNumber n;
    n.id = newId();
    n.number = u"+3223456710"_s;
    n.userId = newId();
    return n;
}

VoicePrompt prompt()
{
    VoicePrompt p;
    p.id = newId();
    p.name = u"Fermé Nouvel An"_s;
    p.description = u"Bonjour, nos bureaux sont fermés. « Bonne année ! »"_s;
    p.durationMs = 4'120;
    p.origin = VoicePrompt::Origin::RecordedByCall;
    p.sourceFile = u"nouvel-an été.wav"_s;
    p.peakDbfs = -1.25;
    p.rmsDbfs = -18.5;
    for (int i = 0; i < 1000; ++i)
        p.audio.append(char(i * 37 % 256));
    return p;
}

FunctionNumber functionNumber()
{
    FunctionNumber f;
    f.id = newId();
    f.number = u"+3223456700"_s;
    f.name = u"Réception"_s;
    f.defaultState = OpenState::Open;
    return f;
}

ScheduleEvent scheduleEvent()
{
    ScheduleEvent e;
    e.id = newId();
    e.functionId = newId();
    e.position = 3;
    e.title = u"Fête du Roi"_s;
    e.state = OpenState::Closed;
    e.promptId = newId();
    e.start = QDateTime(QDate(2027, 11, 15), QTime(8, 30));
    e.end = QDateTime(QDate(2027, 11, 15), QTime(17, 45, 10));
    e.allDay = true;
    e.rrule = u"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"_s;
    e.exceptions = {QDateTime(QDate(2027, 11, 22), QTime(8, 30)), QDateTime(QDate(2027, 12, 27), QTime(8, 30))};
    return e;
}

QList<PhoneKey> keys()
{
    PhoneKey empty;
    empty.index = 1;
    PhoneKey ext;
    ext.index = 2;
    ext.type = PhoneKey::Type::Extension;
    ext.userId = newId();
    ext.displayName = u"Zoë"_s;
    PhoneKey extNoName;
    extNoName.index = 3;
    extNoName.type = PhoneKey::Type::Extension;
    extNoName.userId = newId();
    PhoneKey external;
    external.index = 12;
    external.type = PhoneKey::Type::External;
    external.displayName = u"Support"_s;
    external.number = u"+3223456799"_s;
    return {empty, ext, extNoName, external};
}

SipPhone phone()
{
    SipPhone p;
    p.id = newId();
    p.mac = u"0004132A3B4C"_s;
    p.model = u"Snom D735"_s;
    p.ownerId = newId();
    p.label = u"Accueil — rez"_s;
    p.sipAddress = u"192.168.1.20:5062"_s;
    p.sipUser = u"snom"_s;
    p.sipPassword = u"s3cret"_s;
    p.keys = keys();
    return p;
}

KeyTemplate keyTemplate()
{
    KeyTemplate t;
    t.id = newId();
    t.name = u"Touches de l'accueil"_s;
    t.keys = keys();
    t.groupIds = {newId(), newId()};
    return t;
}

// What every reader offers to the table-driven tests: read a body, give back its toJson() or the error.
struct Kind {
    QString name;
    QJsonObject sample;
    std::function<Result<QJsonObject>(const QJsonObject &)> read;
};

template <typename T> Kind kind(const QString &name, const T &sample)
{
    return {name, sample.toJson(), [](const QJsonObject &json) -> Result<QJsonObject> {
                auto r = T::fromJson(json);
                if (!r)
                    return r.error();
                return r->toJson();
            }};
}

QList<Kind> kinds()
{
    return {kind(u"Organisation"_s, organisation()), kind(u"UserGroup"_s, group()), kind(u"User"_s, user()), kind(u"Contact"_s, contact()),
        kind(u"PoolNumber"_s, poolNumber()), kind(u"VoicePrompt"_s, prompt()), kind(u"FunctionNumber"_s, functionNumber()),
        kind(u"ScheduleEvent"_s, scheduleEvent()), kind(u"SipPhone"_s, phone()), kind(u"KeyTemplate"_s, keyTemplate())};
}

Kind kindNamed(const QString &name)
{
    for (const Kind &k : kinds()) {
        if (k.name == name)
            return k;
    }
    qFatal("no kind %s", qPrintable(name));
    return {};
}

// Replaces the value at a path such as "keys[1].number" or "settings.callerId"; an empty value
// (undefined) removes it.
QJsonValue replaced(const QJsonValue &at, QStringView path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    const qsizetype bracket = path.indexOf(u'[');
    if (bracket == 0) {
        const qsizetype close = path.indexOf(u']');
        const int index = path.mid(1, close - 1).toInt();
        QJsonArray array = at.toArray();
        QStringView rest = path.mid(close + 1);
        if (rest.startsWith(u'.'))
            rest = rest.mid(1);
        array[index] = rest.isEmpty() ? value : replaced(array.at(index), rest, value);
        return array;
    }
    qsizetype end = path.size();
    if (dot >= 0)
        end = dot;
    if (bracket >= 0 && bracket < end)
        end = bracket;
    const QString key = path.left(end).toString();
    QJsonObject object = at.toObject();
    QStringView rest = path.mid(end);
    if (rest.startsWith(u'.'))
        rest = rest.mid(1);
    if (rest.isEmpty()) {
        if (value.isUndefined())
            object.remove(key);
        else
            object[key] = value;
    } else {
        object[key] = replaced(object.value(key), rest, value);
    }
    return object;
}

QJsonObject with(const QJsonObject &json, const QString &path, const QJsonValue &value)
{
    return replaced(json, path, value).toObject();
}

const QJsonValue kMissing = QJsonValue(QJsonValue::Undefined);

// A random JSON value of any type, sometimes nested, sometimes huge, sometimes not finite.
QJsonValue randomValue(QRandomGenerator &rng, int depth = 0)
{
    switch (rng.bounded(depth > 3 ? 9 : 12)) {
    case 0:
        return QJsonValue();
    case 1:
        return rng.bounded(2) == 0;
    case 2:
        return qint64(rng.generate64());
    case 3: {
        static const double specials[]
            = {std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity(), -std::numeric_limits<double>::infinity(),
                1e300, -1e300, 0.5, -0.0, 9.2233720368547758e18, -9.2233720368547758e18, 2147483648.0, -1, 4.9e-324};
        return specials[rng.bounded(int(std::size(specials)))];
    }
    case 4:
        return rng.generateDouble() * 1e6 - 5e5;
    case 5: {
        static const char *const texts[] = {"", "open", "closed", "group", "user", "organisation", "imported", "call", "extension",
            "external", "empty", "hidden", "mainNumber", "QUJD", "QUJD=", "====", "2027-01-01T08:30:00", "2027-02-30T08:30:00",
            "2027-01-01T08:30:00Z", "+3223456789", "é", "\xF0\x9F\x98\x80"};
        return QString::fromUtf8(texts[rng.bounded(int(std::size(texts)))]);
    }
    case 6: {
        QString s;
        const int n = rng.bounded(64);
        for (int i = 0; i < n; ++i)
            s += QChar(char16_t(rng.bounded(1, 0xFFFF)));
        return s;
    }
    case 7:
        return QString(rng.bounded(8) == 0 ? rng.bounded(50'000, 150'000) : rng.bounded(1'000, 5'000), u'x');
    case 8:
        return QJsonArray();
    case 9: {
        QJsonArray a;
        const int n = rng.bounded(5);
        for (int i = 0; i < n; ++i)
            a.append(randomValue(rng, depth + 1));
        return a;
    }
    case 10: {
        QJsonObject o;
        static const char *const names[]
            = {"index", "type", "userId", "displayName", "number", "label", "voicemail", "noAnswerSeconds", "callerId", "x"};
        const int n = rng.bounded(5);
        for (int i = 0; i < n; ++i)
            o.insert(QLatin1String(names[rng.bounded(int(std::size(names)))]), randomValue(rng, depth + 1));
        return o;
    }
    default: {
        // Deep nesting.
        QJsonValue v = 1;
        const int levels = rng.bounded(50, 200);
        for (int i = 0; i < levels; ++i)
            v = i % 2 ? QJsonValue(QJsonArray {v}) : QJsonValue(QJsonObject {{u"a"_s, v}});
        return v;
    }
    }
}

// Every path of a body that leads to a value: the fields, the fields of nested objects and of the
// objects in lists, and the elements of lists.
QStringList pathsOf(const QJsonValue &v, const QString &prefix = {})
{
    QStringList out;
    if (v.isObject()) {
        const QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            const QString p = prefix.isEmpty() ? it.key() : prefix + u'.' + it.key();
            out << p << pathsOf(it.value(), p);
        }
    } else if (v.isArray()) {
        const QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QString p = prefix + u'[' + QString::number(i) + u']';
            out << p << pathsOf(a.at(i), p);
        }
    }
    return out;
}

} // namespace

class TestDomainJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void roundTrip_data();
    void roundTrip();
    void roundTripKeepsValues();
    void minimalBodies_data();
    void minimalBodies();
    void serverFields();
    void phoneKeyRead();
    void settingsRead();
    void refuses_data();
    void refuses();
    void refusalsAreTranslated();
    void hugeAndDeepInput();
    void fuzz_data();
    void fuzz();
};

void TestDomainJson::roundTrip_data()
{
    QTest::addColumn<QString>("kind");
    for (const Kind &k : kinds())
        QTest::newRow(qPrintable(k.name)) << k.name;
}

void TestDomainJson::roundTrip()
{
    QFETCH(QString, kind);
    const Kind k = kindNamed(kind);
    const auto back = k.read(k.sample);
    VERIFY_OK(back);
    QCOMPARE(*back, k.sample);
    // Twice, through the text as it travels.
    const QJsonObject parsed = QJsonDocument::fromJson(QJsonDocument(k.sample).toJson()).object();
    const auto again = k.read(parsed);
    VERIFY_OK(again);
    QCOMPARE(*again, k.sample);
}

void TestDomainJson::roundTripKeepsValues()
{
    const VoicePrompt p = prompt();
    const VoicePrompt pb = TAKE(VoicePrompt::fromJson(p.toJson()));
    QCOMPARE(pb.audio, p.audio);
    QCOMPARE(pb.durationMs, p.durationMs);
    QCOMPARE(pb.peakDbfs, p.peakDbfs);
    QCOMPARE(pb.origin, p.origin);

    const ScheduleEvent e = scheduleEvent();
    const ScheduleEvent eb = TAKE(ScheduleEvent::fromJson(e.toJson()));
    QCOMPARE(eb.start, e.start);
    QCOMPARE(eb.end, e.end);
    QCOMPARE(eb.exceptions, e.exceptions);
    QCOMPARE(eb.start.timeSpec(), Qt::LocalTime);

    const SipPhone ph = phone();
    const SipPhone phb = TAKE(SipPhone::fromJson(ph.toJson()));
    QCOMPARE(phb.keys, ph.keys);
    QVERIFY(phb.sipPassword.isEmpty()); // not part of the record

    const User u = user();
    const User ub = TAKE(User::fromJson(u.toJson()));
    QCOMPARE(ub.groupIds, u.groupIds);
    QCOMPARE(ub.settings, u.settings);

    const Contact c = contact();
    const Contact cb = TAKE(Contact::fromJson(c.toJson()));
    QCOMPARE(cb.numbers, c.numbers);
    QCOMPARE(cb.scope, c.scope);

    // A prompt without audio has no "audio" field, and reads back without audio.
    VoicePrompt silent = p;
    silent.audio.clear();
    QVERIFY(!silent.toJson().contains(u"audio"_s));
    QVERIFY(TAKE(VoicePrompt::fromJson(silent.toJson())).audio.isEmpty());

    // Empty lists and unset times survive too.
    ScheduleEvent bare = e;
    bare.exceptions.clear();
    bare.start = QDateTime();
    bare.rrule.clear();
    QCOMPARE(TAKE(ScheduleEvent::fromJson(bare.toJson())).toJson(), bare.toJson());
}

void TestDomainJson::minimalBodies_data()
{
    roundTrip_data();
}

void TestDomainJson::minimalBodies()
{
    // Only the id: every other field takes the C++ default.
    QFETCH(QString, kind);
    const Kind k = kindNamed(kind);
    const auto back = k.read(QJsonObject {{u"id"_s, u"abc"_s}});
    VERIFY_OK(back);
    QCOMPARE(back->value(u"id"_s).toString(), u"abc"_s);

    const QJsonObject defaults = back.value();
    if (kind == u"Organisation"_s)
        QCOMPARE(TAKE(Organisation::fromJson(defaults)).settings, ServiceSettings::organisationDefaults());
    if (kind == u"FunctionNumber"_s)
        QCOMPARE(defaults.value(u"defaultState"_s).toString(), u"closed"_s);
    if (kind == u"User"_s)
        QCOMPARE(defaults.value(u"language"_s).toString(), u"fr"_s);
}

void TestDomainJson::serverFields()
{
    // Read-only fields the server adds: version always, the display fields where the struct has them,
    // the others ignored.
    QJsonObject g = group().toJson();
    g[u"version"_s] = 4;
    g[u"memberCount"_s] = 12;
    g[u"whatever"_s] = QJsonArray {1, 2};
    const UserGroup gb = TAKE(UserGroup::fromJson(g));
    QCOMPARE(gb.version, qint64(4));
    QCOMPARE(gb.memberCount, 12);

    QJsonObject u = user().toJson();
    u[u"version"_s] = qint64(1) << 40;
    u[u"directNumber"_s] = u"+3223456710"_s;
    u[u"hasPhoto"_s] = true;
    u[u"pinSet"_s] = true;
    const User ub = TAKE(User::fromJson(u));
    QCOMPARE(ub.version, qint64(1) << 40);
    QCOMPARE(ub.directNumber, u"+3223456710"_s);

    QJsonObject p = phone().toJson();
    p[u"pendingPush"_s] = true;
    p[u"ownerName"_s] = u"Élise Lefèvre"_s;
    const SipPhone pb = TAKE(SipPhone::fromJson(p));
    QVERIFY(pb.pendingPush);
    QCOMPARE(pb.ownerName, u"Élise Lefèvre"_s);

    QJsonObject n = poolNumber().toJson();
    n[u"assigneeName"_s] = u"Élise"_s;
    QCOMPARE(TAKE(PoolNumber::fromJson(n)).assigneeName, u"Élise"_s);

    QJsonObject f = functionNumber().toJson();
    f[u"eventCount"_s] = 2;
    QCOMPARE(TAKE(FunctionNumber::fromJson(f)).eventCount, 2);

    QJsonObject c = contact().toJson();
    c[u"sourceName"_s] = u"Ventes"_s;
    QCOMPARE(TAKE(Contact::fromJson(c)).sourceName, u"Ventes"_s);

    QJsonObject o = organisation().toJson();
    o[u"timeZone"_s] = u"Europe/Brussels"_s;
    o[u"version"_s] = 3.0; // a whole number written as a double
    QCOMPARE(TAKE(Organisation::fromJson(o)).version, qint64(3));

    QJsonObject v = prompt().toJson();
    v[u"hasAudio"_s] = true;
    v[u"audioSha256"_s] = u"9f86"_s;
    VERIFY_OK(VoicePrompt::fromJson(v));

    // fromJson does not validate: an invalid but well-typed record is read.
    QJsonObject bad = user().toJson();
    bad[u"username"_s] = u"not an address"_s;
    User badUser = TAKE(User::fromJson(bad));
    QVERIFY(!badUser.normaliseAndValidate(u"domaincustomer.be"_s).ok());
}

void TestDomainJson::phoneKeyRead()
{
    for (const PhoneKey &k : keys()) {
        const PhoneKey back = TAKE(PhoneKey::read(k.toJson()));
        QCOMPARE(back, k);
        QCOMPARE(PhoneKey::fromJson(k.toJson()), k); // the lenient reader still works
    }
    const auto noIndex = PhoneKey::read(QJsonObject {{u"type"_s, u"empty"_s}}, u"keys[0]"_s);
    VERIFY_ERROR(noIndex, ErrorCode::Invalid);
    QCOMPARE(noIndex.error().field, u"keys[0].index"_s);
    const auto noType = PhoneKey::read(QJsonObject {{u"index"_s, 1}});
    VERIFY_ERROR(noType, ErrorCode::Invalid);
    QCOMPARE(noType.error().field, u"type"_s);
}

void TestDomainJson::settingsRead()
{
    // read() checks types only; fromJson() also validates.
    const QJsonObject outOfRange {{u"noAnswerSeconds"_s, 300}};
    QCOMPARE(TAKE(ServiceSettings::read(outOfRange)).noAnswerSeconds, 300);
    VERIFY_ERROR(ServiceSettings::fromJson(outOfRange), ErrorCode::Invalid);

    const auto unknown = ServiceSettings::read(QJsonObject {{u"doNotDisturb"_s, true}}, u"settings"_s);
    VERIFY_ERROR(unknown, ErrorCode::Invalid);
    QCOMPARE(unknown.error().field, u"settings.doNotDisturb"_s);

    for (auto id : {ServiceSettings::CallerId::OwnNumber, ServiceSettings::CallerId::MainNumber, ServiceSettings::CallerId::Hidden}) {
        ServiceSettings s;
        s.callerId = id;
        QCOMPARE(TAKE(ServiceSettings::read(s.toJson())), s);
    }
}

void TestDomainJson::refuses_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QJsonObject>("json");
    QTest::addColumn<QString>("field");

    const auto row = [](const QString &kindName, const char *what, const QString &path, const QJsonValue &value, const QString &field) {
        const Kind k = kindNamed(kindName);
        QTest::addRow("%s: %s", qPrintable(kindName), what) << kindName << with(k.sample, path, value) << field;
    };
    const auto field = [&row](const QString &kindName, const QString &path, const QJsonValue &value) {
        row(kindName, qPrintable(path + u" = "_s + QString::fromUtf8(QJsonDocument(QJsonArray {value}).toJson(QJsonDocument::Compact))),
            path, value, path);
    };
    const QJsonValue null;
    const QJsonValue number = 42;
    const QJsonValue text = u"42"_s;
    const QJsonValue list = QJsonArray {u"a"_s};
    const QJsonValue object = QJsonObject {{u"a"_s, 1}};

    // Every record: the id.
    for (const Kind &k : kinds()) {
        row(k.name, "missing id", u"id"_s, kMissing, u"id"_s);
        row(k.name, "empty id", u"id"_s, u""_s, u"id"_s);
        field(k.name, u"id"_s, number);
        field(k.name, u"id"_s, null);
        field(k.name, u"version"_s, text);
        field(k.name, u"version"_s, 1.5);
        field(k.name, u"version"_s, -1);
        field(k.name, u"version"_s, null);
        field(k.name, u"version"_s, std::numeric_limits<double>::quiet_NaN());
        field(k.name, u"version"_s, 1e300);
    }

    const QString org = u"Organisation"_s;
    for (const char *f : {"domain", "name", "language", "mainNumber"}) {
        field(org, QLatin1String(f), number);
        field(org, QLatin1String(f), null);
        field(org, QLatin1String(f), list);
        field(org, QLatin1String(f), object);
        field(org, QLatin1String(f), true);
    }
    field(org, u"settings"_s, list);
    field(org, u"settings"_s, null);
    field(org, u"settings"_s, text);
    field(org, u"settings.voicemail"_s, u"true"_s);
    field(org, u"settings.voicemail"_s, 1);
    field(org, u"settings.noAnswerSeconds"_s, u"20"_s);
    field(org, u"settings.noAnswerSeconds"_s, 20.5);
    field(org, u"settings.noAnswerSeconds"_s, 1e12);
    field(org, u"settings.internationalCalls"_s, null);
    field(org, u"settings.callRecording"_s, list);
    field(org, u"settings.callerId"_s, u"everyone"_s);
    field(org, u"settings.callerId"_s, 1);
    field(org, u"settings.callerId"_s, u"Hidden"_s);
    field(org, u"settings.doNotDisturb"_s, true);

    const QString grp = u"UserGroup"_s;
    field(grp, u"name"_s, number);
    field(grp, u"description"_s, null);
    field(grp, u"settings"_s, list);
    field(grp, u"settings.callerId"_s, object);
    field(grp, u"memberCount"_s, text);
    field(grp, u"memberCount"_s, 1e10);

    const QString usr = u"User"_s;
    for (const char *f : {"username", "firstName", "lastName", "email", "mobile", "language", "directNumber"}) {
        field(usr, QLatin1String(f), number);
        field(usr, QLatin1String(f), null);
        field(usr, QLatin1String(f), list);
    }
    field(usr, u"groups"_s, text);
    field(usr, u"groups"_s, object);
    field(usr, u"groups"_s, null);
    field(usr, u"groups[1]"_s, number);
    field(usr, u"groups[2]"_s, null);
    field(usr, u"groups[0]"_s, list);
    field(usr, u"settings.voicemail"_s, text);
    field(usr, u"settings.noAnswerSeconds"_s, std::numeric_limits<double>::infinity());

    const QString con = u"Contact"_s;
    field(con, u"scope"_s, u"team"_s);
    field(con, u"scope"_s, u"Group"_s);
    field(con, u"scope"_s, u""_s);
    field(con, u"scope"_s, number);
    field(con, u"scope"_s, null);
    for (const char *f : {"ownerId", "firstName", "lastName", "company", "email", "sourceName"}) {
        field(con, QLatin1String(f), number);
        field(con, QLatin1String(f), object);
    }
    field(con, u"numbers"_s, object);
    field(con, u"numbers"_s, text);
    field(con, u"numbers[1]"_s, text);
    field(con, u"numbers[2]"_s, null);
    field(con, u"numbers[0].number"_s, 3233001122.0);
    field(con, u"numbers[2].number"_s, null);
    field(con, u"numbers[1].label"_s, list);

    const QString pool = u"PoolNumber"_s;
    for (const char *f : {"number", "userId", "functionId", "assigneeName"}) {
        field(pool, QLatin1String(f), number);
        field(pool, QLatin1String(f), null);
        field(pool, QLatin1String(f), false);
    }

    const QString vp = u"VoicePrompt"_s;
    for (const char *f : {"name", "description", "sourceFile"})
        field(vp, QLatin1String(f), number);
    field(vp, u"durationMs"_s, text);
    field(vp, u"durationMs"_s, 1.5);
    field(vp, u"durationMs"_s, 1e30);
    field(vp, u"durationMs"_s, null);
    field(vp, u"origin"_s, u"uploaded"_s);
    field(vp, u"origin"_s, 0);
    field(vp, u"peakDbfs"_s, text);
    field(vp, u"peakDbfs"_s, null);
    field(vp, u"rmsDbfs"_s, std::numeric_limits<double>::quiet_NaN());
    field(vp, u"rmsDbfs"_s, -std::numeric_limits<double>::infinity());
    field(vp, u"audio"_s, u"not base64!"_s);
    field(vp, u"audio"_s, u"QUJD="_s);
    field(vp, u"audio"_s, QString(u"QUJDRA=="_s + QChar(0xE9)));
    field(vp, u"audio"_s, number);
    field(vp, u"audio"_s, list);

    const QString fn = u"FunctionNumber"_s;
    field(fn, u"number"_s, 3223456700.0);
    field(fn, u"name"_s, null);
    field(fn, u"defaultState"_s, u"Open"_s);
    field(fn, u"defaultState"_s, true);
    field(fn, u"eventCount"_s, u"2"_s);

    const QString ev = u"ScheduleEvent"_s;
    for (const char *f : {"functionId", "title", "promptId", "rrule"}) {
        field(ev, QLatin1String(f), number);
        field(ev, QLatin1String(f), null);
    }
    field(ev, u"position"_s, text);
    field(ev, u"position"_s, 0.25);
    field(ev, u"position"_s, 3e9);
    field(ev, u"state"_s, u"shut"_s);
    field(ev, u"state"_s, list);
    field(ev, u"start"_s, u"tomorrow"_s);
    field(ev, u"start"_s, u"2027-02-30T08:30:00"_s);
    field(ev, u"start"_s, u"2027-01-01T25:00:00"_s);
    field(ev, u"start"_s, u"2027-01-01T08:30:00+01:00"_s);
    field(ev, u"start"_s, u"2027-01-01"_s);
    field(ev, u"end"_s, number);
    field(ev, u"end"_s, null);
    field(ev, u"allDay"_s, u"true"_s);
    field(ev, u"allDay"_s, 1);
    field(ev, u"allDay"_s, null);
    field(ev, u"exceptions"_s, text);
    field(ev, u"exceptions[1]"_s, number);
    field(ev, u"exceptions[0]"_s, u"2027-13-01T08:30:00"_s);
    field(ev, u"exceptions[1]"_s, u""_s);

    const QString ph = u"SipPhone"_s;
    for (const char *f : {"mac", "model", "ownerId", "label", "sipAddress", "sipUser", "ownerName"}) {
        field(ph, QLatin1String(f), number);
        field(ph, QLatin1String(f), null);
    }
    field(ph, u"pendingPush"_s, text);
    field(ph, u"keys"_s, object);
    field(ph, u"keys"_s, null);
    field(ph, u"keys[3]"_s, text);
    field(ph, u"keys[0]"_s, list);
    field(ph, u"keys[3].number"_s, 3223456799.0);
    field(ph, u"keys[3].displayName"_s, null);
    field(ph, u"keys[1].userId"_s, list);
    field(ph, u"keys[2].type"_s, u"speedDial"_s);
    field(ph, u"keys[2].type"_s, null);
    field(ph, u"keys[0].index"_s, u"1"_s);
    field(ph, u"keys[0].index"_s, 1.5);
    field(ph, u"keys[0].index"_s, 1e20);
    row(ph, "keys[1] without index", u"keys[1].index"_s, kMissing, u"keys[1].index"_s);
    row(ph, "keys[2] without type", u"keys[2].type"_s, kMissing, u"keys[2].type"_s);

    const QString kt = u"KeyTemplate"_s;
    field(kt, u"name"_s, number);
    field(kt, u"keys"_s, text);
    field(kt, u"keys[3].number"_s, object);
    field(kt, u"keys[2].type"_s, u"EXTENSION"_s);
    field(kt, u"groupIds"_s, text);
    field(kt, u"groupIds[1]"_s, object);
}

void TestDomainJson::refuses()
{
    QFETCH(QString, kind);
    QFETCH(QJsonObject, json);
    QFETCH(QString, field);
    const auto r = kindNamed(kind).read(json);
    VERIFY_ERROR(r, ErrorCode::Invalid);
    QCOMPARE(r.error().field, field);
    QVERIFY2(r.error().message.contains(field), qPrintable(r.error().message));
}

void TestDomainJson::refusalsAreTranslated()
{
    Translations translations;
    QVERIFY(translations.install(u"fr"_s));
    const auto r = Contact::fromJson(with(contact().toJson(), u"numbers[1].number"_s, 5));
    VERIFY_ERROR(r, ErrorCode::Invalid);
    QCOMPARE(r.error().message, u"Le champ numbers[1].number doit être du texte."_s);
    QVERIFY(translations.install(u"nl"_s));
    const auto scope = Contact::fromJson(with(contact().toJson(), u"scope"_s, u"team"_s));
    VERIFY_ERROR(scope, ErrorCode::Invalid);
    QVERIFY2(scope.error().message.startsWith(u"Het veld scope"_s), qPrintable(scope.error().message));
    QVERIFY(translations.install(u"en"_s));
}

void TestDomainJson::hugeAndDeepInput()
{
    // A long unknown value is quoted only in part.
    const QString huge(1'000'000, u'z');
    const auto r = Contact::fromJson(with(contact().toJson(), u"scope"_s, huge));
    VERIFY_ERROR(r, ErrorCode::Invalid);
    QVERIFY(r.error().message.size() < 200);

    // A huge, well-typed text is read as it is (validation limits lengths later).
    QCOMPARE(TAKE(User::fromJson(with(user().toJson(), u"firstName"_s, huge))).firstName.size(), huge.size());

    // The secrets are never quoted.
    QJsonObject secretive = phone().toJson();
    secretive[u"sipPassword"_s] = u"s3cret-value"_s;
    secretive[u"keys"_s] = 7;
    const auto s = SipPhone::fromJson(secretive);
    VERIFY_ERROR(s, ErrorCode::Invalid);
    QVERIFY(!s.error().message.contains(u"s3cret"_s));
    QVERIFY(TAKE(SipPhone::fromJson(phone().toJson())).sipPassword.isEmpty());
    QJsonObject pin = user().toJson();
    pin[u"pinHash"_s] = u"$argon2id$..."_s;
    QVERIFY(TAKE(User::fromJson(pin)).pinHash.isEmpty());

    // Deep nesting where an object or a list is expected.
    QJsonValue deep = QJsonObject {{u"voicemail"_s, true}};
    for (int i = 0; i < 500; ++i)
        deep = QJsonObject {{u"settings"_s, deep}};
    const auto d = Organisation::fromJson(with(organisation().toJson(), u"settings"_s, deep.toObject()[u"settings"_s]));
    VERIFY_ERROR(d, ErrorCode::Invalid);
    QCOMPARE(d.error().field, u"settings.settings"_s);
}

void TestDomainJson::fuzz_data()
{
    roundTrip_data();
}

void TestDomainJson::fuzz()
{
    // Random values of random types into every field, nested ones included. Whatever is accepted
    // reads back identically from its own toJson(); whatever is refused names a field.
    QFETCH(QString, kind);
    const Kind k = kindNamed(kind);
    QStringList paths = pathsOf(k.sample);
    paths << u"version"_s << u"unknownField"_s;
    QRandomGenerator rng(quint32(qHash(kind)));
    int accepted = 0;
    for (int i = 0; i < 1000; ++i) {
        QJsonObject body = k.sample;
        const int changes = rng.bounded(1, 4);
        for (int c = 0; c < changes; ++c) {
            const QStringList now = pathsOf(body) << u"version"_s;
            const QString path = now.at(rng.bounded(int(now.size())));
            body = with(body, path, rng.bounded(10) == 0 ? kMissing : randomValue(rng));
        }
        const auto r = k.read(body);
        if (!r) {
            QVERIFY2(!r.error().field.isEmpty(), qPrintable(r.error().message));
            QVERIFY(!r.error().message.isEmpty());
            continue;
        }
        ++accepted;
        const auto again = k.read(*r);
        QVERIFY2(again.ok(), qPrintable(again.ok() ? QString() : again.error().field));
        QCOMPARE(*again, *r);
    }
    QVERIFY(accepted > 0);
}

QTEST_GUILESS_MAIN(TestDomainJson)
#include "tst_domain_json.moc"
