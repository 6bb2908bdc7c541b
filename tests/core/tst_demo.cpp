// The demo organisation: what the portal's examples need is there, everything passes the domain's
// validation, and it scales with --users.

#include "TestResult.h"
#include "TestStore.h"

#include "demo/DemoGenerator.h"
#include "domain/PhoneNumbers.h"

#include <QSet>
#include <QTest>

using namespace centrale;
using namespace Qt::StringLiterals;


namespace {

int scalar(Store &store, const QString &sql)
{
    auto q = store.database().exec(sql);
    if (!q || !q->next())
        return -1;
    return q->value(0).toInt();
}

} // namespace

class TestDemo final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();

    void summaryMatchesTheStore();
    void organisation();
    void firstUser();
    void groups();
    void contactsAtAllLevels();
    void numberPool();
    void calendarExamples();
    void phonesHaveKeys();
    void outboxIsEmpty();
    void usersAreValid();
    void contactsAreValid();
    void phonesAreValid();
    void otherRecordsAreValid();
    void generatingTwiceIsRefused();
    void refusesABadUserCount_data();
    void refusesABadUserCount();
    void scales();

private:
    std::unique_ptr<TestStore> m_ts;
    Store *s = nullptr;
    DemoGenerator::Summary m_summary;
    QList<std::pair<int, int>> m_progress;
};

void TestDemo::initTestCase()
{
    m_ts = std::make_unique<TestStore>();
    QVERIFY(m_ts->open(false));
    s = m_ts->store.get();
    auto summary = DemoGenerator::generate(s->database(), {}, [this](int done, int total) { m_progress.append({done, total}); });
    VERIFY_OK(summary);
    m_summary = *summary;
    s->refreshOrganisation();
}

void TestDemo::cleanupTestCase()
{
    s = nullptr;
    m_ts.reset();
}

void TestDemo::summaryMatchesTheStore()
{
    QCOMPARE(m_summary.users, DemoGenerator::Options {}.users);
    QCOMPARE(TAKE(s->users.count()), m_summary.users);
    QCOMPARE(TAKE(s->groups.count()), m_summary.groups);
    QCOMPARE(TAKE(s->contacts.count()), m_summary.contacts);
    QCOMPARE(TAKE(s->numbers.count()), m_summary.numbers);
    QCOMPARE(TAKE(s->functions.list()).size(), m_summary.functions);
    QCOMPARE(scalar(*s, u"SELECT count(*) FROM schedule_event"_s), m_summary.events);
    QCOMPARE(TAKE(s->phones.count()), m_summary.phones);
    QCOMPARE(TAKE(s->prompts.list()).size(), m_summary.prompts);

    // The progress callback ends with everything done.
    QVERIFY(!m_progress.isEmpty());
    QCOMPARE(m_progress.last().first, m_progress.last().second);
    for (const auto &[done, total] : m_progress)
        QVERIFY(done <= total);
    QCOMPARE(s->database().integrityCheck(), u"ok"_s);
    QCOMPARE(scalar(*s, u"SELECT count(*) FROM pragma_foreign_key_check"_s), 0);
}

void TestDemo::organisation()
{
    const Organisation org = TAKE(s->organisation.current());
    QCOMPARE(org.domain, u"domaincustomer.be"_s);
    QCOMPARE(org.name, u"Domain Customer"_s);
    VERIFY_OK(org.validate());
    QVERIFY(PhoneNumbers::toE164(org.mainNumber).ok());
}

void TestDemo::firstUser()
{
    const User user = TAKE(s->users.findByUsername(u"user.1@domaincustomer.be"_s));
    QCOMPARE(user.username, u"user.1@domaincustomer.be"_s);
    QVERIFY(!user.firstName.isEmpty());
    QVERIFY(!user.lastName.isEmpty());
    QVERIFY2(user.mobile.startsWith(u"+324"_s), qPrintable(user.mobile));
    QVERIFY(PhoneNumbers::isMobile(user.mobile));
    QCOMPARE(TAKE(PhoneNumbers::toE164(user.mobile, PhoneNumbers::Kind::Mobile)), user.mobile);
    QVERIFY(!user.groupIds.isEmpty());
    QVERIFY(!user.directNumber.isEmpty());
}

void TestDemo::groups()
{
    for (const QString &name : {u"Sales"_s, u"Support"_s, u"Management"_s}) {
        const UserGroup g = TAKE(s->groups.findByName(name));
        QCOMPARE(g.name, name);
        QVERIFY2(g.memberCount > 0, qPrintable(name));
        int set = 0;
        for (auto key : ServiceSettings::keys())
            set += g.settings.isSet(key) ? 1 : 0;
        QVERIFY2(set > 0, qPrintable(name + u" has no settings"_s));
        QCOMPARE(TAKE(s->users.count({}, g.id)), g.memberCount);
    }
    // The groups' settings make a difference to their members.
    const UserGroup sales = TAKE(s->groups.findByName(u"Sales"_s));
    const User member = TAKE(s->users.list({}, sales.id)).first();
    bool fromGroup = false;
    for (const EffectiveSetting &e : TAKE(s->users.effectiveSettings(member.id)))
        fromGroup = fromGroup || e.source == EffectiveSetting::Source::Group;
    QVERIFY(fromGroup);
}

void TestDemo::contactsAtAllLevels()
{
    QVERIFY(TAKE(s->contacts.count({}, Contact::Scope::Organisation)) > 0);
    QVERIFY(TAKE(s->contacts.count({}, Contact::Scope::User)) > 0);
    for (const QString &name : {u"Sales"_s, u"Support"_s, u"Management"_s}) {
        const UserGroup g = TAKE(s->groups.findByName(name));
        QVERIFY2(TAKE(s->contacts.count({}, Contact::Scope::Group, g.id)) > 0, qPrintable(name));
    }
    // Some user sees all three levels.
    bool found = false;
    for (const User &u : TAKE(s->users.list())) {
        QSet<Contact::Scope> scopes;
        for (const Contact &c : TAKE(s->contacts.effectiveForUser(u.id)))
            scopes << c.scope;
        if (scopes.size() == 3) {
            found = true;
            break;
        }
    }
    QVERIFY(found);
}

void TestDemo::numberPool()
{
    const auto free = TAKE(s->numbers.list({}, true));
    QVERIFY(!free.isEmpty());
    QCOMPARE(TAKE(s->numbers.count({}, true)), free.size());
    for (const PoolNumber &n : free)
        QVERIFY(n.isFree());
    // Function numbers have theirs, and no number is assigned twice.
    for (const FunctionNumber &f : TAKE(s->functions.list())) {
        const PoolNumber n = TAKE(s->numbers.findByNumber(f.number));
        QCOMPARE(n.functionId, f.id);
    }
    QCOMPARE(scalar(*s, u"SELECT count(*) FROM pool_number WHERE user_id IS NOT NULL AND function_id IS NOT NULL"_s), 0);
}

void TestDemo::calendarExamples()
{
    bool open = false;
    bool closed = false;
    for (const FunctionNumber &f : TAKE(s->functions.list())) {
        const auto events = TAKE(s->functions.events(f.id));
        for (const ScheduleEvent &e : events) {
            if (e.state == OpenState::Open && e.rrule == u"FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR"_s) {
                QCOMPARE(e.start.time(), QTime(8, 30));
                QCOMPARE(e.end.time(), QTime(12, 30));
                QCOMPARE(e.start.date(), e.end.date());
                QCOMPARE(e.start.date().dayOfWeek(), static_cast<int>(Qt::Monday));
                QVERIFY(!e.allDay);
                open = true;
            }
            if (e.state == OpenState::Closed && e.rrule.contains(u"FREQ=YEARLY"_s)) {
                QVERIFY(e.allDay);
                QCOMPARE(e.start.date().month(), 1);
                QCOMPARE(e.start.date().day(), 1);
                QCOMPARE(e.start.time(), QTime(0, 0));
                QCOMPARE(e.end, e.start.addDays(1));
                QVERIFY(e.rrule.contains(u"BYMONTH=1"_s));
                QVERIFY(e.rrule.contains(u"BYMONTHDAY=1"_s));
                QVERIFY(!e.promptId.isEmpty());
                const VoicePrompt prompt = TAKE(s->prompts.get(e.promptId));
                QVERIFY(!prompt.name.isEmpty());
                // The closing comes first: it must win over the opening hours on 1 January.
                QCOMPARE(e.position, 0);
                QVERIFY(events.size() >= 2);
                closed = true;
            }
        }
    }
    QVERIFY2(open, "no open weekday event from 08:30 to 12:30");
    QVERIFY2(closed, "no closed yearly event on 1 January");
}

void TestDemo::phonesHaveKeys()
{
    const auto phones = TAKE(s->phones.list());
    QVERIFY(!phones.isEmpty());
    for (const SipPhone &p : phones) {
        QVERIFY2(!p.keys.isEmpty(), qPrintable(p.mac));
        QVERIFY(!p.ownerId.isEmpty());
        QVERIFY(!p.pendingPush);
    }
    // Phones of a user are found through the owner.
    const SipPhone first = phones.first();
    QVERIFY(TAKE(s->phones.list({}, first.ownerId)).size() >= 1);
}

void TestDemo::outboxIsEmpty()
{
    QCOMPARE(TAKE(s->outbox.count()), 0);
    // Written clean, as what the server already holds.
    for (const QString &table : {u"organisation"_s, u"user_group"_s, u"app_user"_s, u"contact"_s, u"pool_number"_s, u"function_number"_s,
             u"schedule_event"_s, u"voice_prompt"_s, u"sip_phone"_s}) {
        QCOMPARE(scalar(*s, u"SELECT count(*) FROM %1 WHERE dirty <> 0 OR version <> 1"_s.arg(table)), 0);
    }
    QCOMPARE(TAKE(s->users.findByUsername(u"user.1@domaincustomer.be"_s)).version, qint64(1));
}

void TestDemo::usersAreValid()
{
    const auto users = TAKE(s->users.list());
    QCOMPARE(users.size(), m_summary.users);
    for (const User &stored : users) {
        User u = stored;
        const Status st = u.normaliseAndValidate(u"domaincustomer.be"_s);
        QVERIFY2(st.ok(), qPrintable(stored.username + u": "_s + (st.ok() ? QString() : st.error().message)));
        // Already normalised: validation changes nothing.
        QCOMPARE(u.username, stored.username);
        QCOMPARE(u.mobile, stored.mobile);
        QCOMPARE(u.firstName, stored.firstName);
        QCOMPARE(u.lastName, stored.lastName);
        if (!stored.directNumber.isEmpty())
            QCOMPARE(TAKE(PhoneNumbers::toE164(stored.directNumber)), stored.directNumber);
    }
}

void TestDemo::contactsAreValid()
{
    const auto contacts = TAKE(s->contacts.list());
    QCOMPARE(contacts.size(), m_summary.contacts);
    for (const Contact &stored : contacts) {
        Contact c = stored;
        const Status st = c.normaliseAndValidate();
        QVERIFY2(st.ok(), qPrintable(stored.displayName() + u": "_s + (st.ok() ? QString() : st.error().message)));
        QCOMPARE(c.numbers, stored.numbers);
    }
}

void TestDemo::phonesAreValid()
{
    const auto phones = TAKE(s->phones.list());
    QCOMPARE(phones.size(), m_summary.phones);
    for (const SipPhone &stored : phones) {
        SipPhone p = stored;
        const Status st = p.normaliseAndValidate();
        QVERIFY2(st.ok(), qPrintable(stored.mac + u": "_s + (st.ok() ? QString() : st.error().message)));
        QCOMPARE(p.mac, stored.mac);
        QCOMPARE(p.keys, stored.keys);
        for (const PhoneKey &k : p.keys) {
            if (k.type == PhoneKey::Type::Extension)
                QVERIFY(s->users.get(k.userId).ok());
        }
    }
}

void TestDemo::otherRecordsAreValid()
{
    for (const UserGroup &g : TAKE(s->groups.list()))
        QVERIFY2(g.validate().ok(), qPrintable(g.name));
    for (const PoolNumber &stored : TAKE(s->numbers.list())) {
        PoolNumber n = stored;
        QVERIFY2(n.normaliseAndValidate().ok(), qPrintable(stored.number));
        QCOMPARE(n.number, stored.number);
    }
    for (const VoicePrompt &stored : TAKE(s->prompts.list())) {
        VoicePrompt p = stored;
        QVERIFY2(p.normaliseAndValidate().ok(), qPrintable(stored.name));
    }
    for (const FunctionNumber &stored : TAKE(s->functions.list())) {
        FunctionNumber f = stored;
        QVERIFY2(f.normaliseAndValidate().ok(), qPrintable(stored.name));
        QCOMPARE(f.number, stored.number);
        for (const ScheduleEvent &storedEvent : TAKE(s->functions.events(stored.id))) {
            ScheduleEvent e = storedEvent;
            const Status st = e.normaliseAndValidate();
            QVERIFY2(st.ok(), qPrintable(storedEvent.title + u": "_s + (st.ok() ? QString() : st.error().message)));
            QCOMPARE(e.start, storedEvent.start);
            QCOMPARE(e.end, storedEvent.end);
        }
    }
}

void TestDemo::generatingTwiceIsRefused()
{
    const int users = TAKE(s->users.count());
    const int groups = TAKE(s->groups.count());
    auto again = DemoGenerator::generate(s->database(), {});
    QVERIFY(!again.ok());
    QCOMPARE(again.error().code, ErrorCode::Duplicate);
    QVERIFY(!again.error().message.isEmpty());
    QCOMPARE(TAKE(s->users.count()), users);
    QCOMPARE(TAKE(s->groups.count()), groups);
    QCOMPARE(scalar(*s, u"SELECT count(*) FROM organisation"_s), 1);

    // Also refused when the organisation was created by hand.
    TestStore other;
    QVERIFY(other.open(true));
    auto onTop = DemoGenerator::generate(other.store->database(), {});
    QVERIFY(!onTop.ok());
    QCOMPARE(onTop.error().code, ErrorCode::Duplicate);
    QCOMPARE(TAKE(other.store->users.count()), 0);
}

void TestDemo::refusesABadUserCount_data()
{
    QTest::addColumn<int>("users");
    QTest::newRow("0") << 0;
    QTest::newRow("-1") << -1;
    QTest::newRow("500 001") << 500001;
}

void TestDemo::refusesABadUserCount()
{
    QFETCH(int, users);
    TestStore ts;
    QVERIFY(ts.open(false));
    DemoGenerator::Options options;
    options.users = users;
    auto result = DemoGenerator::generate(ts.store->database(), options);
    QVERIFY(!result.ok());
    QCOMPARE(result.error().code, ErrorCode::Invalid);
    QCOMPARE(result.error().field, u"users"_s);
    QCOMPARE(scalar(*ts.store, u"SELECT count(*) FROM organisation"_s), 0);
}

void TestDemo::scales()
{
    // --users 2000: a large organisation, in proportion.
    TestStore ts;
    QVERIFY(ts.open(false));
    DemoGenerator::Options options;
    options.users = 2000;
    auto summary = DemoGenerator::generate(ts.store->database(), options);
    VERIFY_OK(summary);
    ts.store->refreshOrganisation();
    Store &big = *ts.store;

    QCOMPARE(summary->users, 2000);
    QCOMPARE(TAKE(big.users.count()), 2000);
    QCOMPARE(TAKE(big.groups.count()), summary->groups);
    QVERIFY(summary->groups >= 3);
    QCOMPARE(TAKE(big.phones.count()), summary->phones);
    QCOMPARE(summary->phones, 1000); // one phone for two users
    QCOMPARE(TAKE(big.numbers.count()), summary->numbers);
    QCOMPARE(summary->numbers, 2000 + 200 + 2); // a number per user, 10 % free, the function numbers
    QCOMPARE(TAKE(big.numbers.count({}, true)), 200);
    QCOMPARE(scalar(big, u"SELECT count(*) FROM pool_number WHERE user_id IS NOT NULL"_s), 2000);
    QCOMPARE(TAKE(big.contacts.count()), summary->contacts);
    QVERIFY(TAKE(big.contacts.count({}, Contact::Scope::User)) >= 2000); // a contact of his own for each user
    QCOMPARE(TAKE(big.outbox.count()), 0);
    // Every group has members; the three named ones exist.
    for (const UserGroup &g : TAKE(big.groups.list()))
        QVERIFY2(g.memberCount > 0, qPrintable(g.name));
    VERIFY_OK(big.groups.findByName(u"Management"_s));
    // Usernames run up to the count.
    VERIFY_OK(big.users.findByUsername(u"user.2000@domaincustomer.be"_s));
    QVERIFY(!big.users.findByUsername(u"user.2001@domaincustomer.be"_s).ok());
    // Larger than the default demo in every respect.
    QVERIFY(summary->contacts > m_summary.contacts);
    QVERIFY(summary->phones > m_summary.phones);
    QVERIFY(summary->numbers > m_summary.numbers);
    QCOMPARE(scalar(big, u"SELECT count(DISTINCT mac) FROM sip_phone"_s), 1000);
    QCOMPARE(scalar(big, u"SELECT count(DISTINCT mobile) FROM app_user"_s), 2000);
}

QTEST_GUILESS_MAIN(TestDemo)
#include "tst_demo.moc"
