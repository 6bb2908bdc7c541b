// The server's API in process, on SQLite and on PostgreSQL: authentication and elevation,
// conditional and idempotent writes, validation through the domain rules, references, the change
// feed, batches, isolation between organisations, hostile requests, rate limits, password reset.

#include "ServerTestSupport.h"

#include "audio/PromptConverter.h"
#include "security/Secrets.h"

#include <QDateTime>

#include <QJsonArray>
#include <QSqlQuery>
#include <QTest>

#include <cmath>

using namespace centrale;
using namespace centrale::server;
using namespace centrale::server::test;

namespace {
const QString kPassword = QStringLiteral("Corr3ct-horse-battery");
const qint64 kStart = 1'800'000'000'000LL;

QJsonObject groupBody(const QString &id, const QString &name)
{
    return {{QStringLiteral("id"), id}, {QStringLiteral("name"), name}, {QStringLiteral("description"), QString()},
            {QStringLiteral("settings"), QJsonObject()}};
}

QJsonObject userBody(const QString &id, const QString &username, const QStringList &groups = {}, const QString &mobile = {})
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("username"), username},
            {QStringLiteral("firstName"), QStringLiteral("Élise")},
            {QStringLiteral("lastName"), QStringLiteral("Lefèvre")},
            {QStringLiteral("email"), QString()},
            {QStringLiteral("mobile"), mobile},
            {QStringLiteral("language"), QStringLiteral("fr")},
            {QStringLiteral("groups"), QJsonArray::fromStringList(groups)},
            {QStringLiteral("settings"), QJsonObject()}};
}

QString uuid()
{
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}
} // namespace

class TestServerApi : public QObject {
    Q_OBJECT
public:
    explicit TestServerApi(QString backend) : m_backend(std::move(backend)) {}

private:
    QString m_backend;
    QTemporaryDir m_dir;
    std::unique_ptr<ServerDatabase> m_db;
    std::unique_ptr<Api> m_api;
    qint64 m_now = kStart;
    Client m_admin;

    Client client() const
    {
        Client c;
        c.api = m_api.get();
        c.domain = QStringLiteral("domaincustomer.be");
        return c;
    }

    int count(const QString &sql, const QVariantList &binds = {})
    {
        auto q = m_db->exec(sql, binds);
        if (!q || !q->next())
            return -1;
        return q->value(0).toInt();
    }

private Q_SLOTS:
    void init()
    {
        QVERIFY(!postgresMissingButRequired());
        m_now = kStart;
        m_db = std::make_unique<ServerDatabase>();
        const Status opened = m_db->open(freshDatabase(m_backend, m_dir));
        QVERIFY2(opened.ok(), qPrintable(opened ? QString() : opened.error().message));
        m_api = std::make_unique<Api>(*m_db, ServerOptions{}, [this] { return m_now; });
        QVERIFY(m_api->createOrganisation(QStringLiteral("domaincustomer.be"), QStringLiteral("Domain Customer"), QStringLiteral("fr")).ok());
        QVERIFY(m_api->createOrganisation(QStringLiteral("other.be"), QStringLiteral("Other"), QStringLiteral("nl")).ok());
        QVERIFY(m_api->createAdministrator(QStringLiteral("admin@domaincustomer.be"), QStringLiteral("domaincustomer.be"), kPassword).ok());
        QVERIFY(m_api->createAdministrator(QStringLiteral("boss@other.be"), QStringLiteral("other.be"), kPassword).ok());
        m_admin = client();
        QVERIFY(m_admin.login(QStringLiteral("admin@domaincustomer.be"), kPassword));
        QVERIFY(m_admin.elevate(kPassword));
    }

    void cleanup()
    {
        m_api.reset();
        m_db.reset();
    }

    void schemaIsCurrentAndReopens()
    {
        QCOMPARE(m_db->schemaVersion(), ServerDatabase::latestSchemaVersion());
        const QString url = m_db->displayUrl();
        Q_UNUSED(url);
        // The same migrations a second time change nothing.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM org")), 2);
    }

    void health()
    {
        const ApiResponse r = client().call("GET", QStringLiteral("/api/v1/health"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("status")).toString(), QStringLiteral("ok"));
    }

    void loginAndTokens()
    {
        Client c = client();
        ApiResponse r = c.call("POST", QStringLiteral("/api/v1/auth/login"),
                               {{QStringLiteral("username"), QStringLiteral("admin@domaincustomer.be")}, {QStringLiteral("password"), QStringLiteral("wrong-password-1")}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("invalid-credentials"));
        QCOMPARE(r.contentType, QByteArray("application/problem+json"));
        const ApiResponse unknown = c.call("POST", QStringLiteral("/api/v1/auth/login"),
                                           {{QStringLiteral("username"), QStringLiteral("nobody@domaincustomer.be")}, {QStringLiteral("password"), QStringLiteral("wrong-password-1")}});
        QCOMPARE(unknown.status, 401);
        QCOMPARE(unknown.jsonBody().value(QLatin1String("detail")), r.jsonBody().value(QLatin1String("detail")));

        r = c.call("POST", QStringLiteral("/api/v1/auth/login"),
                   {{QStringLiteral("username"), QStringLiteral("ADMIN@domaincustomer.be")}, {QStringLiteral("password"), kPassword}});
        QCOMPARE(r.status, 200);
        const QJsonObject session = r.jsonBody();
        const QString token = session.value(QLatin1String("token")).toString();
        QVERIFY(token.startsWith(QLatin1String("ctk_")));
        QVERIFY(session.value(QLatin1String("elevatedUntil")).isNull());
        QCOMPARE(session.value(QLatin1String("user")).toObject().value(QLatin1String("username")).toString(), QStringLiteral("admin@domaincustomer.be"));
        QVERIFY(session.value(QLatin1String("administrator")).toBool());
        QCOMPARE(QDateTime::fromString(session.value(QLatin1String("expiresAt")).toString(), Qt::ISODate).toMSecsSinceEpoch(),
                 m_now + 8LL * 3600 * 1000);
        // Only the token's hash is stored.
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM session_token WHERE token_hash = ?"), {token}), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM session_token")), 2); // this one and init()'s

        c.token = token.toLatin1();
        QCOMPARE(c.call("GET", QStringLiteral("/api/v1/auth/session")).status, 200);
        QCOMPARE(c.call("POST", QStringLiteral("/api/v1/auth/logout")).status, 204);
        r = c.call("GET", QStringLiteral("/api/v1/auth/session"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("unauthenticated"));
        c.token = "ctk_forged";
        QCOMPARE(c.call("GET", QStringLiteral("/api/v1/auth/session")).status, 401);
    }

    void elevationIsNeededAndExpires()
    {
        Client c = client();
        QVERIFY(c.login(QStringLiteral("admin@domaincustomer.be"), kPassword));
        ApiResponse r = c.call("GET", c.org(QStringLiteral("/groups")));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("elevation-required"));
        r = c.call("POST", QStringLiteral("/api/v1/auth/elevate"), {{QStringLiteral("password"), QStringLiteral("not-the-password-9")}});
        QCOMPARE(r.status, 401);
        QVERIFY(c.elevate(kPassword));
        QCOMPARE(c.call("GET", c.org(QStringLiteral("/groups"))).status, 200);
        // Each elevated request moves the end 15 minutes ahead.
        m_now += 14 * 60 * 1000;
        QCOMPARE(c.call("GET", c.org(QStringLiteral("/groups"))).status, 200);
        m_now += 14 * 60 * 1000;
        QCOMPARE(c.call("GET", c.org(QStringLiteral("/groups"))).status, 200);
        m_now += 16 * 60 * 1000;
        r = c.call("GET", c.org(QStringLiteral("/groups")));
        QCOMPARE(r.status, 403);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("elevation-required"));
        // The token itself ends after 8 hours.
        m_now += 8LL * 3600 * 1000;
        r = c.call("GET", QStringLiteral("/api/v1/auth/session"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("token-expired"));
    }

    void notAnAdministrator()
    {
        const QString id = uuid();
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + id), userBody(id, QStringLiteral("jan@domaincustomer.be")), "*").status, 201);
        // Give that user a password through the reset flow's storage: an ordinary user logs in but administers nothing.
        auto hash = Secrets::hash(kPassword);
        QVERIFY(hash.ok());
        QVERIFY(m_db->exec(QStringLiteral("UPDATE account SET password_hash = ? WHERE user_id = ?"), {hash.value(), id}).ok());
        Client c = client();
        QVERIFY(c.login(QStringLiteral("jan@domaincustomer.be"), kPassword));
        const ApiResponse r = c.call("POST", QStringLiteral("/api/v1/auth/elevate"), {{QStringLiteral("password"), kPassword}});
        QCOMPARE(r.status, 403);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("not-administrator"));
        QCOMPARE(c.call("GET", c.org(QStringLiteral("/users"))).jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("not-administrator"));
    }

    void conditionalWrites()
    {
        const QString id = uuid();
        const QString path = m_admin.org(QStringLiteral("/groups/") + id);
        ApiResponse r = m_admin.call("PUT", path, groupBody(id, QStringLiteral("Sales")), {{"idempotency-key", "key-00000001"}});
        QCOMPARE(r.status, 428);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("precondition-required"));
        r = m_admin.call("PUT", path, groupBody(id, QStringLiteral("Sales")), {{"if-none-match", "*"}});
        QCOMPARE(r.status, 400);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("idempotency-key-required"));

        r = m_admin.write("PUT", path, groupBody(id, QStringLiteral("Sales")), "*");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.header("ETag"), QByteArray("\"1\""));
        QCOMPARE(r.jsonBody().value(QLatin1String("version")).toInt(), 1);
        QCOMPARE(r.header("Location"), path.toUtf8());
        // Creating it again: it exists.
        r = m_admin.write("PUT", path, groupBody(id, QStringLiteral("Sales")), "*");
        QCOMPARE(r.status, 412);

        r = m_admin.write("PUT", path, groupBody(id, QStringLiteral("Sales Belgium")), "1");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("version")).toInt(), 2);
        // A change based on version 1 is stale: 412 with the current record, nothing changed.
        r = m_admin.write("PUT", path, groupBody(id, QStringLiteral("Stale")), "1");
        QCOMPARE(r.status, 412);
        const QJsonObject problem = r.jsonBody();
        QCOMPARE(problem.value(QLatin1String("code")).toString(), QStringLiteral("version-mismatch"));
        QCOMPARE(problem.value(QLatin1String("currentVersion")).toInt(), 2);
        QCOMPARE(problem.value(QLatin1String("current")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("Sales Belgium"));
        r = m_admin.call("GET", path);
        QCOMPARE(r.jsonBody().value(QLatin1String("name")).toString(), QStringLiteral("Sales Belgium"));
        QCOMPARE(m_admin.call("GET", path, {}, {{"if-none-match", "\"2\""}}).status, 304);

        // Deleting needs the version too.
        QCOMPARE(m_admin.write("DELETE", path, {}, {}).status, 428);
        QCOMPARE(m_admin.write("DELETE", path, {}, "1").status, 412);
        QCOMPARE(m_admin.write("DELETE", path, {}, "2").status, 204);
        QCOMPARE(m_admin.call("GET", path).status, 404);
        QCOMPARE(m_admin.write("DELETE", path, {}, "2").status, 404);
    }

    void idempotencyKeys()
    {
        const QString id = uuid();
        const QString path = m_admin.org(QStringLiteral("/groups/") + id);
        const QHash<QByteArray, QByteArray> headers{{"idempotency-key", "retry-me-0001"}, {"if-none-match", "*"}};
        const ApiResponse first = m_admin.call("PUT", path, groupBody(id, QStringLiteral("Support")), headers);
        QCOMPARE(first.status, 201);
        const ApiResponse again = m_admin.call("PUT", path, groupBody(id, QStringLiteral("Support")), headers);
        QCOMPARE(again.status, 201);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.body, first.body);
        QCOMPARE(again.header("ETag"), first.header("ETag"));
        QCOMPARE(count(QStringLiteral("SELECT version FROM record WHERE entity = 'group' AND id = ?"), {id}), 1);
        // The same key for another request.
        const ApiResponse reused = m_admin.call("PUT", path, groupBody(id, QStringLiteral("Other name")), headers);
        QCOMPARE(reused.status, 422);
        QCOMPARE(reused.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("idempotency-key-reused"));
        // A failed write is not remembered: once fixed, the same key goes through.
        const QHash<QByteArray, QByteArray> bad{{"idempotency-key", "retry-me-0002"}, {"if-match", "\"9\""}};
        QCOMPARE(m_admin.call("PUT", path, groupBody(id, QStringLiteral("Renamed")), bad).status, 412);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM idempotency WHERE idem_key = 'retry-me-0002'")), 0);
    }

    void validationThroughTheDomain()
    {
        const QString id = uuid();
        ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + id),
                                      userBody(id, QStringLiteral("piet@domaincustomer.be"), {}, QStringLiteral("02 123 45 67")), "*");
        QCOMPARE(r.status, 422);
        QJsonObject p = r.jsonBody();
        QCOMPARE(p.value(QLatin1String("code")).toString(), QStringLiteral("validation-failed"));
        QCOMPARE(p.value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("mobile"));
        QVERIFY(!p.value(QLatin1String("detail")).toString().isEmpty());
        // The mobile number is normalised to E.164 by the server too.
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + id),
                          userBody(id, QStringLiteral("piet@domaincustomer.be"), {}, QStringLiteral("0475 12 34 56")), "*");
        QCOMPARE(r.status, 201);
        QCOMPARE(r.jsonBody().value(QLatin1String("mobile")).toString(), QStringLiteral("+32475123456"));
        // A username of another domain.
        const QString other = uuid();
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + other), userBody(other, QStringLiteral("piet@other.be")), "*");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("username"));
        // The id in the body must be the address's.
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + other), userBody(id, QStringLiteral("kees@domaincustomer.be")), "*");
        QCOMPARE(r.status, 422);
        // Wrong JSON types.
        QJsonObject wrong = userBody(other, QStringLiteral("kees@domaincustomer.be"));
        wrong.insert(QStringLiteral("groups"), QStringLiteral("not a list"));
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + other), wrong, "*");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("groups"));
        // Duplicate username under another id.
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + other), userBody(other, QStringLiteral("PIET@domaincustomer.be")), "*");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("duplicate"));
        // A user is found by its username too.
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/users/piet@domaincustomer.be")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("id")).toString(), id);
    }

    void messagesFollowAcceptLanguage()
    {
        Client c = m_admin;
        const QString id = uuid();
        c.language = "fr-BE,fr;q=0.9";
        ApiResponse fr = c.write("PUT", c.org(QStringLiteral("/groups/") + id), groupBody(id, QString()), "*");
        c.language = "nl";
        ApiResponse nl = c.write("PUT", c.org(QStringLiteral("/groups/") + id), groupBody(id, QString()), "*");
        c.language = "en";
        ApiResponse en = c.write("PUT", c.org(QStringLiteral("/groups/") + id), groupBody(id, QString()), "*");
        QCOMPARE(fr.status, 422);
        QCOMPARE(fr.header("Content-Language"), QByteArray("fr"));
        QCOMPARE(nl.header("Content-Language"), QByteArray("nl"));
        const QString frDetail = fr.jsonBody().value(QLatin1String("detail")).toString();
        const QString nlDetail = nl.jsonBody().value(QLatin1String("detail")).toString();
        const QString enDetail = en.jsonBody().value(QLatin1String("detail")).toString();
        QVERIFY(!frDetail.isEmpty() && !nlDetail.isEmpty() && !enDetail.isEmpty());
        QVERIFY2(frDetail != enDetail && nlDetail != enDetail && frDetail != nlDetail, qPrintable(frDetail + u'|' + nlDetail + u'|' + enDetail));
    }

    void referencesAndInUse()
    {
        const QString group = uuid();
        const QString user = uuid();
        ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + user), userBody(user, QStringLiteral("an@domaincustomer.be"), {group}), "*");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("code")).toString(), QStringLiteral("unknown-reference"));
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + group), groupBody(group, QStringLiteral("Team")), "*").status, 201);
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + user), userBody(user, QStringLiteral("an@domaincustomer.be"), {group}), "*").status, 201);
        r = m_admin.write("DELETE", m_admin.org(QStringLiteral("/groups/") + group), {}, "1");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("in-use"));
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + user), userBody(user, QStringLiteral("an@domaincustomer.be")), "1").status, 200);
        QCOMPARE(m_admin.write("DELETE", m_admin.org(QStringLiteral("/groups/") + group), {}, "1").status, 204);
    }

    void eventsLiveUnderTheirFunction()
    {
        const QString function = uuid();
        const QString event = uuid();
        QJsonObject f{{QStringLiteral("id"), function}, {QStringLiteral("number"), QStringLiteral("+3223456700")},
                      {QStringLiteral("name"), QStringLiteral("Accueil")}, {QStringLiteral("defaultState"), QStringLiteral("open")}};
        ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/functions/") + function), f, "*");
        QCOMPARE(r.status, 201);
        QJsonObject e{{QStringLiteral("id"), event}, {QStringLiteral("position"), 0}, {QStringLiteral("title"), QStringLiteral("Noël")},
                      {QStringLiteral("state"), QStringLiteral("closed")}, {QStringLiteral("promptId"), QString()},
                      {QStringLiteral("start"), QStringLiteral("2026-12-25T00:00:00")}, {QStringLiteral("end"), QStringLiteral("2026-12-26T00:00:00")},
                      {QStringLiteral("allDay"), true}, {QStringLiteral("rrule"), QString()}, {QStringLiteral("exceptions"), QJsonArray()}};
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/functions/%1/events/%2").arg(function, event)), e, "*");
        QVERIFY2(r.status == 201, r.body.constData());
        QCOMPARE(r.jsonBody().value(QLatin1String("functionId")).toString(), function);
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/functions/%1/events").arg(function)));
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/functions/%1/events").arg(uuid()))).status, 404);
        // Deleting the function takes its events with it, as tombstones in the feed.
        QCOMPARE(m_admin.write("DELETE", m_admin.org(QStringLiteral("/functions/") + function), {}, "1").status, 204);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM record WHERE entity = 'event' AND deleted = 1")), 1);
    }

    void listsPageFilterAndSort()
    {
        QStringList names;
        for (int i = 0; i < 25; ++i) {
            const QString id = uuid();
            const QString name = (i == 7 ? QStringLiteral("Équipe spéciale") : QStringLiteral("Group %1").arg(i, 2, 10, QLatin1Char('0')));
            names << name;
            QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + id), groupBody(id, name), "*").status, 201);
        }
        QStringList seen;
        QString cursor;
        int pages = 0;
        do {
            const ApiResponse r = m_admin.call("GET", m_admin.org(QStringLiteral("/groups?limit=10") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor)));
            QCOMPARE(r.status, 200);
            const QJsonObject page = r.jsonBody();
            for (const QJsonValue &v : page.value(QLatin1String("items")).toArray())
                seen << v.toObject().value(QLatin1String("name")).toString();
            cursor = page.value(QLatin1String("nextCursor")).toString();
            QCOMPARE(page.value(QLatin1String("hasMore")).toBool(), !cursor.isEmpty());
            ++pages;
        } while (!cursor.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen.size(), 25);
        QStringList sorted = names;
        std::sort(sorted.begin(), sorted.end(), [](const QString &a, const QString &b) { return Entities::fold(a) < Entities::fold(b); });
        QCOMPARE(seen, sorted);
        // Descending, and a filter that ignores case and accents.
        ApiResponse r = m_admin.call("GET", m_admin.org(QStringLiteral("/groups?sort=-name&limit=1")));
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("name")).toString(), sorted.last());
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/groups?filter=EQUIPE")));
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/groups?limit=0"))).status, 400);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/groups?cursor=garbage"))).status, 400);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/groups?sort=colour"))).status, 400);
        // A filter with LIKE's wildcards is taken literally.
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/groups?filter=%25"))).jsonBody().value(QLatin1String("items")).toArray().size(), 0);
    }

    void changeFeed()
    {
        ApiResponse r = m_admin.call("GET", m_admin.org(QStringLiteral("/changes")));
        QCOMPARE(r.status, 200);
        QJsonObject feed = r.jsonBody();
        // From the beginning: the organisation and its administrator.
        QCOMPARE(feed.value(QLatin1String("changes")).toArray().size(), 2);
        const QString start = feed.value(QLatin1String("nextCursor")).toString();
        QVERIFY(start.startsWith(QLatin1String("c_")));

        const QString a = uuid();
        const QString b = uuid();
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + a), groupBody(a, QStringLiteral("A")), "*").status, 201);
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + b), groupBody(b, QStringLiteral("B")), "*").status, 201);
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + a), groupBody(a, QStringLiteral("A2")), "1").status, 200);
        QCOMPARE(m_admin.write("DELETE", m_admin.org(QStringLiteral("/groups/") + b), {}, "1").status, 204);

        r = m_admin.call("GET", m_admin.org(QStringLiteral("/changes?since=") + start));
        feed = r.jsonBody();
        const QJsonArray changes = feed.value(QLatin1String("changes")).toArray();
        // Only each record's latest state, in commit order: a's update, then b's tombstone.
        QCOMPARE(changes.size(), 2);
        QCOMPARE(changes.at(0).toObject().value(QLatin1String("id")).toString(), a);
        QCOMPARE(changes.at(0).toObject().value(QLatin1String("operation")).toString(), QStringLiteral("upsert"));
        QCOMPARE(changes.at(0).toObject().value(QLatin1String("record")).toObject().value(QLatin1String("name")).toString(), QStringLiteral("A2"));
        QCOMPARE(changes.at(0).toObject().value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(changes.at(1).toObject().value(QLatin1String("id")).toString(), b);
        QCOMPARE(changes.at(1).toObject().value(QLatin1String("operation")).toString(), QStringLiteral("delete"));
        QVERIFY(!changes.at(1).toObject().contains(QLatin1String("record")));
        QVERIFY(!feed.value(QLatin1String("hasMore")).toBool());
        const QString end = feed.value(QLatin1String("nextCursor")).toString();
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/changes?since=") + end)).jsonBody().value(QLatin1String("changes")).toArray().size(), 0);
        // Pages.
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/changes?limit=1&since=") + start));
        QCOMPARE(r.jsonBody().value(QLatin1String("changes")).toArray().size(), 1);
        QVERIFY(r.jsonBody().value(QLatin1String("hasMore")).toBool());
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/changes?entity=user")));
        QCOMPARE(r.jsonBody().value(QLatin1String("changes")).toArray().size(), 1);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/changes?since=yesterday"))).status, 400);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/changes?entity=secrets"))).status, 400);
        // A cursor older than the kept deletions.
        QVERIFY(m_db->exec(QStringLiteral("UPDATE org SET purged_seq = 1000000")).ok());
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/changes?since=") + start));
        QCOMPARE(r.status, 410);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("cursor-expired"));
    }

    void batchAppliesEachOperationOnItsOwn()
    {
        const QString g = uuid();
        const QString u = uuid();
        const QString stale = uuid();
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + stale), groupBody(stale, QStringLiteral("Existing")), "*").status, 201);
        auto op = [](const QString &method, const QString &path, const QJsonObject &body, const QString &ifMatch, bool create) {
            QJsonObject o{{QStringLiteral("method"), method}, {QStringLiteral("path"), path},
                          {QStringLiteral("idempotencyKey"), uuid()}};
            if (create)
                o.insert(QStringLiteral("ifNoneMatch"), QStringLiteral("*"));
            if (!ifMatch.isEmpty())
                o.insert(QStringLiteral("ifMatch"), ifMatch);
            if (!body.isEmpty())
                o.insert(QStringLiteral("body"), body);
            return o;
        };
        const QJsonArray ops{
            op(QStringLiteral("PUT"), m_admin.org(QStringLiteral("/groups/") + g), groupBody(g, QStringLiteral("New")), {}, true),
            // Refers to the group created just before, in the same batch.
            op(QStringLiteral("PUT"), m_admin.org(QStringLiteral("/users/") + u), userBody(u, QStringLiteral("lotte@domaincustomer.be"), {g}), {}, true),
            op(QStringLiteral("PUT"), m_admin.org(QStringLiteral("/groups/") + stale), groupBody(stale, QStringLiteral("Mine")), QStringLiteral("\"7\""), false),
            op(QStringLiteral("PUT"), m_admin.org(QStringLiteral("/groups/") + stale), groupBody(stale, QStringLiteral("Mine again")), QStringLiteral("\"8\""), false),
            op(QStringLiteral("PUT"), m_admin.org(QStringLiteral("/groups/") + g), groupBody(g, QStringLiteral("New, renamed")), QStringLiteral("\"1\""), false),
            op(QStringLiteral("PUT"), QStringLiteral("/api/v1/orgs/other.be/groups/") + uuid(), groupBody(uuid(), QStringLiteral("Theirs")), {}, true),
        };
        const QJsonObject batch{{QStringLiteral("onError"), QStringLiteral("continue")}, {QStringLiteral("operations"), ops}};
        const QHash<QByteArray, QByteArray> key{{"idempotency-key", "batch-key-0001"}};
        ApiResponse r = m_admin.call("POST", m_admin.org(QStringLiteral("/batch")), batch, key);
        QCOMPARE(r.status, 200);
        QJsonArray results = r.jsonBody().value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 6);
        auto outcome = [&](int i) { return results.at(i).toObject().value(QLatin1String("outcome")).toString(); };
        auto status = [&](int i) { return results.at(i).toObject().value(QLatin1String("status")).toInt(); };
        QCOMPARE(outcome(0), QStringLiteral("applied"));
        QCOMPARE(status(0), 201);
        QCOMPARE(outcome(1), QStringLiteral("applied"));
        QCOMPARE(status(2), 412);
        QCOMPARE(outcome(2), QStringLiteral("failed"));
        QCOMPARE(results.at(2).toObject().value(QLatin1String("body")).toObject().value(QLatin1String("currentVersion")).toInt(), 1);
        // Later operations on the path that failed are skipped; the others still run.
        QCOMPARE(outcome(3), QStringLiteral("skipped"));
        QCOMPARE(status(3), 0);
        QCOMPARE(outcome(4), QStringLiteral("applied"));
        QCOMPARE(results.at(4).toObject().value(QLatin1String("etag")).toString(), QStringLiteral("\"2\""));
        QCOMPARE(status(5), 403);

        // The same batch again: stored results, nothing applied twice.
        const ApiResponse again = m_admin.call("POST", m_admin.org(QStringLiteral("/batch")), batch, key);
        QCOMPARE(again.header("Idempotent-Replayed"), QByteArray("true"));
        QCOMPARE(again.jsonBody(), r.jsonBody());
        // Resent under a new batch key (a client that lost the answer): each operation is replayed.
        r = m_admin.call("POST", m_admin.org(QStringLiteral("/batch")), batch, {{"idempotency-key", "batch-key-0002"}});
        results = r.jsonBody().value(QLatin1String("results")).toArray();
        QCOMPARE(outcome(0), QStringLiteral("replayed"));
        QCOMPARE(outcome(1), QStringLiteral("replayed"));
        QCOMPARE(outcome(4), QStringLiteral("replayed"));
        QCOMPARE(count(QStringLiteral("SELECT version FROM record WHERE entity = 'group' AND id = ?"), {g}), 2);

        // onError stop: everything after the first failure is skipped.
        const QJsonObject stop{{QStringLiteral("operations"),
                                QJsonArray{op(QStringLiteral("PUT"), m_admin.org(QStringLiteral("/groups/") + stale), groupBody(stale, QStringLiteral("X")), QStringLiteral("\"9\""), false),
                                           op(QStringLiteral("PUT"), m_admin.org(QStringLiteral("/groups/") + uuid()), groupBody(uuid(), QStringLiteral("Y")), {}, true)}}};
        r = m_admin.call("POST", m_admin.org(QStringLiteral("/batch")), stop, {{"idempotency-key", "batch-key-0003"}});
        results = r.jsonBody().value(QLatin1String("results")).toArray();
        QCOMPARE(outcome(1), QStringLiteral("skipped"));
        // Limits.
        QJsonArray many;
        for (int i = 0; i < 501; ++i)
            many.append(op(QStringLiteral("DELETE"), m_admin.org(QStringLiteral("/groups/") + uuid()), {}, QStringLiteral("\"1\""), false));
        QCOMPARE(m_admin.call("POST", m_admin.org(QStringLiteral("/batch")), {{QStringLiteral("operations"), many}}, {{"idempotency-key", "batch-key-0004"}}).status, 413);
        QCOMPARE(m_admin.call("POST", m_admin.org(QStringLiteral("/batch")), {{QStringLiteral("operations"), QJsonArray()}}, {{"idempotency-key", "batch-key-0005"}}).status, 400);
    }

    void isolationOnEveryRoute()
    {
        // The other organisation's administrator, elevated, tries every route of this one.
        Client boss = client();
        boss.domain = QStringLiteral("other.be");
        QVERIFY(boss.login(QStringLiteral("boss@other.be"), kPassword));
        QVERIFY(boss.elevate(kPassword));
        const QString group = uuid();
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + group), groupBody(group, QStringLiteral("Private")), "*").status, 201);

        const QStringList collections{QStringLiteral("groups"), QStringLiteral("users"), QStringLiteral("contacts"), QStringLiteral("numbers"),
                                      QStringLiteral("prompts"), QStringLiteral("functions"), QStringLiteral("phones"), QStringLiteral("key-templates")};
        QList<QPair<QByteArray, QString>> routes{{"GET", QString()}, {"PUT", QString()}, {"GET", QStringLiteral("/changes")},
                                                 {"POST", QStringLiteral("/batch")}, {"GET", QStringLiteral("/functions/%1/events").arg(uuid())},
                                                 {"PUT", QStringLiteral("/functions/%1/events/%2").arg(uuid(), uuid())}};
        for (const QString &c : collections) {
            routes.append({"GET", QLatin1Char('/') + c});
            for (const QByteArray &m : {QByteArray("GET"), QByteArray("PUT"), QByteArray("DELETE")})
                routes.append({m, QLatin1Char('/') + c + QLatin1Char('/') + (c == QLatin1String("groups") ? group : uuid())});
        }
        for (const QString &domain : {QStringLiteral("domaincustomer.be"), QStringLiteral("does-not-exist.be")}) {
            for (const auto &[method, rest] : routes) {
                Client b = boss;
                b.domain = domain;
                const ApiResponse r = b.write(method, b.org(rest), groupBody(group, QStringLiteral("Stolen")), method == "GET" ? QByteArray() : QByteArray("1"));
                QVERIFY2(r.status == 403, qPrintable(QStringLiteral("%1 %2 -> %3").arg(QString::fromLatin1(method), b.org(rest)).arg(r.status)));
                QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("forbidden"));
            }
        }
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/groups/") + group)).jsonBody().value(QLatin1String("name")).toString(), QStringLiteral("Private"));
        // Its own organisation's list does not show the other's records.
        QCOMPARE(boss.call("GET", boss.org(QStringLiteral("/groups"))).jsonBody().value(QLatin1String("items")).toArray().size(), 0);
        // Writing the other organisation's record id under one's own organisation creates a separate record.
        QCOMPARE(boss.call("GET", boss.org(QStringLiteral("/groups/") + group)).status, 404);
        const ApiResponse orgs = boss.call("GET", QStringLiteral("/api/v1/orgs"));
        QCOMPARE(orgs.jsonBody().value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(orgs.jsonBody().value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("domain")).toString(), QStringLiteral("other.be"));
    }

    void hostileRequests()
    {
        const QString id = uuid();
        const QString path = m_admin.org(QStringLiteral("/groups/") + id);
        const QHash<QByteArray, QByteArray> h{{"idempotency-key", "hostile-00001"}, {"if-none-match", "*"}};
        ApiResponse r = m_admin.raw("PUT", path, "{\"name\": \"x\",", h);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("malformed-json"));
        r = m_admin.raw("PUT", path, "[1, 2]", h);
        QCOMPARE(r.status, 400);
        r = m_admin.raw("PUT", path, "{\"id\": \"" + path.section(QLatin1Char('/'), -1).toUtf8() + "\", \"name\": \"a\\u0000b\"}", h);
        QCOMPARE(r.status, 400);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/groups?filter=a%00b"))).status, 200);
        QByteArray deep = QByteArray(40, '[') + QByteArray(40, ']');
        deep = "{\"name\": " + deep + "}";
        r = m_admin.raw("PUT", path, deep, h);
        QCOMPARE(r.status, 400);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("too-deep"));
        r = m_admin.raw("PUT", path, "name=x", h, "application/x-www-form-urlencoded");
        QCOMPARE(r.status, 415);
        r = m_admin.raw("PUT", path, "{\"name\": \"" + QByteArray(2 << 20, 'a') + "\"}", h);
        QCOMPARE(r.status, 413);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("payload-too-large"));
        // Path traversal and odd paths find nothing.
        for (const QString &p : {m_admin.org(QStringLiteral("/groups/..%2F..%2Fusers")), m_admin.org(QStringLiteral("/../other.be/groups")),
                                 QStringLiteral("/api/v1/orgs//groups"), QStringLiteral("/etc/passwd"), m_admin.org(QStringLiteral("/groups/%00")),
                                 m_admin.org(QStringLiteral("/nothing-here"))}) {
            r = m_admin.call("GET", p);
            QVERIFY2(r.status == 404 || r.status == 403, qPrintable(p + QStringLiteral(" -> %1").arg(r.status)));
        }
        QCOMPARE(m_admin.call("PATCH", path).status, 405);
        // And the server still answers.
        QCOMPARE(m_admin.write("PUT", path, groupBody(id, QStringLiteral("Fine")), "*").status, 201);
    }

    void rateLimits()
    {
        Client c = client();
        c.peer = QStringLiteral("192.0.2.7");
        const QJsonObject wrong{{QStringLiteral("username"), QStringLiteral("admin@domaincustomer.be")}, {QStringLiteral("password"), QStringLiteral("guess-guess-1")}};
        // Ten a minute per account; init() used one.
        for (int i = 0; i < 9; ++i)
            QCOMPARE(c.call("POST", QStringLiteral("/api/v1/auth/login"), wrong).status, 401);
        ApiResponse r = c.call("POST", QStringLiteral("/api/v1/auth/login"), wrong);
        QCOMPARE(r.status, 429);
        QVERIFY(r.header("Retry-After").toInt() >= 1);
        // Even the right password waits for the next window.
        QVERIFY(!c.login(QStringLiteral("admin@domaincustomer.be"), kPassword));
        m_now += 61 * 1000;
        QVERIFY(c.login(QStringLiteral("admin@domaincustomer.be"), kPassword));
    }

    void passwordReset()
    {
        const QString id = uuid();
        QJsonObject body = userBody(id, QStringLiteral("marie@domaincustomer.be"), {}, QStringLiteral("+32475000111"));
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + id), body, "*").status, 201);
        Client anon = client();
        const ApiResponse unknown = anon.call("POST", QStringLiteral("/api/v1/auth/password-reset"), {{QStringLiteral("identifier"), QStringLiteral("ghost@domaincustomer.be")}});
        const ApiResponse known = anon.call("POST", QStringLiteral("/api/v1/auth/password-reset"), {{QStringLiteral("identifier"), QStringLiteral("+32 475 00 01 11")}});
        QCOMPARE(unknown.status, 202);
        QCOMPARE(known.status, 202);
        QCOMPARE(known.body, unknown.body);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message WHERE kind = 'password-reset' AND user_id = ? AND channel = 'sms'"), {id}), 1);
        auto q = m_db->exec(QStringLiteral("SELECT payload FROM message WHERE user_id = ?"), {id});
        QVERIFY(q.ok() && q->next());
        const QString code = QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object().value(QLatin1String("code")).toString();
        QVERIFY(!code.isEmpty());
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reset_code WHERE code_hash = ?"), {code}), 0);

        ApiResponse r = anon.call("POST", QStringLiteral("/api/v1/auth/password-reset/confirm"),
                                  {{QStringLiteral("code"), code}, {QStringLiteral("newPassword"), QStringLiteral("short")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("newPassword"));
        r = anon.call("POST", QStringLiteral("/api/v1/auth/password-reset/confirm"),
                      {{QStringLiteral("code"), code}, {QStringLiteral("newPassword"), QStringLiteral("Brand-new-passw0rd")}});
        QCOMPARE(r.status, 204);
        QVERIFY(anon.login(QStringLiteral("marie@domaincustomer.be"), QStringLiteral("Brand-new-passw0rd")));
        // Single use.
        r = anon.call("POST", QStringLiteral("/api/v1/auth/password-reset/confirm"),
                      {{QStringLiteral("code"), code}, {QStringLiteral("newPassword"), QStringLiteral("Another-passw0rd")}});
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("reset-code-invalid"));
        // Expired.
        QCOMPARE(anon.call("POST", QStringLiteral("/api/v1/auth/password-reset"), {{QStringLiteral("identifier"), QStringLiteral("marie@domaincustomer.be")}}).status, 202);
        q = m_db->exec(QStringLiteral("SELECT payload FROM message WHERE user_id = ? ORDER BY created_at DESC, id"), {id});
        QStringList codes;
        while (q->next())
            codes << QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object().value(QLatin1String("code")).toString();
        codes.removeAll(code);
        QCOMPARE(codes.size(), 1);
        m_now += 31 * 60 * 1000;
        r = anon.call("POST", QStringLiteral("/api/v1/auth/password-reset/confirm"),
                      {{QStringLiteral("code"), codes.first()}, {QStringLiteral("newPassword"), QStringLiteral("Another-passw0rd")}});
        QCOMPARE(r.status, 422);
        // Three requests an hour per identifier.
        for (int i = 0; i < 2; ++i)
            QCOMPARE(anon.call("POST", QStringLiteral("/api/v1/auth/password-reset"), {{QStringLiteral("identifier"), QStringLiteral("marie@domaincustomer.be")}}).status, 202);
        QCOMPARE(anon.call("POST", QStringLiteral("/api/v1/auth/password-reset"), {{QStringLiteral("identifier"), QStringLiteral("marie@domaincustomer.be")}}).status, 429);
    }

    void promptAudioIsCheckedAgain()
    {
        const QString id = uuid();
        QJsonObject prompt{{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Fermé")}, {QStringLiteral("description"), QStringLiteral("Nous sommes fermés.")},
                           {QStringLiteral("durationMs"), 999999}, {QStringLiteral("origin"), QStringLiteral("imported")}, {QStringLiteral("sourceFile"), QStringLiteral("closed.wav")},
                           {QStringLiteral("peakDbfs"), -1.0}, {QStringLiteral("rmsDbfs"), -20.0},
                           {QStringLiteral("audio"), QString::fromLatin1(QByteArray("RIFF....WAVEjunk").toBase64())}};
        ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/prompts/") + id), prompt, "*");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("audio"));

        std::vector<float> tone(8000 * 3 / 2);
        for (size_t i = 0; i < tone.size(); ++i)
            tone[i] = 0.5f * static_cast<float>(std::sin(2 * M_PI * 440.0 * static_cast<double>(i) / 8000.0));
        auto conversion = PromptConverter().convertPcm(tone.data(), static_cast<qint64>(tone.size()), 1, 8000, {});
        QVERIFY(conversion.ok());
        prompt.insert(QStringLiteral("audio"), QString::fromLatin1(conversion->wav.toBase64()));
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/prompts/") + id), prompt, "*");
        QVERIFY2(r.status == 201, r.body.constData());
        const QJsonObject stored = r.jsonBody();
        QCOMPARE(stored.value(QLatin1String("durationMs")).toInt(), 1500); // measured, not the client's 999999
        QVERIFY(stored.value(QLatin1String("hasAudio")).toBool());
        QVERIFY(!stored.contains(QLatin1String("audio")));
        QCOMPARE(stored.value(QLatin1String("audioSha256")).toString().size(), 64);
    }

    void organisationRecord()
    {
        ApiResponse r = m_admin.call("GET", m_admin.org());
        QCOMPARE(r.status, 200);
        QJsonObject org = r.jsonBody();
        QCOMPARE(org.value(QLatin1String("timeZone")).toString(), QStringLiteral("Europe/Brussels"));
        org.insert(QStringLiteral("name"), QStringLiteral("Domain Customer NV"));
        org.remove(QStringLiteral("version"));
        r = m_admin.write("PUT", m_admin.org(), org, QByteArray::number(r.jsonBody().value(QLatin1String("version")).toInt()));
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.jsonBody().value(QLatin1String("name")).toString(), QStringLiteral("Domain Customer NV"));
        org.insert(QStringLiteral("domain"), QStringLiteral("stolen.be"));
        r = m_admin.write("PUT", m_admin.org(), org, "2");
        QCOMPARE(r.status, 422);
        QCOMPARE(m_admin.write("DELETE", m_admin.org(), {}, "2").status, 405);
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int status = 0;
    for (const QString &backend : backends()) {
        qInfo("Backend: %s", qPrintable(backend));
        TestServerApi test(backend);
        status |= QTest::qExec(&test, argc, argv);
    }
    if (postgresMissingButRequired()) {
        qCritical("PostgreSQL is required (CENTRALE_REQUIRE_POSTGRES=1) but CENTRALE_TEST_PG_URL is not set.");
        status |= 1;
    }
    return status;
}

#include "tst_server_api.moc"
