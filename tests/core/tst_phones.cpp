// SIP phones in core: key templates and overrides in the store, effective keys, the vendors'
// provisioning files (golden files, byte for byte) and "Save and reload" over a fake reloader.

#include "TestResult.h"
#include "TestStore.h"

#include "devices/PhoneProvisioning.h"
#include "devices/PhoneReloadQueue.h"
#include "devices/RendererRegistry.h"
#include "devices/SnomRenderer.h"
#include "devices/YealinkRenderer.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QXmlStreamReader>

using namespace centrale;
using namespace Qt::StringLiterals;

namespace {

QByteArray goldenFile(const QString &name)
{
    QFile f(QStringLiteral(CENTRALE_TEST_DATA "/provisioning/") + name);
    if (!f.open(QIODevice::ReadOnly))
        return "missing golden file " + name.toUtf8();
    return f.readAll();
}

ProvisionedKey key(int index, ProvisionedKey::Kind kind, const QString &value, const QString &label)
{
    ProvisionedKey k;
    k.index = index;
    k.kind = kind;
    k.value = value;
    k.label = label;
    return k;
}

PhoneKey extensionKey(int index, const QString &userId, const QString &label = {})
{
    PhoneKey k;
    k.index = index;
    k.type = PhoneKey::Type::Extension;
    k.userId = userId;
    k.displayName = label;
    return k;
}

PhoneKey numberKey(int index, const QString &name, const QString &number)
{
    PhoneKey k;
    k.index = index;
    k.type = PhoneKey::Type::External;
    k.displayName = name;
    k.number = number;
    return k;
}

PhoneKey emptyKey(int index)
{
    PhoneKey k;
    k.index = index;
    return k;
}

int outboxCount(Store &s, const QString &entity)
{
    auto q = s.database().exec(u"SELECT count(*) FROM outbox WHERE entity = ?"_s, {entity});
    if (!q || !q->next())
        return -1;
    return q->value(0).toInt();
}

// Answers every request with a chosen outcome, after a turn of the event loop, like the network.
class FakeReloader final : public PhoneReloader {
public:
    ReloadResult::Outcome outcome = ReloadResult::Outcome::Reloaded;
    QList<ReloadRequest> requests;
    quint64 reload(const ReloadRequest &request) override
    {
        requests << request;
        const quint64 id = requests.size();
        QTimer::singleShot(0, this, [this, id] { Q_EMIT finished(id, result()); });
        return id;
    }
    ReloadResult reloadAndWait(const ReloadRequest &request) override
    {
        requests << request;
        return result();
    }
    ReloadResult result() const
    {
        ReloadResult r;
        r.outcome = outcome;
        r.statusCode = outcome == ReloadResult::Outcome::Reloaded ? 200 : outcome == ReloadResult::Outcome::Refused ? 403 : 0;
        return r;
    }
};

} // namespace

class TestPhones : public QObject {
    Q_OBJECT

private:
    TestStore m_ts;
    Store *s = nullptr;
    QString m_sales, m_support;
    QStringList m_users; // Emma (Sales), Lucas (Support), Marie (Sales, Support), Zoë (none)

    User makeUser(int n, const QString &first, const QString &last, const QStringList &groups)
    {
        User u;
        u.username = u"user.%1@domaincustomer.be"_s.arg(n);
        u.firstName = first;
        u.lastName = last;
        u.groupIds = groups;
        return u;
    }

    SipPhone makePhone(const QString &mac, const QString &model, const QString &owner)
    {
        SipPhone p;
        p.mac = mac;
        p.model = model;
        p.ownerId = owner;
        return TAKE(s->phones.create(p));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_ts.open());
        s = m_ts.store.get();
        UserGroup sales;
        sales.name = u"Sales"_s;
        UserGroup support;
        support.name = u"Support"_s;
        m_sales = TAKE(s->groups.create(sales)).id;
        m_support = TAKE(s->groups.create(support)).id;
        m_users << TAKE(s->users.create(makeUser(1, u"Emma"_s, u"Peeters"_s, {m_sales}))).id;
        m_users << TAKE(s->users.create(makeUser(2, u"Lucas"_s, u"Janssens"_s, {m_support}))).id;
        m_users << TAKE(s->users.create(makeUser(3, u"Marie"_s, u"Dubois"_s, {m_sales, m_support}))).id;
        m_users << TAKE(s->users.create(makeUser(4, u"Zoë"_s, u"Van den Bossche"_s, {}))).id;
    }

    // --- Domain --------------------------------------------------------------------------------

    void sipAddress_data()
    {
        QTest::addColumn<QString>("address");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("host");
        QTest::addColumn<int>("port");
        QTest::newRow("ip") << u"192.168.1.20"_s << true << u"192.168.1.20"_s << 5060;
        QTest::newRow("ip and port") << u"192.168.1.20:5070"_s << true << u"192.168.1.20"_s << 5070;
        QTest::newRow("host") << u"phone-12.office.example.be:5062"_s << true << u"phone-12.office.example.be"_s << 5062;
        QTest::newRow("ipv6") << u"[::1]:5080"_s << true << u"::1"_s << 5080;
        QTest::newRow("port too big") << u"10.0.0.1:70000"_s << false << QString() << 0;
        QTest::newRow("space") << u"10.0.0.1 5060"_s << false << QString() << 0;
        QTest::newRow("scheme") << u"sip:10.0.0.1"_s << false << QString() << 0;
    }
    void sipAddress()
    {
        QFETCH(QString, address);
        QFETCH(bool, valid);
        QFETCH(QString, host);
        QFETCH(int, port);
        QString parsedHost;
        quint16 parsedPort = 0;
        const Status st = SipPhone::parseSipAddress(address, &parsedHost, &parsedPort);
        QCOMPARE(st.ok(), valid);
        if (valid) {
            QCOMPARE(parsedHost, host);
            QCOMPARE(int(parsedPort), port);
        } else {
            QVERIFY(st.error().message.contains(address));
        }
    }

    void phoneKeepsLabelAddressAndCredentials()
    {
        SipPhone p;
        p.mac = u"00-15-65-00-00-01"_s;
        p.model = u"Yealink T54W"_s;
        p.ownerId = m_users.at(0);
        p.label = u"  Accueil  "_s;
        p.sipAddress = u"192.168.1.20:5070"_s;
        p.sipUser = u"admin"_s;
        p.sipPassword = u"s3cret"_s;
        auto created = TAKE(s->phones.create(p));
        auto read = TAKE(s->phones.get(created.id));
        QCOMPARE(read.mac, u"001565000001"_s);
        QCOMPARE(read.label, u"Accueil"_s);
        QCOMPARE(read.sipAddress, u"192.168.1.20:5070"_s);
        QCOMPARE(read.sipUser, u"admin"_s);
        QCOMPARE(read.sipPassword, u"s3cret"_s);
        // The password never goes to the server.
        QVERIFY(!read.toJson().contains(u"sipPassword"_s));
        SipPhone bad = read;
        bad.sipAddress = u"not an address"_s;
        VERIFY_ERROR(s->phones.update(bad), ErrorCode::Invalid);
        QCOMPARE(TAKE(s->phones.get(created.id)).sipAddress, u"192.168.1.20:5070"_s);
    }

    // --- Templates and overrides ----------------------------------------------------------------

    void templateKeysAppearOnMembersPhones()
    {
        const SipPhone emma = makePhone(u"000413000001"_s, u"Snom D715"_s, m_users.at(0)); // Sales, 4 keys
        const SipPhone lucas = makePhone(u"000413000002"_s, u"Snom D715"_s, m_users.at(1)); // Support
        VERIFY_OK(s->phones.setPendingPush(emma.id, false));
        VERIFY_OK(s->phones.setPendingPush(lucas.id, false));
        const int outboxBefore = outboxCount(*s, u"keyTemplate"_s);

        KeyTemplate t;
        t.name = u"Sales keys"_s;
        t.keys = {extensionKey(1, m_users.at(2)), numberKey(2, u"Taxi Verts"_s, u"02 349 49 49"_s)};
        t.groupIds = {m_sales};
        const KeyTemplate created = TAKE(s->templates.create(t));
        QCOMPARE(created.keys.at(1).number, u"+3223494949"_s);
        QCOMPARE(outboxCount(*s, u"keyTemplate"_s), outboxBefore + 1);

        // Emma (Sales) inherits both keys; her phone now has changes waiting. Lucas does not.
        const SipPhone emmaNow = TAKE(s->phones.get(emma.id));
        QVERIFY(emmaNow.pendingPush);
        QVERIFY(!TAKE(s->phones.get(lucas.id)).pendingPush);
        const QList<EffectiveKey> keys = TAKE(s->phones.effectiveKeys(emmaNow));
        QCOMPARE(keys.size(), 4);
        QVERIFY(keys.at(0).inherited());
        QCOMPARE(keys.at(0).key.userId, m_users.at(2));
        QCOMPARE(keys.at(0).templateName, u"Sales keys"_s);
        QCOMPARE(keys.at(0).groupName, u"Sales"_s);
        QCOMPARE(keys.at(0).inheritedFrom(), u"Sales keys (group Sales)"_s);
        QVERIFY(keys.at(1).inherited());
        QCOMPARE(keys.at(2).source, EffectiveKey::Source::None);
        const QList<EffectiveKey> lucasKeys = TAKE(s->phones.effectiveKeys(TAKE(s->phones.get(lucas.id))));
        QCOMPARE(lucasKeys.at(0).source, EffectiveKey::Source::None);
    }

    void phoneOverridesOneKeyWithoutLosingTheRest()
    {
        SipPhone emma = TAKE(s->phones.findByMac(u"000413000001"_s));
        const int outboxBefore = outboxCount(*s, u"phone"_s);
        VERIFY_OK(s->phones.applyKey({emma.id}, numberKey(1, u"Pizza"_s, u"+3222345678"_s), PhoneRepository::KeyChange::Set));
        QCOMPARE(outboxCount(*s, u"phone"_s), outboxBefore + 1);
        emma = TAKE(s->phones.get(emma.id));
        QList<EffectiveKey> keys = TAKE(s->phones.effectiveKeys(emma));
        QCOMPARE(keys.at(0).source, EffectiveKey::Source::Phone);
        QVERIFY(keys.at(0).overridesTemplate);
        QCOMPARE(keys.at(0).key.displayName, u"Pizza"_s);
        QVERIFY(keys.at(1).inherited()); // the rest stays

        // An explicit empty key hides the template's key; "inherit" brings it back.
        VERIFY_OK(s->phones.applyKey({emma.id}, emptyKey(2), PhoneRepository::KeyChange::Set));
        keys = TAKE(s->phones.effectiveKeys(TAKE(s->phones.get(emma.id))));
        QCOMPARE(keys.at(1).source, EffectiveKey::Source::Phone);
        QCOMPARE(keys.at(1).key.type, PhoneKey::Type::Empty);
        QVERIFY(keys.at(1).overridesTemplate);
        VERIFY_OK(s->phones.applyKey({emma.id}, emptyKey(2), PhoneRepository::KeyChange::Inherit));
        keys = TAKE(s->phones.effectiveKeys(TAKE(s->phones.get(emma.id))));
        QVERIFY(keys.at(1).inherited());
        QCOMPARE(keys.at(1).key.displayName, u"Taxi Verts"_s);
    }

    void firstGroupsTemplateWins()
    {
        // Marie is in Sales then Support: for a key both templates program, Sales wins.
        KeyTemplate support;
        support.name = u"Support keys"_s;
        support.keys = {extensionKey(1, m_users.at(1)), extensionKey(3, m_users.at(1))};
        support.groupIds = {m_support};
        VERIFY_OK(s->templates.create(support));
        const SipPhone marie = makePhone(u"000413000003"_s, u"Snom D715"_s, m_users.at(2));
        const QList<EffectiveKey> keys = TAKE(s->phones.effectiveKeys(marie));
        QCOMPARE(keys.at(0).templateName, u"Sales keys"_s);
        QCOMPARE(keys.at(2).templateName, u"Support keys"_s);
        QCOMPARE(keys.at(2).key.userId, m_users.at(1));
    }

    void membershipChangesMarkTheMembersPhones()
    {
        // Zoë is in no group; Sales has a template, a new group Reception has none.
        UserGroup reception;
        reception.name = u"Reception"_s;
        const QString receptionId = TAKE(s->groups.create(reception)).id;
        const QString zoe = m_users.at(3);
        const SipPhone phone = makePhone(u"000413000F01"_s, u"Snom D715"_s, zoe);
        const SipPhone other = makePhone(u"000413000F02"_s, u"Snom D715"_s, m_users.at(1));
        auto settle = [&] {
            VERIFY_OK(s->phones.setPendingPush(phone.id, false));
            VERIFY_OK(s->phones.setPendingPush(other.id, false));
        };
        auto pending = [&](const QString &id) { return TAKE(s->phones.get(id)).pendingPush; };

        settle();
        QCOMPARE(TAKE(s->users.addToGroup({zoe}, receptionId)), 1);
        QVERIFY(!pending(phone.id)); // no template: nothing changes on the phone

        QCOMPARE(TAKE(s->users.addToGroup({zoe}, m_sales)), 1);
        QVERIFY(pending(phone.id));
        QVERIFY(!pending(other.id));
        QVERIFY(TAKE(s->phones.effectiveKeys(TAKE(s->phones.get(phone.id)))).at(0).inherited());

        settle();
        QCOMPARE(TAKE(s->users.removeFromGroup({zoe}, m_sales)), 1);
        QVERIFY(pending(phone.id));

        // The user editor saves the whole user: the same rule.
        settle();
        User u = TAKE(s->users.get(zoe));
        u.groupIds = {m_sales, receptionId};
        VERIFY_OK(s->users.update(u));
        QVERIFY(pending(phone.id));
        settle();
        u.firstName = u"Zoé"_s; // no membership change: the phone has nothing new
        VERIFY_OK(s->users.update(u));
        QVERIFY(!pending(phone.id));

        // Back as it was for the next tests.
        u.firstName = u"Zoë"_s;
        u.groupIds = {};
        VERIFY_OK(s->users.update(u));
        VERIFY_OK(s->phones.remove(phone.id));
        VERIFY_OK(s->phones.remove(other.id));
        VERIFY_OK(s->groups.remove(receptionId));
    }

    void attachingMovesTheGroup()
    {
        KeyTemplate other;
        other.name = u"Other"_s;
        const KeyTemplate created = TAKE(s->templates.create(other));
        VERIFY_OK(s->templates.attach(created.id, m_sales));
        QCOMPARE(TAKE(s->templates.get(created.id)).groupIds, QStringList{m_sales});
        QVERIFY(!TAKE(s->templates.findByName(u"Sales keys"_s)).groupIds.contains(m_sales));
        VERIFY_ERROR(s->templates.detach(created.id, m_support), ErrorCode::NotFound);
        // Put things back for the tests after this one.
        VERIFY_OK(s->templates.attach(TAKE(s->templates.findByName(u"Sales keys"_s)).id, m_sales));
        VERIFY_OK(s->templates.remove(created.id));
        VERIFY_ERROR(s->templates.get(created.id), ErrorCode::NotFound);
    }

    void invalidTemplateChangesNothing()
    {
        KeyTemplate t = TAKE(s->templates.findByName(u"Sales keys"_s));
        const int outboxBefore = outboxCount(*s, u"keyTemplate"_s);
        t.setKey(numberKey(2, u"Nowhere"_s, u"12"_s));
        VERIFY_ERROR(s->templates.update(t), ErrorCode::Invalid);
        t = TAKE(s->templates.findByName(u"Sales keys"_s));
        t.groupIds << u"no-such-group"_s;
        VERIFY_ERROR(s->templates.update(t), ErrorCode::NotFound);
        QCOMPARE(outboxCount(*s, u"keyTemplate"_s), outboxBefore);
        QCOMPARE(TAKE(s->templates.findByName(u"Sales keys"_s)).key(2)->displayName, u"Taxi Verts"_s);
        KeyTemplate duplicate;
        duplicate.name = u"sales KEYS"_s;
        VERIFY_ERROR(s->templates.create(duplicate), ErrorCode::Duplicate);
    }

    void bulkKeyIsAllOrNothing()
    {
        const SipPhone a = TAKE(s->phones.findByMac(u"000413000001"_s));
        const SipPhone b = makePhone(u"001565000009"_s, u"Yealink T54W"_s, m_users.at(3));
        // Key 10 exists on the Yealink but not on the 4-key Snom: neither phone changes.
        PhoneKey k = numberKey(10, u"Secrétariat"_s, u"+3222345678"_s);
        VERIFY_ERROR(s->phones.applyKey({b.id, a.id}, k, PhoneRepository::KeyChange::Set), ErrorCode::Invalid);
        QVERIFY(!TAKE(s->phones.get(b.id)).ownKey(10));
        k.index = 4;
        VERIFY_OK(s->phones.applyKey({b.id, a.id}, k, PhoneRepository::KeyChange::Set));
        QVERIFY(TAKE(s->phones.get(b.id)).ownKey(4));
        QVERIFY(TAKE(s->phones.get(a.id)).ownKey(4));
    }

    // --- Provisioning files ---------------------------------------------------------------------

    void golden_data()
    {
        QTest::addColumn<QString>("vendor");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QList<ProvisionedKey>>("keys");
        QTest::addColumn<QString>("file");
        using K = ProvisionedKey::Kind;
        const QList<ProvisionedKey> blf = {key(1, K::Blf, u"user.2@domaincustomer.be"_s, u"Élise Dupont"_s)};
        const QList<ProvisionedKey> speed = {key(2, K::SpeedDial, u"+3223494949"_s, u"Taxi Verts"_s)};
        const QList<ProvisionedKey> none = {key(3, K::None, u"left over"_s, u"ignored"_s)};
        QTest::newRow("yealink blf") << u"yealink"_s << u"Yealink T54W"_s << blf << u"yealink_blf.cfg"_s;
        QTest::newRow("yealink speed dial") << u"yealink"_s << u"Yealink T54W"_s << speed << u"yealink_speed_dial.cfg"_s;
        QTest::newRow("yealink empty") << u"yealink"_s << u"Yealink T54W"_s << none << u"yealink_empty.cfg"_s;
        QTest::newRow("yealink special characters")
            << u"yealink"_s << u"Yealink T57W"_s
            << QList<ProvisionedKey>{key(1, K::SpeedDial, u"+3222345678"_s, u"Müller & Fils\n<\"Bureau\">\r\n#linekey.9.type = 16"_s),
                                     key(2, K::Blf, u"user.3@domaincustomer.be"_s, u"Zoë Van den Bossche"_s)}
            << u"yealink_special_characters.cfg"_s;
        const QList<ProvisionedKey> snomNone = {key(3, K::None, QString(), QString())};
        QTest::newRow("snom blf") << u"snom"_s << u"Snom D735"_s << blf << u"snom_blf.xml"_s;
        QTest::newRow("snom speed dial") << u"snom"_s << u"Snom D735"_s << speed << u"snom_speed_dial.xml"_s;
        QTest::newRow("snom none") << u"snom"_s << u"Snom D735"_s << snomNone << u"snom_none.xml"_s;
        QTest::newRow("snom special characters")
            << u"snom"_s << u"Snom D785"_s
            << QList<ProvisionedKey>{key(1, K::SpeedDial, u"+3222345678"_s, u"Müller & Fils\n<\"Bureau\">\n#2"_s),
                                     key(2, K::Blf, u"user.3@domaincustomer.be"_s, u"Zoë Van den Bossche"_s)}
            << u"snom_special_characters.xml"_s;
    }
    void golden()
    {
        QFETCH(QString, vendor);
        QFETCH(QString, model);
        QFETCH(QList<ProvisionedKey>, keys);
        QFETCH(QString, file);
        auto registry = RendererRegistry::withKnownVendors();
        const ProvisioningRenderer *renderer = registry->forModel(model);
        QVERIFY(renderer);
        QCOMPARE(renderer->vendor(), vendor);
        ProvisioningInput input;
        input.mac = vendor == u"snom"_s ? u"000413AABBCC"_s : u"00156512ABCD"_s;
        input.model = model;
        input.keys = keys;
        const QByteArray rendered = renderer->render(input);
        QCOMPARE(rendered, goldenFile(file));
    }

    void yealinkValuesStayOnTheirLine()
    {
        ProvisioningInput input;
        input.mac = u"00156512ABCD"_s;
        input.model = u"Yealink T54W\n#injected"_s;
        input.keys = {key(1, ProvisionedKey::Kind::SpeedDial, u"+3222345678\nlinekey.2.type = 16"_s, u"a\u2028b\n#c"_s)};
        const QList<QByteArray> lines = YealinkRenderer().render(input).split('\n');
        // Two header lines, four per key, and the final newline: nothing else.
        QCOMPARE(lines.size(), 2 + 4 + 1);
        for (const QByteArray &line : lines.mid(1))
            QVERIFY2(line.isEmpty() || line.startsWith("linekey.1.") || line.startsWith("## "), line.constData());
    }

    void snomFileIsWellFormedXml()
    {
        ProvisioningInput input;
        input.mac = u"000413AABBCC"_s;
        input.model = u"Snom D735 -- <x>"_s;
        const QString label = u"Ça & <là> \"ok\" 'oui'"_s;
        input.keys = {key(1, ProvisionedKey::Kind::SpeedDial, u"+3222345678"_s, label), key(2, ProvisionedKey::Kind::None, {}, {})};
        QXmlStreamReader xml(SnomRenderer().render(input));
        QStringList labels;
        QStringList values;
        QStringList indexes;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && xml.name() == u"fkey"_s) {
                labels << xml.attributes().value(u"label"_s).toString();
                indexes << xml.attributes().value(u"idx"_s).toString();
                values << xml.readElementText();
            }
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(labels, (QStringList{label, QString()}));
        QCOMPARE(values, (QStringList{u"speed +3222345678"_s, u"none"_s}));
        QCOMPARE(indexes, (QStringList{u"0"_s, u"1"_s}));
    }

    void registryChoosesByModel()
    {
        auto registry = RendererRegistry::withKnownVendors();
        QCOMPARE(registry->forModel(u"Yealink T57W"_s)->vendor(), u"yealink"_s);
        QCOMPARE(registry->forModel(u"Snom D785"_s)->vendor(), u"snom"_s);
        QCOMPARE(registry->forModel(u"Mitel 6867i"_s), nullptr);
        QCOMPARE(registry->forModel(u"Yealink T54W"_s)->fileName(u"00156512ABCD"_s), u"00156512abcd.cfg"_s);
        QCOMPARE(registry->forModel(u"Snom D785"_s)->fileName(u"000413aabbcc"_s), u"000413AABBCC.xml"_s);
        // Every supported model has a renderer except the ones said to have none.
        for (const QString &model : SipPhone::models())
            QCOMPARE(registry->forModel(model) != nullptr, !model.startsWith(u"Mitel"_s));
    }

    void renderFromTheStore()
    {
        // Emma's Snom: key 1 her own (Pizza), key 2 inherited (Taxi Verts), key 3 nothing, key 4 Secrétariat.
        const SipPhone emma = TAKE(s->phones.findByMac(u"000413000001"_s));
        auto registry = RendererRegistry::withKnownVendors();
        PhoneProvisioning provisioning(*s, *registry);
        const ProvisioningFile file = TAKE(provisioning.render(emma));
        QCOMPARE(file.vendor, u"snom"_s);
        QCOMPARE(file.fileName, u"000413000001.xml"_s);
        const QString text = QString::fromUtf8(file.content);
        QVERIFY2(text.contains(u"<fkey idx=\"0\" context=\"active\" label=\"Pizza\" perm=\"\">speed +3222345678</fkey>"_s), qPrintable(text));
        QVERIFY(text.contains(u"<fkey idx=\"1\" context=\"active\" label=\"Taxi Verts\" perm=\"\">speed +3223494949</fkey>"_s));
        QVERIFY(text.contains(u"<fkey idx=\"2\" context=\"active\" label=\"\" perm=\"\">none</fkey>"_s));
        QVERIFY(text.contains(u"label=\"Secrétariat\""_s));

        // Marie's phone: key 1 from the Sales template is Marie herself... a colleague's extension
        // is the colleague's SIP identity and name.
        const SipPhone marie = TAKE(s->phones.findByMac(u"000413000003"_s));
        const QString marieText = QString::fromUtf8(TAKE(provisioning.render(marie)).content);
        QVERIFY2(marieText.contains(u"label=\"Marie Dubois\" perm=\"\">blf sip:user.3@domaincustomer.be</fkey>"_s), qPrintable(marieText));

        SipPhone mitel;
        mitel.mac = u"000413000099"_s;
        mitel.model = u"Mitel 6867i"_s;
        const Result<ProvisioningFile> refused = provisioning.render(mitel);
        VERIFY_ERROR(refused, ErrorCode::Invalid);
        QVERIFY(refused.error().message.contains(u"Mitel 6867i"_s));
    }

    // --- Save and reload ------------------------------------------------------------------------

    void reloadClearsWaitingChangesOnlyWhenReloaded()
    {
        QTemporaryDir dir;
        auto registry = RendererRegistry::withKnownVendors();
        FakeReloader reloader;
        PhoneReloadQueue queue(*s, *registry, reloader, dir.path());

        SipPhone phone = TAKE(s->phones.findByMac(u"001565000001"_s)); // has an address and credentials
        VERIFY_OK(s->phones.setPendingPush(phone.id, true));
        reloader.outcome = ReloadResult::Outcome::Refused;
        PhoneReloadOutcome o = queue.reloadAndWait(phone.id);
        QCOMPARE(o.state, PhoneReloadOutcome::State::Refused);
        QVERIFY(TAKE(s->phones.get(phone.id)).pendingPush);
        QVERIFY(QFile::exists(dir.filePath(u"001565000001.cfg"_s)));
        QCOMPARE(reloader.requests.last().host, u"192.168.1.20"_s);
        QCOMPARE(reloader.requests.last().port, quint16(5070));
        QCOMPARE(reloader.requests.last().authUser, u"admin"_s);
        QCOMPARE(reloader.requests.last().authPassword, u"s3cret"_s);
        QCOMPARE(reloader.requests.last().vendor, u"yealink"_s);

        reloader.outcome = ReloadResult::Outcome::NoAnswer;
        QCOMPARE(queue.reloadAndWait(phone.id).state, PhoneReloadOutcome::State::NoAnswer);
        QVERIFY(TAKE(s->phones.get(phone.id)).pendingPush);

        reloader.outcome = ReloadResult::Outcome::Reloaded;
        QCOMPARE(queue.reloadAndWait(phone.id).state, PhoneReloadOutcome::State::Reloaded);
        QVERIFY(!TAKE(s->phones.get(phone.id)).pendingPush);

        // Without an address nothing is sent and the change waits.
        const SipPhone noAddress = TAKE(s->phones.findByMac(u"000413000002"_s));
        VERIFY_OK(s->phones.setPendingPush(noAddress.id, true));
        const qsizetype sent = reloader.requests.size();
        o = queue.reloadAndWait(noAddress.id);
        QCOMPARE(o.state, PhoneReloadOutcome::State::Waiting);
        QVERIFY(!o.message.isEmpty());
        QCOMPARE(reloader.requests.size(), sent);
        QVERIFY(TAKE(s->phones.get(noAddress.id)).pendingPush);
    }

    void reloadManyAndCancel()
    {
        QTemporaryDir dir;
        auto registry = RendererRegistry::withKnownVendors();
        FakeReloader reloader;
        PhoneReloadQueue queue(*s, *registry, reloader, dir.path());
        QStringList ids;
        for (int i = 0; i < 3; ++i) {
            SipPhone p;
            p.mac = u"0015650001%1"_s.arg(i, 2, 10, QLatin1Char('0'));
            p.model = u"Yealink T57W"_s;
            p.ownerId = m_users.at(3);
            p.sipAddress = u"10.0.0.%1"_s.arg(i + 1);
            ids << TAKE(s->phones.create(p)).id;
        }
        QSignalSpy progress(&queue, &PhoneReloadQueue::progress);
        QSignalSpy finished(&queue, &PhoneReloadQueue::finished);
        queue.start(ids);
        QVERIFY(finished.wait());
        QCOMPARE(queue.outcomes().size(), 3);
        for (const PhoneReloadOutcome &o : queue.outcomes())
            QCOMPARE(o.state, PhoneReloadOutcome::State::Reloaded);
        QCOMPARE(progress.last().at(0).toInt(), 3);

        // Cancel after the first phone: the others are not asked, and keep their changes.
        for (const QString &id : ids)
            VERIFY_OK(s->phones.setPendingPush(id, true));
        reloader.requests.clear();
        connect(&queue, &PhoneReloadQueue::phoneFinished, &queue, &PhoneReloadQueue::cancel, Qt::SingleShotConnection);
        queue.start(ids);
        QVERIFY(finished.wait());
        QCOMPARE(reloader.requests.size(), 1);
        const QList<PhoneReloadOutcome> outcomes = queue.outcomes();
        QCOMPARE(outcomes.size(), 3);
        QCOMPARE(outcomes.at(0).state, PhoneReloadOutcome::State::Reloaded);
        QCOMPARE(outcomes.at(1).state, PhoneReloadOutcome::State::Waiting);
        QCOMPARE(outcomes.at(2).state, PhoneReloadOutcome::State::Waiting);
        QVERIFY(TAKE(s->phones.get(ids.at(2))).pendingPush);
    }
};

QTEST_GUILESS_MAIN(TestPhones)
#include "tst_phones.moc"
