// Every repository of core/store against a real SQLite file: create, get, find, update, remove,
// and lists sorted, filtered and paged by SQL.

#include "TestResult.h"
#include "TestStore.h"

#include "domain/PhoneNumbers.h"

#include <QTest>

using namespace centrale;
using namespace Qt::StringLiterals;


namespace {

ListQuery sorted(const QString &key, bool descending = false)
{
    ListQuery q;
    q.sortKey = key;
    q.descending = descending;
    return q;
}

ListQuery filtered(const QString &filter)
{
    ListQuery q;
    q.filter = filter;
    return q;
}

ListQuery page(int offset, int limit, const QString &key = {})
{
    ListQuery q;
    q.sortKey = key;
    q.offset = offset;
    q.limit = limit;
    return q;
}

template <typename T, typename F> QStringList project(const QList<T> &items, F f)
{
    QStringList out;
    for (const T &item : items)
        out << f(item);
    return out;
}

QStringList names(const QList<UserGroup> &groups)
{
    return project(groups, [](const UserGroup &g) { return g.name; });
}
QStringList lastNames(const QList<User> &users)
{
    return project(users, [](const User &u) { return u.lastName; });
}
QStringList usernames(const QList<User> &users)
{
    return project(users, [](const User &u) { return u.username; });
}
QStringList numbersOf(const QList<PoolNumber> &numbers)
{
    return project(numbers, [](const PoolNumber &n) { return n.number; });
}
QStringList displayNames(const QList<Contact> &contacts)
{
    return project(contacts, [](const Contact &c) { return c.displayName(); });
}
QStringList promptNames(const QList<VoicePrompt> &prompts)
{
    return project(prompts, [](const VoicePrompt &p) { return p.name; });
}
QStringList functionNames(const QList<FunctionNumber> &functions)
{
    return project(functions, [](const FunctionNumber &f) { return f.name; });
}
QStringList macs(const QList<SipPhone> &phones)
{
    return project(phones, [](const SipPhone &p) { return p.mac; });
}
QStringList eventTitles(const QList<ScheduleEvent> &events)
{
    return project(events, [](const ScheduleEvent &e) { return e.title; });
}

User makeUser(int n, const QString &first, const QString &last, const QStringList &groups = {})
{
    User u;
    u.username = u"user.%1@domaincustomer.be"_s.arg(n);
    u.firstName = first;
    u.lastName = last;
    u.email = u"%1.%2@example.be"_s.arg(first.toLower(), last.toLower().remove(QLatin1Char(' ')));
    u.mobile = u"+324751000%1"_s.arg(n, 2, 10, QLatin1Char('0'));
    u.groupIds = groups;
    return u;
}

Contact makeContact(const QString &first, const QString &last, const QString &company, const QString &number,
    Contact::Scope scope = Contact::Scope::Organisation, const QString &owner = {})
{
    Contact c;
    c.firstName = first;
    c.lastName = last;
    c.company = company;
    c.numbers = {{u"Work"_s, number}};
    c.scope = scope;
    c.ownerId = owner;
    return c;
}

ScheduleEvent makeEvent(const QString &functionId, const QString &title, int position = -1)
{
    ScheduleEvent e;
    e.functionId = functionId;
    e.title = title;
    e.position = position;
    e.start = QDateTime(QDate(2024, 1, 8), QTime(8, 30));
    e.end = QDateTime(QDate(2024, 1, 8), QTime(12, 30));
    return e;
}

} // namespace

class TestRepositories final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void organisation();
    void groupCrud();
    void groupListing();
    void filterIsLiteral_data();
    void filterIsLiteral();
    void userCrud();
    void userListing();
    void usersOfGroup();
    void numberCrud();
    void numberAssignment();
    void numberListing();
    void contactCrud();
    void contactListing();
    void promptCrud();
    void promptListing();
    void promptUsage();
    void functionCrud();
    void functionListing();
    void events();
    void eventsMoveAndRenumber_data();
    void eventsMoveAndRenumber();
    void phoneCrud();
    void phoneListing();
    void phonesOfUser();
    void pagingWithoutLimit();
    void accentsAndCaseIgnored();

private:
    // Three groups, four users (Sales: 2, Support: 1 + one in both).
    void seedPeople();
    QString m_sales;
    QString m_support;
    QString m_management;
    QStringList m_users; // ids, by user number 1..4

    std::unique_ptr<TestStore> m_ts;
    Store *s = nullptr;
};

void TestRepositories::init()
{
    m_ts = std::make_unique<TestStore>();
    QVERIFY(m_ts->open());
    s = m_ts->store.get();
    m_users.clear();
}

void TestRepositories::cleanup()
{
    s = nullptr;
    m_ts.reset();
}

void TestRepositories::seedPeople()
{
    UserGroup sales;
    sales.name = u"Sales"_s;
    sales.description = u"Équipe commerciale, Bruxelles"_s;
    sales.settings.noAnswerSeconds = 15;
    UserGroup support;
    support.name = u"Support"_s;
    support.description = u"Helpdesk, Gent"_s;
    UserGroup management;
    management.name = u"Management"_s;
    management.description = u"Direction"_s;
    auto g1 = s->groups.create(sales);
    auto g2 = s->groups.create(support);
    auto g3 = s->groups.create(management);
    VERIFY_OK(g1);
    VERIFY_OK(g2);
    VERIFY_OK(g3);
    m_sales = g1->id;
    m_support = g2->id;
    m_management = g3->id;

    const QList<User> people = {
        makeUser(1, u"Emma"_s, u"Peeters"_s, {m_sales}),
        makeUser(2, u"Lucas"_s, u"Janssens"_s, {m_support}),
        makeUser(3, u"Marie"_s, u"Dubois"_s, {m_sales, m_support}),
        makeUser(4, u"arthur"_s, u"maes"_s, {m_sales}),
    };
    for (const User &u : people) {
        auto created = s->users.create(u);
        VERIFY_OK(created);
        m_users << created->id;
    }
}

// --- Organisation --------------------------------------------------------------------------------

void TestRepositories::organisation()
{
    auto org = s->organisation.current();
    VERIFY_OK(org);
    QCOMPARE(org->domain, u"domaincustomer.be"_s);
    QCOMPARE(org->name, u"Domain Customer"_s);
    QVERIFY(!org->id.isEmpty());
    QVERIFY(org->dirty);
    QVERIFY(org->settings == ServiceSettings::organisationDefaults());

    // A store holds one organisation.
    Organisation other;
    other.domain = u"other.be"_s;
    other.name = u"Other"_s;
    VERIFY_ERROR(s->organisation.create(other), ErrorCode::Duplicate);

    Organisation changed = *org;
    changed.name = u"Domain Customer SA"_s;
    changed.language = u"nl"_s;
    changed.mainNumber = u"+3223000000"_s;
    changed.settings.noAnswerSeconds = 25;
    VERIFY_OK(s->organisation.update(changed));
    auto reread = s->organisation.current();
    VERIFY_OK(reread);
    QCOMPARE(reread->name, u"Domain Customer SA"_s);
    QCOMPARE(reread->language, u"nl"_s);
    QCOMPARE(reread->mainNumber, u"+3223000000"_s);
    QCOMPARE(reread->settings.noAnswerSeconds, std::optional<int>(25));

    Organisation invalid = *reread;
    invalid.domain = u"not a domain"_s;
    VERIFY_ERROR(s->organisation.update(invalid), ErrorCode::Invalid);
    invalid = *reread;
    invalid.mainNumber = u"12"_s;
    VERIFY_ERROR(s->organisation.update(invalid), ErrorCode::Invalid);
    QCOMPARE(s->organisation.current()->name, u"Domain Customer SA"_s);

    // Without an organisation, current() says so.
    TestStore empty;
    QVERIFY(empty.open(false));
    VERIFY_ERROR(empty.store->organisation.current(), ErrorCode::NotFound);
}

// --- Groups --------------------------------------------------------------------------------------

void TestRepositories::groupCrud()
{
    UserGroup g;
    g.name = u"  Sales "_s;
    g.description = u"Bureau de Bruxelles"_s;
    g.settings.internationalCalls = true;
    auto created = s->groups.create(g);
    VERIFY_OK(created);
    QCOMPARE(created->name, u"Sales"_s); // trimmed
    QVERIFY(!created->id.isEmpty());

    auto got = s->groups.get(created->id);
    VERIFY_OK(got);
    QCOMPARE(got->name, u"Sales"_s);
    QCOMPARE(got->description, u"Bureau de Bruxelles"_s);
    QCOMPARE(got->settings.internationalCalls, std::optional<bool>(true));
    QVERIFY(!got->settings.isSet(ServiceSettings::Key::Voicemail));
    QCOMPARE(got->memberCount, 0);
    QVERIFY(got->dirty);

    auto found = s->groups.findByName(u"SALES"_s);
    VERIFY_OK(found);
    QCOMPARE(found->id, created->id);
    VERIFY_ERROR(s->groups.findByName(u"Marketing"_s), ErrorCode::NotFound);
    VERIFY_ERROR(s->groups.get(u"no-such-id"_s), ErrorCode::NotFound);

    // Names are unique, ignoring case.
    UserGroup same;
    same.name = u"sales"_s;
    VERIFY_ERROR(s->groups.create(same), ErrorCode::Duplicate);

    UserGroup support;
    support.name = u"Support"_s;
    auto supportCreated = s->groups.create(support);
    VERIFY_OK(supportCreated);

    UserGroup renamed = *got;
    renamed.name = u"Sales & Marketing"_s;
    renamed.settings.noAnswerSeconds = 40;
    VERIFY_OK(s->groups.update(renamed));
    QCOMPARE(s->groups.get(created->id)->name, u"Sales & Marketing"_s);
    QCOMPARE(s->groups.get(created->id)->settings.noAnswerSeconds, std::optional<int>(40));
    // Keeping its own name is not a duplicate; taking another group's is.
    VERIFY_OK(s->groups.update(renamed));
    renamed.name = u"SUPPORT"_s;
    VERIFY_ERROR(s->groups.update(renamed), ErrorCode::Duplicate);
    renamed.name = QString();
    VERIFY_ERROR(s->groups.update(renamed), ErrorCode::Invalid);
    renamed.name = u"Ghost"_s;
    renamed.id = u"no-such-id"_s;
    VERIFY_ERROR(s->groups.update(renamed), ErrorCode::NotFound);

    VERIFY_OK(s->groups.remove(created->id));
    VERIFY_ERROR(s->groups.get(created->id), ErrorCode::NotFound);
    VERIFY_ERROR(s->groups.remove(created->id), ErrorCode::NotFound);
    QCOMPARE(TAKE(s->groups.count()), 1);
}

void TestRepositories::groupListing()
{
    seedPeople();
    // Sales 3 members, Support 2, Management 0.
    QCOMPARE(names(TAKE(s->groups.list())), (QStringList {u"Management"_s, u"Sales"_s, u"Support"_s}));
    QCOMPARE(names(TAKE(s->groups.list(sorted(u"name"_s, true)))), (QStringList {u"Support"_s, u"Sales"_s, u"Management"_s}));
    QCOMPARE(names(TAKE(s->groups.list(sorted(u"members"_s)))), (QStringList {u"Management"_s, u"Support"_s, u"Sales"_s}));
    QCOMPARE(names(TAKE(s->groups.list(sorted(u"members"_s, true)))), (QStringList {u"Sales"_s, u"Support"_s, u"Management"_s}));
    QCOMPARE(names(TAKE(s->groups.list(sorted(u"description"_s)))), (QStringList {u"Management"_s, u"Support"_s, u"Sales"_s}));
    // An unknown sort key falls back to the default instead of reaching SQL.
    QCOMPARE(
        names(TAKE(s->groups.list(sorted(u"name; DROP TABLE user_group"_s)))), (QStringList {u"Management"_s, u"Sales"_s, u"Support"_s}));

    const auto all = TAKE(s->groups.list());
    QCOMPARE(all.at(1).memberCount, 3);
    QCOMPARE(all.at(2).memberCount, 2);

    // Filter: case-insensitive substring of the name or the description.
    QCOMPARE(names(TAKE(s->groups.list(filtered(u"SUP"_s)))), QStringList {u"Support"_s});
    QCOMPARE(names(TAKE(s->groups.list(filtered(u"gent"_s)))), QStringList {u"Support"_s});
    QCOMPARE(names(TAKE(s->groups.list(filtered(u"a"_s)))), (QStringList {u"Management"_s, u"Sales"_s}));
    QCOMPARE(TAKE(s->groups.count(u"a"_s)), 2);
    QCOMPARE(TAKE(s->groups.count(u"  sales "_s)), 1);
    QCOMPARE(TAKE(s->groups.count(u"zzz"_s)), 0);
    QCOMPARE(TAKE(s->groups.count()), 3);

    // Paging.
    QCOMPARE(names(TAKE(s->groups.list(page(0, 2)))), (QStringList {u"Management"_s, u"Sales"_s}));
    QCOMPARE(names(TAKE(s->groups.list(page(2, 2)))), QStringList {u"Support"_s});
    QCOMPARE(names(TAKE(s->groups.list(page(3, 2)))), QStringList());
    ListQuery filteredPage = page(1, 1);
    filteredPage.filter = u"a"_s;
    QCOMPARE(names(TAKE(s->groups.list(filteredPage))), QStringList {u"Sales"_s});
}

void TestRepositories::filterIsLiteral_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("percent") << u"%"_s << QStringList {u"100% Sales"_s};
    QTest::newRow("percent inside") << u"0% S"_s << QStringList {u"100% Sales"_s};
    QTest::newRow("underscore") << u"_"_s << QStringList {u"Team_A"_s};
    QTest::newRow("underscore inside") << u"m_a"_s << QStringList {u"Team_A"_s};
    QTest::newRow("backslash") << u"\\"_s << QStringList {u"Back\\slash"_s};
    QTest::newRow("quote") << u"'"_s << QStringList {u"O'Neill team"_s};
    QTest::newRow("plain") << u"team"_s << QStringList {u"O'Neill team"_s, u"Team_A"_s, u"TeamXA"_s};
}

void TestRepositories::filterIsLiteral()
{
    QFETCH(QString, filter);
    QFETCH(QStringList, expected);

    for (const QString &name :
        {u"100% Sales"_s, u"1000 Sales"_s, u"Team_A"_s, u"TeamXA"_s, u"Back\\slash"_s, u"Backslash"_s, u"O'Neill team"_s}) {
        UserGroup g;
        g.name = name;
        VERIFY_OK(s->groups.create(g));
    }
    QCOMPARE(names(TAKE(s->groups.list(filtered(filter)))), expected);
    QCOMPARE(TAKE(s->groups.count(filter)), expected.size());

    // The same escaping applies to every repository's filter.
    Contact c = makeContact(u"Anna"_s, u"Percent"_s, u"50% Off"_s, u"02 300 00 01"_s);
    VERIFY_OK(s->contacts.create(c));
    VERIFY_OK(s->contacts.create(makeContact(u"Bert"_s, u"Plain"_s, u"500 Off"_s, u"02 300 00 02"_s)));
    QCOMPARE(TAKE(s->contacts.count(u"0% "_s)), 1);
    QCOMPARE(TAKE(s->contacts.count(u"0_ "_s)), 0);
}

// --- Users ---------------------------------------------------------------------------------------

void TestRepositories::userCrud()
{
    UserGroup g;
    g.name = u"Sales"_s;
    const QString salesId = s->groups.create(g)->id;
    g.name = u"Support"_s;
    const QString supportId = s->groups.create(g)->id;

    User u = makeUser(1, u"Emma"_s, u"Peeters"_s, {supportId, salesId});
    u.username = u"User.1@DomainCustomer.be"_s;
    u.mobile = u"0475 12 34 56"_s;
    u.language = u"nl"_s;
    u.settings.voicemail = false;
    auto created = s->users.create(u);
    VERIFY_OK(created);
    QCOMPARE(created->username, u"user.1@domaincustomer.be"_s);
    QCOMPARE(created->mobile, u"+32475123456"_s);

    auto got = s->users.get(created->id);
    VERIFY_OK(got);
    QCOMPARE(got->username, u"user.1@domaincustomer.be"_s);
    QCOMPARE(got->firstName, u"Emma"_s);
    QCOMPARE(got->lastName, u"Peeters"_s);
    QCOMPARE(got->email, u"emma.peeters@example.be"_s);
    QCOMPARE(got->mobile, u"+32475123456"_s);
    QCOMPARE(got->language, u"nl"_s);
    QCOMPARE(got->groupIds, (QStringList {supportId, salesId})); // membership order is kept
    QCOMPARE(got->settings.voicemail, std::optional<bool>(false));
    QVERIFY(!got->settings.isSet(ServiceSettings::Key::NoAnswerSeconds));
    QVERIFY(got->directNumber.isEmpty());
    QVERIFY(got->dirty);

    auto found = s->users.findByUsername(u" USER.1@domaincustomer.be"_s);
    VERIFY_OK(found);
    QCOMPARE(found->id, created->id);
    VERIFY_ERROR(s->users.findByUsername(u"user.2@domaincustomer.be"_s), ErrorCode::NotFound);
    VERIFY_ERROR(s->users.get(u"nope"_s), ErrorCode::NotFound);

    // Usernames are unique, ignoring case.
    User same = makeUser(2, u"Other"_s, u"Person"_s);
    same.username = u"USER.1@domaincustomer.be"_s;
    VERIFY_ERROR(s->users.create(same), ErrorCode::Duplicate);
    // The domain is the organisation's.
    User foreign = makeUser(2, u"Other"_s, u"Person"_s);
    foreign.username = u"user.2@example.be"_s;
    VERIFY_ERROR(s->users.create(foreign), ErrorCode::Invalid);
    // Groups must exist.
    User lost = makeUser(2, u"Other"_s, u"Person"_s, {u"no-such-group"_s});
    VERIFY_ERROR(s->users.create(lost), ErrorCode::NotFound);
    QCOMPARE(TAKE(s->users.count()), 1);

    User second = makeUser(2, u"Lucas"_s, u"Janssens"_s);
    auto secondCreated = s->users.create(second);
    VERIFY_OK(secondCreated);

    User changed = *got;
    changed.lastName = u"Peeters-Maes"_s;
    changed.groupIds = {salesId};
    changed.mobile = u"+32 495 00 00 01"_s;
    VERIFY_OK(s->users.update(changed));
    auto reread = s->users.get(created->id);
    VERIFY_OK(reread);
    QCOMPARE(reread->lastName, u"Peeters-Maes"_s);
    QCOMPARE(reread->groupIds, QStringList {salesId});
    QCOMPARE(reread->mobile, u"+32495000001"_s);
    QCOMPARE(s->groups.get(supportId)->memberCount, 0);

    changed.username = u"user.2@domaincustomer.be"_s;
    VERIFY_ERROR(s->users.update(changed), ErrorCode::Duplicate);
    changed = *reread;
    changed.mobile = u"+32 2 300 00 00"_s;
    VERIFY_ERROR(s->users.update(changed), ErrorCode::Invalid);
    changed = *reread;
    changed.groupIds = {u"no-such-group"_s};
    VERIFY_ERROR(s->users.update(changed), ErrorCode::NotFound);
    changed = *reread;
    changed.id = u"no-such-id"_s;
    changed.username = u"user.9@domaincustomer.be"_s;
    VERIFY_ERROR(s->users.update(changed), ErrorCode::NotFound);
    QCOMPARE(s->users.get(created->id)->mobile, u"+32495000001"_s); // refused updates changed nothing

    VERIFY_OK(s->users.remove(created->id));
    VERIFY_ERROR(s->users.get(created->id), ErrorCode::NotFound);
    VERIFY_ERROR(s->users.remove(created->id), ErrorCode::NotFound);
    QCOMPARE(TAKE(s->users.count()), 1);
    QCOMPARE(s->groups.get(salesId)->memberCount, 0);
}

void TestRepositories::userListing()
{
    seedPeople();
    // 1 Emma Peeters, 2 Lucas Janssens, 3 Marie Dubois, 4 arthur maes.
    QCOMPARE(lastNames(TAKE(s->users.list())), (QStringList {u"Dubois"_s, u"Janssens"_s, u"maes"_s, u"Peeters"_s}));
    QCOMPARE(
        lastNames(TAKE(s->users.list(sorted(u"lastName"_s, true)))), (QStringList {u"Peeters"_s, u"maes"_s, u"Janssens"_s, u"Dubois"_s}));
    QCOMPARE(lastNames(TAKE(s->users.list(sorted(u"firstName"_s)))), (QStringList {u"maes"_s, u"Peeters"_s, u"Janssens"_s, u"Dubois"_s}));
    QCOMPARE(usernames(TAKE(s->users.list(sorted(u"username"_s, true)))),
        (QStringList {
            u"user.4@domaincustomer.be"_s, u"user.3@domaincustomer.be"_s, u"user.2@domaincustomer.be"_s, u"user.1@domaincustomer.be"_s}));
    QCOMPARE(lastNames(TAKE(s->users.list(sorted(u"mobile"_s)))), (QStringList {u"Peeters"_s, u"Janssens"_s, u"Dubois"_s, u"maes"_s}));
    QCOMPARE(lastNames(TAKE(s->users.list(sorted(u"email"_s)))), (QStringList {u"maes"_s, u"Peeters"_s, u"Janssens"_s, u"Dubois"_s}));

    // Direct numbers: sorting and filtering by them.
    auto n1 = s->numbers.create(PoolNumber {{}, u"02 300 00 09"_s, {}, {}, {}});
    auto n2 = s->numbers.create(PoolNumber {{}, u"02 300 00 05"_s, {}, {}, {}});
    VERIFY_OK(n1);
    VERIFY_OK(n2);
    VERIFY_OK(s->numbers.assignToUser(n1->id, m_users.at(1))); // Janssens
    VERIFY_OK(s->numbers.assignToUser(n2->id, m_users.at(3))); // maes
    const auto byDirect = TAKE(s->users.list(sorted(u"directNumber"_s, true)));
    QCOMPARE(lastNames(byDirect).mid(0, 2), (QStringList {u"Janssens"_s, u"maes"_s}));
    QCOMPARE(byDirect.first().directNumber, u"+3223000009"_s);
    QCOMPARE(lastNames(TAKE(s->users.list(filtered(u"3000005"_s)))), QStringList {u"maes"_s});
    QCOMPARE(TAKE(s->users.count(u"3000005"_s)), 1);

    // Filter: case-insensitive substring of username, names, email, mobile.
    QCOMPARE(lastNames(TAKE(s->users.list(filtered(u"MARIE"_s)))), QStringList {u"Dubois"_s});
    QCOMPARE(lastNames(TAKE(s->users.list(filtered(u"user.2@"_s)))), QStringList {u"Janssens"_s});
    QCOMPARE(lastNames(TAKE(s->users.list(filtered(u"+3247510000"_s)))).size(), 4);
    QCOMPARE(lastNames(TAKE(s->users.list(filtered(u"arthur.maes@"_s)))), QStringList {u"maes"_s});
    QCOMPARE(TAKE(s->users.count(u"ee"_s)), 1); // Peeters
    QCOMPARE(TAKE(s->users.count(u"nobody"_s)), 0);
    QCOMPARE(TAKE(s->users.count()), 4);

    // Paging on a sorted list.
    QCOMPARE(lastNames(TAKE(s->users.list(page(1, 2)))), (QStringList {u"Janssens"_s, u"maes"_s}));
    QCOMPARE(lastNames(TAKE(s->users.list(page(3, 10)))), QStringList {u"Peeters"_s});
    ListQuery q = page(0, 1, u"lastName"_s);
    q.descending = true;
    QCOMPARE(lastNames(TAKE(s->users.list(q))), QStringList {u"Peeters"_s});
}

void TestRepositories::usersOfGroup()
{
    seedPeople();
    QCOMPARE(lastNames(TAKE(s->users.list({}, m_sales))), (QStringList {u"Dubois"_s, u"maes"_s, u"Peeters"_s}));
    QCOMPARE(lastNames(TAKE(s->users.list({}, m_support))), (QStringList {u"Dubois"_s, u"Janssens"_s}));
    QCOMPARE(TAKE(s->users.list({}, m_management)).size(), 0);
    QCOMPARE(TAKE(s->users.count({}, m_sales)), 3);
    QCOMPARE(TAKE(s->users.count({}, m_management)), 0);

    // Combined with a filter, a sort and a page.
    ListQuery q = sorted(u"firstName"_s, true);
    QCOMPARE(lastNames(TAKE(s->users.list(q, m_sales))), (QStringList {u"Dubois"_s, u"Peeters"_s, u"maes"_s}));
    q.filter = u"e"_s; // Emma Peeters, Marie Dubois, arthur maes: all have an e
    q.limit = 1;
    q.offset = 1;
    QCOMPARE(lastNames(TAKE(s->users.list(q, m_sales))), QStringList {u"Peeters"_s});
    QCOMPARE(TAKE(s->users.count(u"marie"_s, m_support)), 1);
    QCOMPARE(TAKE(s->users.count(u"emma"_s, m_support)), 0);

    // A user in two groups lists both, in order.
    const User marie = TAKE(s->users.get(m_users.at(2)));
    QCOMPARE(marie.groupIds, (QStringList {m_sales, m_support}));
}

// --- Number pool ---------------------------------------------------------------------------------

void TestRepositories::numberCrud()
{
    auto created = s->numbers.create(PoolNumber {{}, u"02 300 00 10"_s, {}, {}, {}});
    VERIFY_OK(created);
    QCOMPARE(created->number, u"+3223000010"_s);
    QVERIFY(created->isFree());

    auto got = s->numbers.get(created->id);
    VERIFY_OK(got);
    QCOMPARE(got->number, u"+3223000010"_s);
    QVERIFY(got->isFree());
    QVERIFY(got->assigneeName.isEmpty());

    auto found = s->numbers.findByNumber(u"+32 2 300 00 10"_s);
    VERIFY_OK(found);
    QCOMPARE(found->id, created->id);
    VERIFY_ERROR(s->numbers.findByNumber(u"02 300 00 11"_s), ErrorCode::NotFound);
    VERIFY_ERROR(s->numbers.findByNumber(u"garbage"_s), ErrorCode::Invalid);

    // The same number in another format is a duplicate.
    VERIFY_ERROR(s->numbers.create(PoolNumber {{}, u"0032 2 300 00 10"_s, {}, {}, {}}), ErrorCode::Duplicate);
    VERIFY_ERROR(s->numbers.create(PoolNumber {{}, u"02 300"_s, {}, {}, {}}), ErrorCode::Invalid);

    VERIFY_OK(s->numbers.remove(created->id));
    VERIFY_ERROR(s->numbers.get(created->id), ErrorCode::NotFound);
    VERIFY_ERROR(s->numbers.remove(created->id), ErrorCode::NotFound);
}

void TestRepositories::numberAssignment()
{
    seedPeople();
    auto a = s->numbers.create(PoolNumber {{}, u"02 300 00 01"_s, {}, {}, {}});
    auto b = s->numbers.create(PoolNumber {{}, u"02 300 00 02"_s, {}, {}, {}});
    VERIFY_OK(a);
    VERIFY_OK(b);
    const QString emma = m_users.at(0);
    const QString lucas = m_users.at(1);

    VERIFY_OK(s->numbers.assignToUser(a->id, emma));
    QCOMPARE(s->numbers.get(a->id)->userId, emma);
    QCOMPARE(s->numbers.get(a->id)->assigneeName, u"Emma Peeters"_s);
    QCOMPARE(s->users.get(emma)->directNumber, u"+3223000001"_s);
    // Assigning it again to the same user is harmless.
    VERIFY_OK(s->numbers.assignToUser(a->id, emma));

    // A taken number cannot go to someone else.
    VERIFY_ERROR(s->numbers.assignToUser(a->id, lucas), ErrorCode::InUse);
    QCOMPARE(s->numbers.get(a->id)->userId, emma);

    // A new number for Emma sends her previous one back to the pool.
    VERIFY_OK(s->numbers.assignToUser(b->id, emma));
    QVERIFY(s->numbers.get(a->id)->isFree());
    QCOMPARE(s->numbers.get(b->id)->userId, emma);
    QCOMPARE(s->users.get(emma)->directNumber, u"+3223000002"_s);
    VERIFY_OK(s->numbers.assignToUser(a->id, lucas));

    // Function numbers.
    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Accueil"_s;
    auto fn = s->functions.create(f);
    VERIFY_OK(fn);
    auto c = s->numbers.create(PoolNumber {{}, u"02 300 00 03"_s, {}, {}, {}});
    VERIFY_OK(c);
    VERIFY_OK(s->numbers.assignToFunction(c->id, fn->id));
    QCOMPARE(s->numbers.get(c->id)->functionId, fn->id);
    QCOMPARE(s->numbers.get(c->id)->assigneeName, u"Accueil"_s);
    VERIFY_ERROR(s->numbers.assignToUser(c->id, emma), ErrorCode::InUse);
    VERIFY_ERROR(s->numbers.assignToFunction(a->id, fn->id), ErrorCode::InUse);

    // Release.
    VERIFY_OK(s->numbers.release(b->id));
    QVERIFY(s->numbers.get(b->id)->isFree());
    QVERIFY(s->users.get(emma)->directNumber.isEmpty());
    VERIFY_ERROR(s->numbers.release(u"no-such-id"_s), ErrorCode::NotFound);
    VERIFY_ERROR(s->numbers.assignToUser(u"no-such-id"_s, emma), ErrorCode::NotFound);
}

void TestRepositories::numberListing()
{
    seedPeople();
    QStringList ids;
    for (const QString &n : {u"02 300 00 04"_s, u"02 300 00 01"_s, u"02 300 00 03"_s, u"02 300 00 02"_s, u"09 330 00 00"_s}) {
        auto created = s->numbers.create(PoolNumber {{}, n, {}, {}, {}});
        VERIFY_OK(created);
        ids << created->id;
    }
    VERIFY_OK(s->numbers.assignToUser(ids.at(0), m_users.at(0))); // +3223000004 Emma Peeters
    VERIFY_OK(s->numbers.assignToUser(ids.at(1), m_users.at(2))); // +3223000001 Marie Dubois

    QCOMPARE(numbersOf(TAKE(s->numbers.list())),
        (QStringList {u"+3223000001"_s, u"+3223000002"_s, u"+3223000003"_s, u"+3223000004"_s, u"+3293300000"_s}));
    QCOMPARE(numbersOf(TAKE(s->numbers.list(sorted(u"number"_s, true)))),
        (QStringList {u"+3293300000"_s, u"+3223000004"_s, u"+3223000003"_s, u"+3223000002"_s, u"+3223000001"_s}));
    // By assignee: free numbers (no name) first, then by name.
    QCOMPARE(numbersOf(TAKE(s->numbers.list(sorted(u"assignee"_s)))),
        (QStringList {u"+3223000002"_s, u"+3223000003"_s, u"+3293300000"_s, u"+3223000004"_s, u"+3223000001"_s}));
    QCOMPARE(numbersOf(TAKE(s->numbers.list(sorted(u"assignee"_s, true)))).mid(0, 2), (QStringList {u"+3223000001"_s, u"+3223000004"_s}));

    // The free numbers of the pool.
    QCOMPARE(numbersOf(TAKE(s->numbers.list({}, true))), (QStringList {u"+3223000002"_s, u"+3223000003"_s, u"+3293300000"_s}));
    QCOMPARE(TAKE(s->numbers.count({}, true)), 3);
    QCOMPARE(TAKE(s->numbers.count()), 5);
    QCOMPARE(numbersOf(TAKE(s->numbers.list(page(1, 1), true))), QStringList {u"+3223000003"_s});

    // Filter by number or by assignee, case-insensitive.
    QCOMPARE(numbersOf(TAKE(s->numbers.list(filtered(u"DUBOIS"_s)))), QStringList {u"+3223000001"_s});
    QCOMPARE(numbersOf(TAKE(s->numbers.list(filtered(u"+329"_s)))), QStringList {u"+3293300000"_s});
    QCOMPARE(TAKE(s->numbers.count(u"+32230"_s)), 4);
    QCOMPARE(TAKE(s->numbers.count(u"+32230"_s, true)), 2);
    QCOMPARE(numbersOf(TAKE(s->numbers.list(filtered(u"emma"_s), true))), QStringList());
    QCOMPARE(numbersOf(TAKE(s->numbers.list(page(3, 5)))), (QStringList {u"+3223000004"_s, u"+3293300000"_s}));
}

// --- Contacts ------------------------------------------------------------------------------------

void TestRepositories::contactCrud()
{
    seedPeople();
    Contact c = makeContact(u" Jan "_s, u"Janssens"_s, u"Proximus"_s, u"02 300 00 01"_s);
    c.email = u"jan@proximus.be"_s;
    c.numbers << ContactNumber {u"Mobile"_s, u"0475 99 88 77"_s};
    auto created = s->contacts.create(c);
    VERIFY_OK(created);

    auto got = s->contacts.get(created->id);
    VERIFY_OK(got);
    QCOMPARE(got->scope, Contact::Scope::Organisation);
    QVERIFY(got->ownerId.isEmpty());
    QCOMPARE(got->firstName, u"Jan"_s);
    QCOMPARE(got->company, u"Proximus"_s);
    QCOMPARE(got->email, u"jan@proximus.be"_s);
    const QList<ContactNumber> numbers {{u"Work"_s, u"+3223000001"_s}, {u"Mobile"_s, u"+32475998877"_s}};
    QCOMPARE(got->numbers, numbers);
    QVERIFY(got->dirty);

    // Group and user contacts need an existing owner of the right kind.
    auto groupContact = s->contacts.create(makeContact(u"Sofie"_s, u"Claes"_s, {}, u"09 330 00 01"_s, Contact::Scope::Group, m_sales));
    VERIFY_OK(groupContact);
    QCOMPARE(s->contacts.get(groupContact->id)->ownerId, m_sales);
    QCOMPARE(s->contacts.get(groupContact->id)->sourceName, u"Sales"_s);
    auto userContact = s->contacts.create(makeContact(u"Mama"_s, {}, {}, u"0475 00 00 01"_s, Contact::Scope::User, m_users.at(0)));
    VERIFY_OK(userContact);
    QCOMPARE(s->contacts.get(userContact->id)->ownerId, m_users.at(0));
    VERIFY_ERROR(
        s->contacts.create(makeContact(u"X"_s, {}, {}, u"02 300 00 02"_s, Contact::Scope::Group, m_users.at(0))), ErrorCode::NotFound);
    VERIFY_ERROR(s->contacts.create(makeContact(u"X"_s, {}, {}, u"02 300 00 02"_s, Contact::Scope::User, m_sales)), ErrorCode::NotFound);
    VERIFY_ERROR(s->contacts.create(makeContact(u"X"_s, {}, {}, u"02 300 00 02"_s, Contact::Scope::Group)), ErrorCode::Invalid);
    VERIFY_ERROR(s->contacts.create(makeContact({}, {}, {}, u"02 300 00 02"_s)), ErrorCode::Invalid);
    QCOMPARE(TAKE(s->contacts.count()), 3);

    // Update: fields, and moving the contact to a group.
    Contact changed = *got;
    changed.lastName = u"Janssens-Peeters"_s;
    changed.numbers = {{u"Work"_s, u"+32 2 300 00 09"_s}};
    changed.scope = Contact::Scope::Group;
    changed.ownerId = m_support;
    VERIFY_OK(s->contacts.update(changed));
    auto reread = s->contacts.get(created->id);
    VERIFY_OK(reread);
    QCOMPARE(reread->lastName, u"Janssens-Peeters"_s);
    QCOMPARE(reread->numbers, (QList<ContactNumber> {{u"Work"_s, u"+3223000009"_s}}));
    QCOMPARE(reread->scope, Contact::Scope::Group);
    QCOMPARE(reread->ownerId, m_support);
    changed.numbers.clear();
    VERIFY_ERROR(s->contacts.update(changed), ErrorCode::Invalid);
    changed = *reread;
    changed.id = u"nope"_s;
    VERIFY_ERROR(s->contacts.update(changed), ErrorCode::NotFound);

    VERIFY_OK(s->contacts.remove(created->id));
    VERIFY_ERROR(s->contacts.get(created->id), ErrorCode::NotFound);
    VERIFY_ERROR(s->contacts.remove(created->id), ErrorCode::NotFound);
    QCOMPARE(TAKE(s->contacts.count()), 2);
}

void TestRepositories::contactListing()
{
    seedPeople();
    VERIFY_OK(s->contacts.create(makeContact(u"Jan"_s, u"Janssens"_s, u"Proximus"_s, u"02 300 00 01"_s)));
    VERIFY_OK(s->contacts.create(makeContact({}, {}, u"Bpost"_s, u"02 300 00 02"_s))); // sorts as "Bpost"
    VERIFY_OK(s->contacts.create(makeContact(u"Ann"_s, u"Claes"_s, u"Colruyt"_s, u"02 300 00 03"_s)));
    VERIFY_OK(s->contacts.create(makeContact(u"Wim"_s, u"Aerts"_s, {}, u"09 330 00 01"_s, Contact::Scope::Group, m_sales)));
    VERIFY_OK(s->contacts.create(makeContact(u"Els"_s, u"Dumont"_s, {}, u"09 330 00 02"_s, Contact::Scope::Group, m_support)));
    VERIFY_OK(s->contacts.create(makeContact(u"Mama"_s, u"Zeger"_s, {}, u"0475 00 00 01"_s, Contact::Scope::User, m_users.at(0))));
    VERIFY_OK(s->contacts.create(makeContact(u"Papa"_s, u"Yilmaz"_s, {}, u"0475 00 00 02"_s, Contact::Scope::User, m_users.at(1))));

    QCOMPARE(displayNames(TAKE(s->contacts.list())),
        (QStringList {u"Wim Aerts"_s, u"Bpost"_s, u"Ann Claes"_s, u"Els Dumont"_s, u"Jan Janssens"_s, u"Papa Yilmaz"_s, u"Mama Zeger"_s}));
    QCOMPARE(displayNames(TAKE(s->contacts.list(sorted(u"lastName"_s, true)))).first(), u"Mama Zeger"_s);
    QCOMPARE(displayNames(TAKE(s->contacts.list(sorted(u"firstName"_s)))),
        (QStringList {u"Bpost"_s, u"Ann Claes"_s, u"Els Dumont"_s, u"Jan Janssens"_s, u"Mama Zeger"_s, u"Papa Yilmaz"_s, u"Wim Aerts"_s}));
    QCOMPARE(displayNames(TAKE(s->contacts.list(sorted(u"company"_s, true)))).mid(0, 3),
        (QStringList {u"Jan Janssens"_s, u"Ann Claes"_s, u"Bpost"_s}));
    QCOMPARE(displayNames(TAKE(s->contacts.list(sorted(u"scope"_s)))),
        (QStringList {u"Wim Aerts"_s, u"Els Dumont"_s, u"Bpost"_s, u"Ann Claes"_s, u"Jan Janssens"_s, u"Papa Yilmaz"_s, u"Mama Zeger"_s}));

    // One level, one owner.
    QCOMPARE(displayNames(TAKE(s->contacts.list({}, Contact::Scope::Organisation))),
        (QStringList {u"Bpost"_s, u"Ann Claes"_s, u"Jan Janssens"_s}));
    QCOMPARE(displayNames(TAKE(s->contacts.list({}, Contact::Scope::Group))), (QStringList {u"Wim Aerts"_s, u"Els Dumont"_s}));
    QCOMPARE(displayNames(TAKE(s->contacts.list({}, Contact::Scope::Group, m_support))), QStringList {u"Els Dumont"_s});
    QCOMPARE(displayNames(TAKE(s->contacts.list({}, Contact::Scope::User, m_users.at(0)))), QStringList {u"Mama Zeger"_s});
    QCOMPARE(TAKE(s->contacts.count({}, Contact::Scope::User)), 2);
    QCOMPARE(TAKE(s->contacts.count({}, Contact::Scope::User, m_users.at(2))), 0);
    QCOMPARE(TAKE(s->contacts.count()), 7);

    // Filter: names, company, email and numbers, case-insensitive.
    QCOMPARE(displayNames(TAKE(s->contacts.list(filtered(u"PROXI"_s)))), QStringList {u"Jan Janssens"_s});
    QCOMPARE(displayNames(TAKE(s->contacts.list(filtered(u"+3293300002"_s)))), QStringList {u"Els Dumont"_s});
    QCOMPARE(TAKE(s->contacts.count(u"an"_s)), 2); // Jan Janssens, Ann Claes
    QCOMPARE(TAKE(s->contacts.count(u"AN"_s, Contact::Scope::Organisation)), 2);
    QCOMPARE(TAKE(s->contacts.count(u"an"_s, Contact::Scope::Group)), 0);
    // Numbers are searched, the way they are stored is not: "bel" is in no contact's values.
    QCOMPARE(TAKE(s->contacts.count(u"bel"_s)), 0);
    QCOMPARE(TAKE(s->contacts.count(u"number"_s)), 0);
    QCOMPARE(
        displayNames(TAKE(s->contacts.list(filtered(u"Work"_s), Contact::Scope::Group))), (QStringList {u"Wim Aerts"_s, u"Els Dumont"_s}));
    QCOMPARE(
        displayNames(TAKE(s->contacts.list(filtered(u"a"_s), Contact::Scope::User))), (QStringList {u"Papa Yilmaz"_s, u"Mama Zeger"_s}));

    // Paging.
    QCOMPARE(displayNames(TAKE(s->contacts.list(page(2, 2)))), (QStringList {u"Ann Claes"_s, u"Els Dumont"_s}));
    QCOMPARE(displayNames(TAKE(s->contacts.list(page(6, 2)))), QStringList {u"Mama Zeger"_s});
}

// --- Voice prompts -------------------------------------------------------------------------------

void TestRepositories::promptCrud()
{
    VoicePrompt p;
    p.name = u" Accueil "_s;
    p.description = u"Bienvenue chez Domain Customer."_s;
    p.durationMs = 4100;
    p.origin = VoicePrompt::Origin::RecordedLocally;
    p.peakDbfs = -1.5;
    p.rmsDbfs = -18.25;
    p.audio = QByteArray("RIFF....WAVEfmt audio", 21);
    auto created = s->prompts.create(p);
    VERIFY_OK(created);
    QCOMPARE(created->name, u"Accueil"_s);

    auto got = s->prompts.get(created->id);
    VERIFY_OK(got);
    QCOMPARE(got->name, u"Accueil"_s);
    QCOMPARE(got->description, u"Bienvenue chez Domain Customer."_s);
    QCOMPARE(got->durationMs, qint64(4100));
    QCOMPARE(got->origin, VoicePrompt::Origin::RecordedLocally);
    QCOMPARE(got->peakDbfs, -1.5);
    QCOMPARE(got->rmsDbfs, -18.25);
    QVERIFY(got->audio.isEmpty()); // not loaded by get()
    QCOMPARE(TAKE(s->prompts.audio(created->id)), p.audio);
    VERIFY_ERROR(s->prompts.audio(u"nope"_s), ErrorCode::NotFound);

    QCOMPARE(s->prompts.findByName(u"ACCUEIL"_s)->id, created->id);
    VERIFY_ERROR(s->prompts.findByName(u"Fermeture"_s), ErrorCode::NotFound);
    VoicePrompt same;
    same.name = u"accueil"_s;
    VERIFY_ERROR(s->prompts.create(same), ErrorCode::Duplicate);
    VoicePrompt other;
    other.name = u"Fermeture"_s;
    VERIFY_OK(s->prompts.create(other));

    // Updating metadata keeps the audio; new audio replaces it.
    VoicePrompt changed = *got;
    changed.description = u"Bienvenue. Welkom."_s;
    VERIFY_OK(s->prompts.update(changed));
    QCOMPARE(s->prompts.get(created->id)->description, u"Bienvenue. Welkom."_s);
    QCOMPARE(TAKE(s->prompts.audio(created->id)), p.audio);
    changed.audio = QByteArray("new audio");
    VERIFY_OK(s->prompts.update(changed));
    QCOMPARE(TAKE(s->prompts.audio(created->id)), QByteArray("new audio"));
    changed.name = u"FERMETURE"_s;
    VERIFY_ERROR(s->prompts.update(changed), ErrorCode::Duplicate);
    changed.name = QString();
    VERIFY_ERROR(s->prompts.update(changed), ErrorCode::Invalid);

    VERIFY_OK(s->prompts.remove(created->id));
    VERIFY_ERROR(s->prompts.get(created->id), ErrorCode::NotFound);
    VERIFY_ERROR(s->prompts.remove(created->id), ErrorCode::NotFound);
}

void TestRepositories::promptListing()
{
    const QList<std::tuple<QString, qint64, VoicePrompt::Origin, QString>> rows = {
        {u"Accueil"_s, 4100, VoicePrompt::Origin::RecordedLocally, u"Bienvenue"_s},
        {u"fermeture"_s, 6200, VoicePrompt::Origin::ImportedFile, u"Nos bureaux sont fermés"_s},
        {u"Attente"_s, 30000, VoicePrompt::Origin::ImportedFile, u"Musique"_s},
        {u"Zomer"_s, 1000, VoicePrompt::Origin::RecordedByCall, u"Zomersluiting"_s},
    };
    for (const auto &[name, duration, origin, description] : rows) {
        VoicePrompt p;
        p.name = name;
        p.durationMs = duration;
        p.origin = origin;
        p.description = description;
        VERIFY_OK(s->prompts.create(p));
    }
    QCOMPARE(promptNames(TAKE(s->prompts.list())), (QStringList {u"Accueil"_s, u"Attente"_s, u"fermeture"_s, u"Zomer"_s}));
    QCOMPARE(promptNames(TAKE(s->prompts.list(sorted(u"name"_s, true)))),
        (QStringList {u"Zomer"_s, u"fermeture"_s, u"Attente"_s, u"Accueil"_s}));
    QCOMPARE(promptNames(TAKE(s->prompts.list(sorted(u"duration"_s, true)))),
        (QStringList {u"Attente"_s, u"fermeture"_s, u"Accueil"_s, u"Zomer"_s}));
    // origin names: call < imported < recorded
    QCOMPARE(
        promptNames(TAKE(s->prompts.list(sorted(u"origin"_s)))), (QStringList {u"Zomer"_s, u"Attente"_s, u"fermeture"_s, u"Accueil"_s}));
    QCOMPARE(promptNames(TAKE(s->prompts.list(filtered(u"ZOMER"_s)))), QStringList {u"Zomer"_s});
    QCOMPARE(promptNames(TAKE(s->prompts.list(filtered(u"fermés"_s)))), QStringList {u"fermeture"_s}); // description
    QCOMPARE(promptNames(TAKE(s->prompts.list(page(1, 2)))), (QStringList {u"Attente"_s, u"fermeture"_s}));
}

void TestRepositories::promptUsage()
{
    VoicePrompt p;
    p.name = u"Fermeture"_s;
    const QString promptId = s->prompts.create(p)->id;
    p.name = u"Unused"_s;
    const QString unusedId = s->prompts.create(p)->id;

    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Accueil"_s;
    const QString fid = s->functions.create(f)->id;
    ScheduleEvent e = makeEvent(fid, u"Nouvel an"_s);
    e.state = OpenState::Closed;
    e.promptId = promptId;
    auto event = s->functions.addEvent(e);
    VERIFY_OK(event);

    auto usage = s->prompts.usage(promptId);
    VERIFY_OK(usage);
    QCOMPARE(usage->size(), 1);
    QCOMPARE(usage->first().functionId, fid);
    QCOMPARE(usage->first().functionName, u"Accueil"_s);
    QCOMPARE(usage->first().eventId, event->id);
    QCOMPARE(usage->first().eventTitle, u"Nouvel an"_s);
    QCOMPARE(s->prompts.usage(unusedId)->size(), 0);

    // An event cannot refer to a prompt that does not exist.
    ScheduleEvent lost = makeEvent(fid, u"Lost"_s);
    lost.promptId = u"no-such-prompt"_s;
    VERIFY_ERROR(s->functions.addEvent(lost), ErrorCode::NotFound);
    ScheduleEvent changed = *event;
    changed.promptId = u"no-such-prompt"_s;
    VERIFY_ERROR(s->functions.updateEvent(changed), ErrorCode::NotFound);

    // Pointing the event elsewhere ends the usage.
    changed.promptId = unusedId;
    VERIFY_OK(s->functions.updateEvent(changed));
    QCOMPARE(s->prompts.usage(promptId)->size(), 0);
    QCOMPARE(s->prompts.usage(unusedId)->size(), 1);
}

// --- Function numbers and schedules --------------------------------------------------------------

void TestRepositories::functionCrud()
{
    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Accueil"_s;
    f.defaultState = OpenState::Open;
    auto created = s->functions.create(f);
    VERIFY_OK(created);
    QCOMPARE(created->number, u"+3223000050"_s);

    auto got = s->functions.get(created->id);
    VERIFY_OK(got);
    QCOMPARE(got->name, u"Accueil"_s);
    QCOMPARE(got->number, u"+3223000050"_s);
    QCOMPARE(got->defaultState, OpenState::Open);
    QCOMPARE(got->eventCount, 0);
    QCOMPARE(s->functions.findByNumber(u"+32 2 300 00 50"_s)->id, created->id);
    VERIFY_ERROR(s->functions.findByNumber(u"02 300 00 51"_s), ErrorCode::NotFound);
    VERIFY_ERROR(s->functions.get(u"nope"_s), ErrorCode::NotFound);

    FunctionNumber same;
    same.number = u"+3223000050"_s;
    same.name = u"Other"_s;
    VERIFY_ERROR(s->functions.create(same), ErrorCode::Duplicate);
    FunctionNumber support;
    support.number = u"02 300 00 51"_s;
    support.name = u"Support"_s;
    VERIFY_OK(s->functions.create(support));

    FunctionNumber changed = *got;
    changed.name = u"Réception"_s;
    changed.defaultState = OpenState::Closed;
    VERIFY_OK(s->functions.update(changed));
    QCOMPARE(s->functions.get(created->id)->name, u"Réception"_s);
    QCOMPARE(s->functions.get(created->id)->defaultState, OpenState::Closed);
    changed.number = u"02 300 00 51"_s;
    VERIFY_ERROR(s->functions.update(changed), ErrorCode::Duplicate);
    changed.number = u"02 300"_s;
    VERIFY_ERROR(s->functions.update(changed), ErrorCode::Invalid);

    // Removing a function number removes its schedule and frees its pool number.
    auto number = s->numbers.create(PoolNumber {{}, u"02 300 00 50"_s, {}, {}, {}});
    VERIFY_OK(number);
    VERIFY_OK(s->numbers.assignToFunction(number->id, created->id));
    auto event = s->functions.addEvent(makeEvent(created->id, u"Open"_s));
    VERIFY_OK(event);
    VERIFY_OK(s->functions.remove(created->id));
    VERIFY_ERROR(s->functions.get(created->id), ErrorCode::NotFound);
    VERIFY_ERROR(s->functions.getEvent(event->id), ErrorCode::NotFound);
    QVERIFY(s->numbers.get(number->id)->isFree());
    VERIFY_ERROR(s->functions.remove(created->id), ErrorCode::NotFound);
}

void TestRepositories::functionListing()
{
    const QList<std::pair<QString, QString>> rows = {{u"Support"_s, u"02 300 00 52"_s}, {u"accueil"_s, u"02 300 00 53"_s},
        {u"Ventes"_s, u"09 330 00 00"_s}, {u"Facturation"_s, u"02 300 00 51"_s}};
    QString supportId;
    for (const auto &[name, number] : rows) {
        FunctionNumber f;
        f.name = name;
        f.number = number;
        auto created = s->functions.create(f);
        VERIFY_OK(created);
        if (name == u"Support"_s)
            supportId = created->id;
    }
    VERIFY_OK(s->functions.addEvent(makeEvent(supportId, u"A"_s)));
    VERIFY_OK(s->functions.addEvent(makeEvent(supportId, u"B"_s)));

    const auto all = TAKE(s->functions.list());
    QCOMPARE(functionNames(all), (QStringList {u"accueil"_s, u"Facturation"_s, u"Support"_s, u"Ventes"_s}));
    QCOMPARE(all.at(2).eventCount, 2);
    QCOMPARE(all.at(0).eventCount, 0);
    QCOMPARE(functionNames(TAKE(s->functions.list(sorted(u"name"_s, true)))),
        (QStringList {u"Ventes"_s, u"Support"_s, u"Facturation"_s, u"accueil"_s}));
    QCOMPARE(functionNames(TAKE(s->functions.list(sorted(u"number"_s)))),
        (QStringList {u"Facturation"_s, u"Support"_s, u"accueil"_s, u"Ventes"_s}));
    QCOMPARE(functionNames(TAKE(s->functions.list(filtered(u"ACC"_s)))), QStringList {u"accueil"_s});
    QCOMPARE(functionNames(TAKE(s->functions.list(filtered(u"+329"_s)))), QStringList {u"Ventes"_s});
    QCOMPARE(functionNames(TAKE(s->functions.list(page(1, 2)))), (QStringList {u"Facturation"_s, u"Support"_s}));
}

void TestRepositories::events()
{
    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Accueil"_s;
    const QString fid = s->functions.create(f)->id;
    f.number = u"02 300 00 51"_s;
    f.name = u"Support"_s;
    const QString otherFid = s->functions.create(f)->id;

    // Appended at the end unless the position is within the list.
    auto a = s->functions.addEvent(makeEvent(fid, u"A"_s));
    VERIFY_OK(a);
    QCOMPARE(a->position, 0);
    auto b = s->functions.addEvent(makeEvent(fid, u"B"_s, 99));
    VERIFY_OK(b);
    QCOMPARE(b->position, 1);
    auto c = s->functions.addEvent(makeEvent(fid, u"C"_s, -1));
    VERIFY_OK(c);
    QCOMPARE(c->position, 2);
    auto first = s->functions.addEvent(makeEvent(fid, u"First"_s, 0));
    VERIFY_OK(first);
    QCOMPARE(first->position, 0);
    auto middle = s->functions.addEvent(makeEvent(fid, u"Middle"_s, 2));
    VERIFY_OK(middle);
    VERIFY_OK(s->functions.addEvent(makeEvent(otherFid, u"Elsewhere"_s)));

    auto list = s->functions.events(fid);
    VERIFY_OK(list);
    QCOMPARE(eventTitles(*list), (QStringList {u"First"_s, u"A"_s, u"Middle"_s, u"B"_s, u"C"_s}));
    for (int i = 0; i < list->size(); ++i)
        QCOMPARE(list->at(i).position, i);

    // Stored fields come back.
    ScheduleEvent full = makeEvent(fid, u"Nouvel an"_s);
    full.state = OpenState::Closed;
    full.allDay = true;
    full.start = QDateTime(QDate(2025, 1, 1), QTime(0, 0));
    full.end = QDateTime(QDate(2025, 1, 2), QTime(0, 0));
    full.rrule = u"RRULE:FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"_s;
    full.exceptions = {QDateTime(QDate(2026, 1, 1), QTime(0, 0))};
    auto stored = s->functions.addEvent(full);
    VERIFY_OK(stored);
    auto reread = s->functions.getEvent(stored->id);
    VERIFY_OK(reread);
    QCOMPARE(reread->title, u"Nouvel an"_s);
    QCOMPARE(reread->functionId, fid);
    QCOMPARE(reread->state, OpenState::Closed);
    QVERIFY(reread->allDay);
    QCOMPARE(reread->start, full.start);
    QCOMPARE(reread->end, full.end);
    QCOMPARE(reread->rrule, u"FREQ=YEARLY;BYMONTH=1;BYMONTHDAY=1"_s);
    QCOMPARE(reread->exceptions, full.exceptions);
    QCOMPARE(reread->position, 5);

    // Update changes the fields but neither the position nor the function number.
    ScheduleEvent changed = *reread;
    changed.title = u"Jour de l'an"_s;
    changed.position = 0;
    changed.functionId = otherFid;
    changed.rrule = u"FREQ=SOMETIMES"_s;
    VERIFY_ERROR(s->functions.updateEvent(changed), ErrorCode::Invalid);
    changed.rrule = u"FREQ=YEARLY"_s;
    VERIFY_OK(s->functions.updateEvent(changed));
    reread = s->functions.getEvent(stored->id);
    QCOMPARE(reread->title, u"Jour de l'an"_s);
    QCOMPARE(reread->rrule, u"FREQ=YEARLY"_s);
    QCOMPARE(reread->position, 5);
    QCOMPARE(reread->functionId, fid);
    changed.id = u"nope"_s;
    VERIFY_ERROR(s->functions.updateEvent(changed), ErrorCode::NotFound);

    // Remove renumbers the rest.
    VERIFY_OK(s->functions.removeEvent(a->id));
    list = s->functions.events(fid);
    QCOMPARE(eventTitles(*list), (QStringList {u"First"_s, u"Middle"_s, u"B"_s, u"C"_s, u"Jour de l'an"_s}));
    for (int i = 0; i < list->size(); ++i)
        QCOMPARE(list->at(i).position, i);
    VERIFY_ERROR(s->functions.getEvent(a->id), ErrorCode::NotFound);
    VERIFY_ERROR(s->functions.removeEvent(a->id), ErrorCode::NotFound);
    QCOMPARE(eventTitles(TAKE(s->functions.events(otherFid))), QStringList {u"Elsewhere"_s});

    // Invalid events and unknown function numbers.
    VERIFY_ERROR(s->functions.addEvent(makeEvent(u"no-such-function"_s, u"X"_s)), ErrorCode::NotFound);
    ScheduleEvent backwards = makeEvent(fid, u"X"_s);
    backwards.end = backwards.start.addSecs(-1);
    VERIFY_ERROR(s->functions.addEvent(backwards), ErrorCode::Invalid);
    QCOMPARE(s->functions.events(fid)->size(), 5);
    VERIFY_ERROR(s->functions.moveEvent(u"nope"_s, 0), ErrorCode::NotFound);
}

void TestRepositories::eventsMoveAndRenumber_data()
{
    QTest::addColumn<int>("from");
    QTest::addColumn<int>("to");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("last to first") << 3 << 0 << QStringList {u"D"_s, u"A"_s, u"B"_s, u"C"_s};
    QTest::newRow("first to last") << 0 << 3 << QStringList {u"B"_s, u"C"_s, u"D"_s, u"A"_s};
    QTest::newRow("down one") << 1 << 2 << QStringList {u"A"_s, u"C"_s, u"B"_s, u"D"_s};
    QTest::newRow("up one") << 2 << 1 << QStringList {u"A"_s, u"C"_s, u"B"_s, u"D"_s};
    QTest::newRow("same place") << 2 << 2 << QStringList {u"A"_s, u"B"_s, u"C"_s, u"D"_s};
    QTest::newRow("past the end") << 0 << 42 << QStringList {u"B"_s, u"C"_s, u"D"_s, u"A"_s};
    QTest::newRow("before the start") << 2 << -5 << QStringList {u"C"_s, u"A"_s, u"B"_s, u"D"_s};
}

void TestRepositories::eventsMoveAndRenumber()
{
    QFETCH(int, from);
    QFETCH(int, to);
    QFETCH(QStringList, expected);

    FunctionNumber f;
    f.number = u"02 300 00 50"_s;
    f.name = u"Accueil"_s;
    const QString fid = s->functions.create(f)->id;
    QStringList ids;
    for (const QString &title : {u"A"_s, u"B"_s, u"C"_s, u"D"_s}) {
        auto e = s->functions.addEvent(makeEvent(fid, title, -1));
        VERIFY_OK(e);
        ids << e->id;
    }
    VERIFY_OK(s->functions.moveEvent(ids.at(from), to));
    const auto list = TAKE(s->functions.events(fid));
    QCOMPARE(eventTitles(list), expected);
    for (int i = 0; i < list.size(); ++i) {
        QCOMPARE(list.at(i).position, i);
        QCOMPARE(s->functions.getEvent(list.at(i).id)->position, i);
    }
}

// --- SIP phones ----------------------------------------------------------------------------------

void TestRepositories::phoneCrud()
{
    seedPeople();
    SipPhone p;
    p.mac = u"00:04:13:aa:bb:cc"_s;
    p.model = u"Snom D735"_s;
    p.ownerId = m_users.at(0);
    p.keys = {PhoneKey {2, PhoneKey::Type::External, {}, u"Taxi Verts"_s, u"02 349 49 49"_s},
        PhoneKey {1, PhoneKey::Type::Extension, m_users.at(1), {}, {}}};
    auto created = s->phones.create(p);
    VERIFY_OK(created);
    QCOMPARE(created->mac, u"000413AABBCC"_s);

    auto got = s->phones.get(created->id);
    VERIFY_OK(got);
    QCOMPARE(got->mac, u"000413AABBCC"_s);
    QCOMPARE(got->model, u"Snom D735"_s);
    QCOMPARE(got->ownerId, m_users.at(0));
    QCOMPARE(got->ownerName, u"Emma Peeters"_s);
    const QList<PhoneKey> keys {PhoneKey {1, PhoneKey::Type::Extension, m_users.at(1), {}, {}},
        PhoneKey {2, PhoneKey::Type::External, {}, u"Taxi Verts"_s, u"+3223494949"_s}};
    QCOMPARE(got->keys, keys);
    QVERIFY(!got->pendingPush);

    QCOMPARE(s->phones.findByMac(u"00-04-13-AA-BB-CC"_s)->id, created->id);
    VERIFY_ERROR(s->phones.findByMac(u"00:04:13:aa:bb:cd"_s), ErrorCode::NotFound);
    VERIFY_ERROR(s->phones.findByMac(u"not a mac"_s), ErrorCode::Invalid);

    // The same MAC in another format is a duplicate.
    SipPhone same;
    same.mac = u"000413aabbcc"_s;
    same.model = u"Snom D715"_s;
    VERIFY_ERROR(s->phones.create(same), ErrorCode::Duplicate);
    // References must exist.
    SipPhone orphan;
    orphan.mac = u"000413000001"_s;
    orphan.model = u"Snom D715"_s;
    orphan.ownerId = u"no-such-user"_s;
    VERIFY_ERROR(s->phones.create(orphan), ErrorCode::NotFound);
    orphan.ownerId.clear();
    orphan.keys = {PhoneKey {1, PhoneKey::Type::Extension, u"no-such-user"_s, {}, {}}};
    VERIFY_ERROR(s->phones.create(orphan), ErrorCode::NotFound);
    orphan.keys.clear();
    auto unowned = s->phones.create(orphan); // a phone may have no owner
    VERIFY_OK(unowned);
    QVERIFY(s->phones.get(unowned->id)->ownerId.isEmpty());
    QVERIFY(s->phones.get(unowned->id)->ownerName.isEmpty());

    // Saving keys marks the phone as having changes to push.
    SipPhone changed = *got;
    changed.keys << PhoneKey {3, PhoneKey::Type::Extension, m_users.at(2), {}, {}};
    changed.ownerId = m_users.at(3);
    VERIFY_OK(s->phones.update(changed));
    auto reread = s->phones.get(created->id);
    QCOMPARE(reread->keys.size(), 3);
    QCOMPARE(reread->keys.at(2).userId, m_users.at(2));
    QCOMPARE(reread->ownerId, m_users.at(3));
    QVERIFY(reread->pendingPush);
    changed.mac = u"000413000001"_s;
    VERIFY_ERROR(s->phones.update(changed), ErrorCode::Duplicate);
    changed = *reread;
    changed.keys << PhoneKey {40, PhoneKey::Type::Empty, {}, {}, {}};
    VERIFY_ERROR(s->phones.update(changed), ErrorCode::Invalid);

    VERIFY_OK(s->phones.remove(created->id));
    VERIFY_ERROR(s->phones.get(created->id), ErrorCode::NotFound);
    VERIFY_ERROR(s->phones.remove(created->id), ErrorCode::NotFound);
    QCOMPARE(TAKE(s->phones.count()), 1);
}

void TestRepositories::phoneListing()
{
    seedPeople();
    // Owners: Peeters (1), Janssens (2), Dubois (3), none.
    const QList<std::tuple<QString, QString, int>> rows = {
        {u"000413000003"_s, u"Yealink T54W"_s, 0},
        {u"000413000001"_s, u"Snom D735"_s, 1},
        {u"000413000004"_s, u"Mitel 6867i"_s, 2},
        {u"000413000002"_s, u"Snom D715"_s, -1},
    };
    for (const auto &[mac, model, owner] : rows) {
        SipPhone p;
        p.mac = mac;
        p.model = model;
        if (owner >= 0)
            p.ownerId = m_users.at(owner);
        VERIFY_OK(s->phones.create(p));
    }
    // By owner's last name: no owner first, then Dubois, Janssens, Peeters.
    QCOMPARE(macs(TAKE(s->phones.list())), (QStringList {u"000413000002"_s, u"000413000004"_s, u"000413000001"_s, u"000413000003"_s}));
    QCOMPARE(macs(TAKE(s->phones.list(sorted(u"owner"_s, true)))),
        (QStringList {u"000413000003"_s, u"000413000001"_s, u"000413000004"_s, u"000413000002"_s}));
    QCOMPARE(macs(TAKE(s->phones.list(sorted(u"mac"_s)))),
        (QStringList {u"000413000001"_s, u"000413000002"_s, u"000413000003"_s, u"000413000004"_s}));
    QCOMPARE(macs(TAKE(s->phones.list(sorted(u"model"_s)))),
        (QStringList {u"000413000004"_s, u"000413000002"_s, u"000413000001"_s, u"000413000003"_s}));
    QCOMPARE(macs(TAKE(s->phones.list(filtered(u"snom"_s)))), (QStringList {u"000413000002"_s, u"000413000001"_s}));
    QCOMPARE(macs(TAKE(s->phones.list(filtered(u"DUBOIS"_s)))), QStringList {u"000413000004"_s});
    QCOMPARE(macs(TAKE(s->phones.list(filtered(u"user.1@"_s)))), QStringList {u"000413000003"_s});
    QCOMPARE(TAKE(s->phones.count(u"snom"_s)), 2);
    QCOMPARE(TAKE(s->phones.count()), 4);
    QCOMPARE(macs(TAKE(s->phones.list(page(1, 2, u"mac"_s)))), (QStringList {u"000413000002"_s, u"000413000003"_s}));
}

void TestRepositories::phonesOfUser()
{
    seedPeople();
    for (const auto &[mac, owner] :
        {std::pair {u"000413000001"_s, 0}, std::pair {u"000413000002"_s, 0}, std::pair {u"000413000003"_s, 1}}) {
        SipPhone p;
        p.mac = mac;
        p.model = u"Snom D715"_s;
        p.ownerId = m_users.at(owner);
        VERIFY_OK(s->phones.create(p));
    }
    QCOMPARE(macs(TAKE(s->phones.list(sorted(u"mac"_s), m_users.at(0)))), (QStringList {u"000413000001"_s, u"000413000002"_s}));
    QCOMPARE(macs(TAKE(s->phones.list(sorted(u"mac"_s, true), m_users.at(0)))), (QStringList {u"000413000002"_s, u"000413000001"_s}));
    QCOMPARE(macs(TAKE(s->phones.list({}, m_users.at(1)))), QStringList {u"000413000003"_s});
    QCOMPARE(macs(TAKE(s->phones.list({}, m_users.at(2)))), QStringList());
    QCOMPARE(macs(TAKE(s->phones.list(filtered(u"0002"_s), m_users.at(0)))), QStringList {u"000413000002"_s});
}

void TestRepositories::pagingWithoutLimit()
{
    // An offset without a limit skips the first rows and returns all the others.
    seedPeople();
    ListQuery q;
    q.offset = 2;
    QCOMPARE(lastNames(TAKE(s->users.list(q))), (QStringList {u"maes"_s, u"Peeters"_s}));
    QCOMPARE(names(TAKE(s->groups.list(q))), QStringList {u"Support"_s});
}

void TestRepositories::accentsAndCaseIgnored()
{
    // Belgian names: "Élise" sorts with the E's, not after Z, and "lefevre" finds "Lefèvre".
    const QList<std::pair<QString, QString>> people = {
        {u"Zoé"_s, u"Zeebroek"_s}, {u"Élise"_s, u"Étienne"_s}, {u"Emma"_s, u"Lefèvre"_s}, {u"Eric"_s, u"Ernst"_s}};
    for (int i = 0; i < people.size(); ++i) {
        User u = makeUser(i + 1, people.at(i).first, people.at(i).second);
        u.email.clear(); // accents are not allowed in an address
        QVERIFY(s->users.create(u));
    }
    ListQuery byLast;
    byLast.sortKey = u"lastName"_s;
    QCOMPARE(lastNames(TAKE(s->users.list(byLast))), (QStringList{u"Ernst"_s, u"Étienne"_s, u"Lefèvre"_s, u"Zeebroek"_s}));
    QCOMPARE(lastNames(TAKE(s->users.list(filtered(u"LEFEVRE"_s)))), QStringList{u"Lefèvre"_s});
    QCOMPARE(lastNames(TAKE(s->users.list(filtered(u"élise"_s)))), QStringList{u"Étienne"_s});
    QCOMPARE(TAKE(s->users.count(u"ETIENNE"_s)), 1);
    // A renamed user is found by the new name only.
    User u = TAKE(s->users.findByUsername(u"user.3@domaincustomer.be"_s));
    u.lastName = u"Dubois"_s;
    QVERIFY(s->users.update(u));
    QCOMPARE(TAKE(s->users.count(u"lefevre"_s)), 0);
    QCOMPARE(TAKE(s->users.count(u"dubois"_s)), 1);

    QVERIFY(s->contacts.create(makeContact(u"Anaïs"_s, u"Nöel"_s, {}, u"+3225000001"_s)));
    QVERIFY(s->contacts.create(makeContact({}, {}, u"Électrabel"_s, u"+3225000002"_s)));
    QVERIFY(s->contacts.create(makeContact(u"Bart"_s, u"Aerts"_s, {}, u"+3225000003"_s)));
    ListQuery contactsByName;
    contactsByName.sortKey = u"lastName"_s;
    QStringList order;
    for (const Contact &c : TAKE(s->contacts.list(contactsByName)))
        order << c.displayName();
    QCOMPARE(order, (QStringList{u"Bart Aerts"_s, u"Électrabel"_s, u"Anaïs Nöel"_s}));
    QCOMPARE(TAKE(s->contacts.count(u"electrabel"_s)), 1);
    QCOMPARE(TAKE(s->contacts.count(u"anais noel"_s)), 1);
    // Numbers are found, JSON keys are not.
    QCOMPARE(TAKE(s->contacts.count(u"+3225000002"_s)), 1);
    QCOMPARE(TAKE(s->contacts.count(u"label"_s)), 0);
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
