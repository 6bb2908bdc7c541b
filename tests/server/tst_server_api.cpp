// The server's API in process, on SQLite and on PostgreSQL: authentication and elevation,
// conditional and idempotent writes, validation through the domain rules, references, the change
// feed, batches, isolation between organisations, hostile requests, rate limits, password reset.

#include "ServerTestSupport.h"
#include "../core/SippPhone.h"

#include "audio/PromptConverter.h"
#include "security/Secrets.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QImage>
#include <QImageWriter>
#include <QSet>
#include <QUdpSocket>

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
        // Opening the same database again runs no migration twice and keeps what is there.
        ServerDatabase again;
        const Status reopened = again.open(m_db->displayUrl());
        QVERIFY2(reopened.ok(), qPrintable(reopened ? QString() : reopened.error().message));
        QCOMPARE(again.schemaVersion(), ServerDatabase::latestSchemaVersion());
        auto orgs = again.exec(QStringLiteral("SELECT count(*) FROM org"));
        QVERIFY(orgs.ok() && orgs->next());
        QCOMPARE(orgs->value(0).toInt(), 2);
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
        // Sub-resources and actions of records, and the organisation's messages.
        const QString u = uuid();
        for (const auto &[method, rest] : QList<QPair<QByteArray, QString>>{
                 {"GET", QStringLiteral("/groups/%1/members").arg(group)}, {"PUT", QStringLiteral("/groups/%1/members/%2").arg(group, u)},
                 {"DELETE", QStringLiteral("/groups/%1/members/%2").arg(group, u)}, {"GET", QStringLiteral("/groups/%1/contacts").arg(group)},
                 {"GET", QStringLiteral("/users/%1/photo").arg(u)}, {"PUT", QStringLiteral("/users/%1/photo").arg(u)},
                 {"DELETE", QStringLiteral("/users/%1/photo").arg(u)}, {"PUT", QStringLiteral("/users/%1/pin").arg(u)},
                 {"PUT", QStringLiteral("/users/%1/password").arg(u)},
                 {"POST", QStringLiteral("/users/%1/password-reset").arg(u)}, {"GET", QStringLiteral("/users/%1/effective-settings").arg(u)},
                 {"GET", QStringLiteral("/users/%1/contacts").arg(u)}, {"GET", QStringLiteral("/users/%1/effective-contacts").arg(u)},
                 {"POST", QStringLiteral("/users/%1/welcome").arg(u)}, {"POST", QStringLiteral("/welcome")},
                 {"GET", QStringLiteral("/messages")}, {"GET", QStringLiteral("/messages/%1").arg(uuid())},
                 {"POST", QStringLiteral("/numbers/%1/assign").arg(uuid())}, {"POST", QStringLiteral("/numbers/%1/release").arg(uuid())},
                 {"GET", QStringLiteral("/prompts/%1/audio").arg(uuid())}, {"PUT", QStringLiteral("/prompts/%1/audio").arg(uuid())},
                 {"GET", QStringLiteral("/functions/%1/state").arg(uuid())}, {"GET", QStringLiteral("/functions/%1/calendar").arg(uuid())},
                 {"PUT", QStringLiteral("/functions/%1/calendar").arg(uuid())}, {"GET", QStringLiteral("/phones/%1/provisioning").arg(uuid())},
                 {"POST", QStringLiteral("/phones/%1/reload").arg(uuid())}, {"POST", QStringLiteral("/phones/reload")},
                 {"POST", QStringLiteral("/prompts/%1/record-call").arg(uuid())}, {"GET", QStringLiteral("/call-jobs/%1").arg(uuid())}})
            routes.append({method, rest});
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
        q->finish(); // a PostgreSQL result left pending would be discarded under a later query
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
        // The new code: the one message of the user's that does not hold the first (one row read at a time).
        const QString used = QStringLiteral("%\"code\":\"") + code + QStringLiteral("\"%");
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message WHERE user_id = ? AND payload NOT LIKE ?"), {id, used}), 1);
        q = m_db->exec(QStringLiteral("SELECT payload FROM message WHERE user_id = ? AND payload NOT LIKE ?"), {id, used});
        QVERIFY(q.ok() && q->next());
        const QStringList codes{QJsonDocument::fromJson(q->value(0).toString().toUtf8()).object().value(QLatin1String("code")).toString()};
        q->finish();
        QVERIFY(!codes.first().isEmpty());
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

    void groupMembersAndContacts()
    {
        const QString a = uuid();
        const QString b = uuid();
        const QString u = uuid();
        const QString v = uuid();
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + a), groupBody(a, QStringLiteral("Accueil")), "*").status, 201);
        QJsonObject sales = groupBody(b, QStringLiteral("Sales"));
        sales.insert(QStringLiteral("settings"), QJsonObject{{QStringLiteral("internationalCalls"), true}});
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/") + b), sales, "*").status, 201);
        QJsonObject user = userBody(u, QStringLiteral("an@domaincustomer.be"), {a});
        user.insert(QStringLiteral("settings"), QJsonObject{{QStringLiteral("noAnswerSeconds"), 30}});
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + u), user, "*").status, 201);
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + v), userBody(v, QStringLiteral("bo@domaincustomer.be")), "*").status, 201);

        ApiResponse r = m_admin.call("GET", m_admin.org(QStringLiteral("/groups/%1/members").arg(a)));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("id")).toString(), u);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/groups/%1/members").arg(uuid()))).status, 404);

        // Membership is part of the user: conditional on the user's version, which increases.
        const QString toB = QStringLiteral("/groups/%1/members/an@domaincustomer.be").arg(b);
        QCOMPARE(m_admin.write("PUT", m_admin.org(toB), {}, {}).status, 428);
        r = m_admin.write("PUT", m_admin.org(toB), {}, "7");
        QCOMPARE(r.status, 412);
        QCOMPARE(r.jsonBody().value(QLatin1String("currentVersion")).toInt(), 1);
        r = m_admin.write("PUT", m_admin.org(toB), {}, "1");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.header("ETag"), QByteArray("\"2\""));
        QCOMPARE(r.jsonBody().value(QLatin1String("groups")).toArray(), QJsonArray({a, b}));
        r = m_admin.write("PUT", m_admin.org(toB), {}, "2");
        QCOMPARE(r.status, 200); // already a member: unchanged
        QCOMPARE(r.jsonBody().value(QLatin1String("version")).toInt(), 2);
        r = m_admin.write("DELETE", m_admin.org(QStringLiteral("/groups/%1/members/%2").arg(a, u)), {}, "2");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("groups")).toArray(), QJsonArray({b}));
        QCOMPARE(r.jsonBody().value(QLatin1String("version")).toInt(), 3);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/groups/%1/members").arg(a))).jsonBody().value(QLatin1String("items")).toArray().size(), 0);
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/groups/%1/members/%2").arg(uuid(), u)), {}, "3").status, 404);

        // Contacts at each level, and what the user sees.
        auto contact = [&](const QString &scope, const QString &owner, const QString &name) {
            const QString id = uuid();
            const QJsonObject body{{QStringLiteral("id"), id}, {QStringLiteral("scope"), scope}, {QStringLiteral("ownerId"), owner},
                                   {QStringLiteral("firstName"), QString()}, {QStringLiteral("lastName"), name}, {QStringLiteral("company"), QString()},
                                   {QStringLiteral("email"), QString()},
                                   {QStringLiteral("numbers"), QJsonArray{QJsonObject{{QStringLiteral("label"), QStringLiteral("Work")},
                                                                                      {QStringLiteral("number"), QStringLiteral("+3223456789")}}}}};
            const ApiResponse w = m_admin.write("PUT", m_admin.org(QStringLiteral("/contacts/") + id), body, "*");
            if (w.status != 201)
                qWarning("%s", w.body.constData());
            return id;
        };
        const QString everyone = contact(QStringLiteral("organisation"), {}, QStringLiteral("Antoine"));
        const QString ofSales = contact(QStringLiteral("group"), b, QStringLiteral("Bernard"));
        contact(QStringLiteral("group"), a, QStringLiteral("Claire"));
        const QString own = contact(QStringLiteral("user"), u, QStringLiteral("Denis"));
        contact(QStringLiteral("user"), v, QStringLiteral("Émile"));
        auto ids = [](const ApiResponse &page) {
            QStringList out;
            for (const QJsonValue &i : page.jsonBody().value(QLatin1String("items")).toArray())
                out << i.toObject().value(QLatin1String("id")).toString();
            return out;
        };
        QCOMPARE(ids(m_admin.call("GET", m_admin.org(QStringLiteral("/groups/%1/contacts").arg(b)))), QStringList{ofSales});
        QCOMPARE(ids(m_admin.call("GET", m_admin.org(QStringLiteral("/users/%1/contacts").arg(u)))), QStringList{own});
        // The contract's name for the contacts' order: by name (last name, then first name), both ways.
        ApiResponse byName = m_admin.call("GET", m_admin.org(QStringLiteral("/contacts?sort=name")));
        QCOMPARE(byName.status, 200);
        const QStringList ascending = ids(byName);
        QVERIFY(ascending.size() >= 3);
        QStringList descending = ids(m_admin.call("GET", m_admin.org(QStringLiteral("/contacts?sort=-name"))));
        std::reverse(descending.begin(), descending.end());
        QCOMPARE(descending, ascending);
        QCOMPARE(ids(m_admin.call("GET", m_admin.org(QStringLiteral("/contacts")))), ascending);
        const ApiResponse other = m_admin.call("GET", m_admin.org(QStringLiteral("/contacts?sort=lastName")));
        QCOMPARE(other.status, 400);
        QVERIFY(other.body.contains("sorted by name only"));
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/users/an@domaincustomer.be/effective-contacts")));
        QCOMPARE(r.status, 200);
        QCOMPARE(ids(r), (QStringList{everyone, ofSales, own}));
        const QJsonArray seen = r.jsonBody().value(QLatin1String("items")).toArray();
        QCOMPARE(seen.at(1).toObject().value(QLatin1String("sourceName")).toString(), QStringLiteral("Sales"));
        QCOMPARE(seen.at(2).toObject().value(QLatin1String("sourceName")).toString(), QStringLiteral("an@domaincustomer.be"));
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/users/%1/effective-contacts").arg(uuid()))).status, 404);

        // Effective settings: the user's own, else its groups', else the organisation's.
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/users/%1/effective-settings").arg(u)));
        QCOMPARE(r.status, 200);
        QHash<QString, QJsonObject> settings;
        for (const QJsonValue &s : r.jsonBody().value(QLatin1String("items")).toArray())
            settings.insert(s.toObject().value(QLatin1String("key")).toString(), s.toObject());
        QCOMPARE(settings.size(), 5);
        QCOMPARE(settings.value(QStringLiteral("noAnswerSeconds")).value(QLatin1String("source")).toString(), QStringLiteral("user"));
        QCOMPARE(settings.value(QStringLiteral("noAnswerSeconds")).value(QLatin1String("value")).toInt(), 30);
        QCOMPARE(settings.value(QStringLiteral("internationalCalls")).value(QLatin1String("source")).toString(), QStringLiteral("group"));
        QCOMPARE(settings.value(QStringLiteral("internationalCalls")).value(QLatin1String("sourceName")).toString(), QStringLiteral("Sales"));
        QCOMPARE(settings.value(QStringLiteral("internationalCalls")).value(QLatin1String("value")).toBool(), true);
        QCOMPARE(settings.value(QStringLiteral("voicemail")).value(QLatin1String("source")).toString(), QStringLiteral("organisation"));
        QVERIFY(settings.value(QStringLiteral("callerId")).value(QLatin1String("value")).isString());
    }

    // A phone's picture stored sideways with EXIF orientation 6 (turn 90° clockwise to view):
    // the server sets it upright before it crops the centre. Left half red, right half blue
    // becomes top red, bottom blue; without the turn the centre square would be red and blue
    // side by side.
    void photoIsSetUpright()
    {
        const QString u = uuid();
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + u), userBody(u, QStringLiteral("sideways@domaincustomer.be")), "*").status,
                 201);
        QImage sideways(600, 400, QImage::Format_RGB32);
        sideways.fill(QColor(220, 20, 20));
        for (int y = 0; y < 400; ++y) {
            for (int x = 300; x < 600; ++x)
                sideways.setPixelColor(x, y, QColor(20, 20, 220));
        }
        QByteArray plain;
        QBuffer buffer(&plain);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(QImageWriter(&buffer, "jpeg").write(sideways));
        // An APP1 segment right after SOI: "Exif", a big-endian TIFF header and one IFD entry,
        // Orientation (0x0112), SHORT, 1 value: 6.
        const QByteArray tiff = QByteArray::fromHex("4d4d002a00000008" "0001" "011200030000000100060000" "00000000");
        const QByteArray payload = QByteArray("Exif\0\0", 6) + tiff;
        QByteArray app1 = QByteArray::fromHex("ffe1");
        app1.append(char((payload.size() + 2) >> 8)).append(char((payload.size() + 2) & 0xff)).append(payload);
        const QByteArray jpeg = plain.left(2) + app1 + plain.mid(2);
        const QString photo = m_admin.org(QStringLiteral("/users/%1/photo").arg(u));
        ApiResponse r = m_admin.raw("PUT", photo, jpeg, {{"idempotency-key", "upright-1"}, {"if-match", "\"1\""}}, "image/jpeg");
        QVERIFY2(r.status == 200, r.body.constData());
        const QImage stored = QImage::fromData(m_admin.call("GET", photo).body, "jpeg");
        QCOMPARE(stored.size(), QSize(400, 400));
        auto isRed = [](QColor c) { return c.red() > 150 && c.blue() < 100; };
        auto isBlue = [](QColor c) { return c.blue() > 150 && c.red() < 100; };
        for (const QPoint &p : {QPoint(80, 60), QPoint(320, 60)})
            QVERIFY2(isRed(stored.pixelColor(p)), qPrintable(stored.pixelColor(p).name()));
        for (const QPoint &p : {QPoint(80, 340), QPoint(320, 340)})
            QVERIFY2(isBlue(stored.pixelColor(p)), qPrintable(stored.pixelColor(p).name()));
    }

    void userPhotoAndPin()
    {
        const QString u = uuid();
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + u), userBody(u, QStringLiteral("an@domaincustomer.be")), "*").status, 201);
        const QString photo = m_admin.org(QStringLiteral("/users/%1/photo").arg(u));
        ApiResponse r = m_admin.call("GET", photo);
        QCOMPARE(r.status, 404);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/users/") + u)).jsonBody().value(QLatin1String("hasPhoto")).toBool(), false);

        QImage picture(640, 480, QImage::Format_RGB32);
        picture.fill(QColor(200, 30, 30));
        QByteArray jpeg;
        QBuffer buffer(&jpeg);
        QVERIFY(buffer.open(QIODevice::WriteOnly));
        QVERIFY(QImageWriter(&buffer, "jpeg").write(picture));
        auto put = [&](const QByteArray &body, const QByteArray &type, const QByteArray &version) {
            QHash<QByteArray, QByteArray> h{{"idempotency-key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}, {"content-type", type}};
            if (!version.isEmpty())
                h.insert("if-match", '"' + version + '"');
            return m_admin.raw("PUT", photo, body, h);
        };
        QCOMPARE(put(jpeg, "image/png", "1").status, 415);
        QCOMPARE(put(QByteArray(5 * 1024 * 1024 + 1, 'x'), "image/jpeg", "1").status, 413);
        QCOMPARE(put(jpeg, "image/jpeg", {}).status, 428);
        QCOMPARE(put(jpeg, "image/jpeg", "9").status, 412);
        r = put(jpeg.left(100), "image/jpeg", "1"); // cut inside its tables
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("photo"));
        QCOMPARE(put("\x89PNG\r\n\x1a\nnot a jpeg", "image/jpeg", "1").status, 422);
        QCOMPARE(put(QByteArray("\xFF\xD8\xFF") + QByteArray(2000, '\x42'), "image/jpeg", "1").status, 422);
        r = put(jpeg, "image/jpeg", "1");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.jsonBody().value(QLatin1String("hasPhoto")).toBool(), true);
        QCOMPARE(r.jsonBody().value(QLatin1String("version")).toInt(), 2);
        r = m_admin.call("GET", photo);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray("image/jpeg"));
        QCOMPARE(r.header("ETag"), QByteArray("\"2\""));
        const QImage stored = QImage::fromData(r.body, "jpeg");
        QCOMPARE(stored.size(), QSize(400, 400)); // cropped to the centre and scaled, as the desktop does
        // Clients fetch the photo only when its checksum differs from their copy's.
        const QString photoSha = QString::fromLatin1(QCryptographicHash::hash(r.body, QCryptographicHash::Sha256).toHex());
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/users/") + u)).jsonBody().value(QLatin1String("photoSha256")).toString(), photoSha);
        QCOMPARE(m_admin.call("GET", photo, {}, {{"if-none-match", "\"2\""}}).status, 304);
        // A change of the user record keeps the photo.
        r = m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + u), userBody(u, QStringLiteral("an@domaincustomer.be")), "2");
        QCOMPARE(r.jsonBody().value(QLatin1String("hasPhoto")).toBool(), true);
        QCOMPARE(r.jsonBody().value(QLatin1String("photoSha256")).toString(), photoSha);
        QCOMPARE(m_admin.write("DELETE", photo, {}, "2").status, 412);
        r = m_admin.write("DELETE", photo, {}, "3");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("hasPhoto")).toBool(), false);
        QCOMPARE(m_admin.call("GET", photo).status, 404);

        // The PIN: digits only, stored hashed, never returned.
        const QString pin = m_admin.org(QStringLiteral("/users/%1/pin").arg(u));
        r = m_admin.write("PUT", pin, {{QStringLiteral("pin"), QStringLiteral("12a4")}}, "4");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("pin"));
        QCOMPARE(m_admin.write("PUT", pin, {{QStringLiteral("pin"), QStringLiteral("482913")}}, {}).status, 428);
        QCOMPARE(m_admin.raw("PUT", pin, "pin=482913", {{"idempotency-key", "pin-as-form-1"}, {"if-match", "\"4\""}}, "text/plain").status, 415);
        r = m_admin.write("PUT", pin, {{QStringLiteral("pin"), QStringLiteral("482913")}}, "4");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.jsonBody().value(QLatin1String("pinSet")).toBool(), true);
        QVERIFY(!r.body.contains("482913"));
        auto hash = m_db->exec(QStringLiteral("SELECT pin_hash FROM account WHERE user_id = ?"), {u});
        QVERIFY(hash && hash->next());
        QVERIFY(Secrets::verify(hash->value(0).toString(), QStringLiteral("482913")));

        // A password the administrator chose: only as the Argon2id hash the desktop made, never in clear.
        const QString password = m_admin.org(QStringLiteral("/users/%1/password").arg(u));
        r = m_admin.write("PUT", password, {{QStringLiteral("password"), QStringLiteral("Zomer-2027-Blauw")}}, "5");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(),
                 QStringLiteral("passwordHash"));
        QCOMPARE(m_admin.write("PUT", password, {{QStringLiteral("passwordHash"), QStringLiteral("md5$abc")}}, "5").status, 422);
        const QString chosen = Secrets::hash(QStringLiteral("Zomer-2027-Blauw")).value();
        QCOMPARE(m_admin.write("PUT", password, {{QStringLiteral("passwordHash"), chosen}}, {}).status, 428);
        QCOMPARE(m_admin.write("PUT", password, {{QStringLiteral("passwordHash"), chosen}}, "4").status, 412);
        r = m_admin.write("PUT", password, {{QStringLiteral("passwordHash"), chosen}}, "5");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.jsonBody().value(QLatin1String("version")).toInt(), 6);
        QVERIFY(!r.body.contains("argon2id"));
        hash = m_db->exec(QStringLiteral("SELECT password_hash FROM account WHERE user_id = ?"), {u});
        QVERIFY(hash && hash->next());
        QCOMPARE(hash->value(0).toString(), chosen);

        // An administrator's password reset: a code by e-mail, else SMS; nowhere to send it: failed.
        r = m_admin.write("POST", m_admin.org(QStringLiteral("/users/%1/password-reset").arg(u)), {}, {});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.jsonBody().value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(r.jsonBody().value(QLatin1String("reasonCode")).toString(), QStringLiteral("no-email"));
        QJsonObject withEmail = userBody(u, QStringLiteral("an@domaincustomer.be"));
        withEmail.insert(QStringLiteral("email"), QStringLiteral("elise@example.be"));
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + u), withEmail, "6").status, 200);
        r = m_admin.write("POST", m_admin.org(QStringLiteral("/users/an@domaincustomer.be/password-reset")), {}, {});
        QCOMPARE(r.status, 202);
        QCOMPARE(r.jsonBody().value(QLatin1String("kind")).toString(), QStringLiteral("password-reset"));
        QCOMPARE(r.jsonBody().value(QLatin1String("status")).toString(), QStringLiteral("queued"));
        QCOMPARE(r.jsonBody().value(QLatin1String("delivery")).toString(), QStringLiteral("email"));
        QCOMPARE(r.jsonBody().value(QLatin1String("to")).toString(), QStringLiteral("e***@example.be"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM reset_code WHERE user_id = ?"), {u}), 1);
        QCOMPARE(m_admin.write("POST", m_admin.org(QStringLiteral("/users/%1/password-reset").arg(uuid())), {}, {}).status, 404);
    }

    void numbersAreAssignedAndReleased()
    {
        const QString n1 = uuid();
        const QString n2 = uuid();
        const QString u = uuid();
        const QString f = uuid();
        for (const auto &[id, number] : {std::pair{n1, QStringLiteral("+3223456711")}, std::pair{n2, QStringLiteral("+3223456712")}}) {
            const QJsonObject body{{QStringLiteral("id"), id}, {QStringLiteral("number"), number}, {QStringLiteral("userId"), QString()},
                                   {QStringLiteral("functionId"), QString()}};
            QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/numbers/") + id), body, "*").status, 201);
        }
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + u), userBody(u, QStringLiteral("an@domaincustomer.be")), "*").status, 201);
        const QJsonObject function{{QStringLiteral("id"), f}, {QStringLiteral("number"), QStringLiteral("+3223456700")},
                                   {QStringLiteral("name"), QStringLiteral("Accueil")}, {QStringLiteral("defaultState"), QStringLiteral("closed")}};
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/functions/") + f), function, "*").status, 201);

        const QString assign = m_admin.org(QStringLiteral("/numbers/+3223456711/assign"));
        const QJsonObject toUser{{QStringLiteral("userId"), QStringLiteral("an@domaincustomer.be")}};
        QCOMPARE(m_admin.write("POST", assign, toUser, {}).status, 428);
        QCOMPARE(m_admin.write("POST", assign, toUser, "5").status, 412);
        QCOMPARE(m_admin.write("POST", assign, {{QStringLiteral("userId"), u}, {QStringLiteral("functionId"), f}}, "1").status, 422);
        QCOMPARE(m_admin.write("POST", assign, {{QStringLiteral("userId"), QStringLiteral("nobody@domaincustomer.be")}}, "1").status, 422);
        ApiResponse r = m_admin.write("POST", assign, toUser, "1");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.jsonBody().value(QLatin1String("userId")).toString(), u);
        QCOMPARE(r.header("ETag"), QByteArray("\"2\""));
        // Taken, or an assignee that already has a number: in use.
        r = m_admin.write("POST", assign, {{QStringLiteral("functionId"), f}}, "2");
        QCOMPARE(r.status, 409);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("in-use"));
        QCOMPARE(m_admin.write("POST", m_admin.org(QStringLiteral("/numbers/%1/assign").arg(n2)), toUser, "1").status, 409);
        r = m_admin.write("POST", m_admin.org(QStringLiteral("/numbers/%1/assign").arg(n2)), {{QStringLiteral("functionId"), f}}, "1");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("functionId")).toString(), f);
        // Released: free again, and the user can be deleted.
        const QString release = m_admin.org(QStringLiteral("/numbers/%1/release").arg(n1));
        QCOMPARE(m_admin.write("POST", release, {}, {}).status, 428);
        r = m_admin.write("POST", release, {}, "2");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("userId")).toString(), QString());
        QCOMPARE(r.jsonBody().value(QLatin1String("version")).toInt(), 3);
        QCOMPARE(m_admin.write("POST", release, {}, "3").jsonBody().value(QLatin1String("version")).toInt(), 3);
        QCOMPARE(m_admin.write("DELETE", m_admin.org(QStringLiteral("/users/") + u), {}, "1").status, 204);
        QCOMPARE(m_admin.write("POST", m_admin.org(QStringLiteral("/numbers/+3299999999/release")), {}, "1").status, 404);
    }

    void promptAudioRoute()
    {
        const QString id = uuid();
        const QJsonObject prompt{{QStringLiteral("id"), id}, {QStringLiteral("name"), QStringLiteral("Fermé")}, {QStringLiteral("description"), QStringLiteral("Nous sommes fermés.")},
                                 {QStringLiteral("durationMs"), 0}, {QStringLiteral("origin"), QStringLiteral("imported")}, {QStringLiteral("sourceFile"), QString()},
                                 {QStringLiteral("peakDbfs"), 0.0}, {QStringLiteral("rmsDbfs"), 0.0}};
        ApiResponse r = m_admin.write("PUT", m_admin.org(QStringLiteral("/prompts/") + id), prompt, "*");
        QVERIFY2(r.status == 201, r.body.constData());
        const QString audio = m_admin.org(QStringLiteral("/prompts/%1/audio").arg(id));
        QCOMPARE(m_admin.call("GET", audio).status, 404);

        std::vector<float> tone(8000 * 3 / 2);
        for (size_t i = 0; i < tone.size(); ++i)
            tone[i] = 0.5f * static_cast<float>(std::sin(2 * M_PI * 440.0 * static_cast<double>(i) / 8000.0));
        auto conversion = PromptConverter().convertPcm(tone.data(), static_cast<qint64>(tone.size()), 1, 8000, {});
        QVERIFY(conversion.ok());
        const QByteArray wav = conversion->wav;
        auto put = [&](const QByteArray &body, const QByteArray &type, const QByteArray &version) {
            QHash<QByteArray, QByteArray> h{{"idempotency-key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}, {"content-type", type}};
            if (!version.isEmpty())
                h.insert("if-match", '"' + version + '"');
            return m_admin.raw("PUT", audio, body, h);
        };
        QCOMPARE(put(wav, "application/json", "1").status, 415);
        QCOMPARE(put(QByteArray(10 * 1024 * 1024 + 1, 'x'), "audio/wav", "1").status, 413);
        QCOMPARE(put(wav, "audio/wav", {}).status, 428);
        QCOMPARE(put(wav, "audio/wav", "3").status, 412);
        QFile pcm(QStringLiteral(CENTRALE_TEST_DATA "/audio/pcm-s16-16k.wav"));
        QVERIFY(pcm.open(QIODevice::ReadOnly));
        r = put(pcm.readAll(), "audio/wav", "1");
        QCOMPARE(r.status, 422);
        QCOMPARE(r.jsonBody().value(QLatin1String("code")).toString(), QStringLiteral("invalid-audio"));
        QCOMPARE(put(wav.left(60), "audio/x-wav", "1").status, 422);
        r = put(wav, "audio/wave", "1");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.jsonBody().value(QLatin1String("version")).toInt(), 2);
        QCOMPARE(r.jsonBody().value(QLatin1String("durationMs")).toInt(), 1500);
        QVERIFY(r.jsonBody().value(QLatin1String("hasAudio")).toBool());
        QVERIFY(r.jsonBody().value(QLatin1String("peakDbfs")).toDouble() < -5.0); // measured: a half-scale tone
        QCOMPARE(r.jsonBody().value(QLatin1String("audioSha256")).toString().size(), 64);
        r = m_admin.call("GET", audio);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray("audio/wav"));
        QCOMPARE(r.body, wav);
        QCOMPARE(m_admin.call("GET", audio, {}, {{"if-none-match", "\"2\""}}).status, 304);
    }

    void functionStateAndCalendar()
    {
        const QString f = uuid();
        const QJsonObject function{{QStringLiteral("id"), f}, {QStringLiteral("number"), QStringLiteral("+3223456700")},
                                   {QStringLiteral("name"), QStringLiteral("Accueil")}, {QStringLiteral("defaultState"), QStringLiteral("open")}};
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/functions/") + f), function, "*").status, 201);
        const QByteArray ics = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Test//EN\r\nX-CENTRALE-DEFAULT-STATE:closed\r\n"
                               "BEGIN:VEVENT\r\nUID:office@test\r\nDTSTAMP:20261201T000000Z\r\nSUMMARY:Office hours\r\n"
                               "DTSTART:20270104T083000\r\nDTEND:20270104T123000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR\r\n"
                               "X-CENTRALE-STATE:open\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
        const QString calendar = m_admin.org(QStringLiteral("/functions/%1/calendar").arg(f));
        auto put = [&](const QString &path, const QByteArray &body, const QByteArray &type, const QByteArray &version) {
            QHash<QByteArray, QByteArray> h{{"idempotency-key", QUuid::createUuid().toByteArray(QUuid::WithoutBraces)}, {"content-type", type}};
            if (!version.isEmpty())
                h.insert("if-match", '"' + version + '"');
            return m_admin.raw("PUT", path, body, h);
        };
        QCOMPARE(put(calendar, ics, "text/plain", "1").status, 415);
        QCOMPARE(put(calendar, QByteArray(2 * 1024 * 1024 + 1, 'x'), "text/calendar", "1").status, 413);
        QCOMPARE(put(calendar, ics, "text/calendar", {}).status, 428);
        QCOMPARE(put(calendar, ics, "text/calendar", "4").status, 412);
        QCOMPARE(put(calendar + QStringLiteral("?mode=merge"), ics, "text/calendar", "1").status, 400);
        for (const char *broken : {"not-ics.ics", "unterminated.ics", "bad-rrule.ics"}) {
            QFile file(QStringLiteral(CENTRALE_TEST_DATA "/ics/") + QLatin1String(broken));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const ApiResponse r = put(calendar, file.readAll(), "text/calendar; charset=utf-8", "1");
            QVERIFY2(r.status == 422, broken);
            QCOMPARE(r.jsonBody().value(QLatin1String("errors")).toArray().first().toObject().value(QLatin1String("field")).toString(), QStringLiteral("calendar"));
        }
        ApiResponse r = put(calendar, ics, "text/calendar", "1");
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.header("ETag"), QByteArray("\"2\""));
        QJsonArray events = r.jsonBody().value(QLatin1String("items")).toArray();
        QCOMPARE(events.size(), 1);
        const QString office = events.first().toObject().value(QLatin1String("id")).toString();
        QCOMPARE(events.first().toObject().value(QLatin1String("state")).toString(), QStringLiteral("open"));
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/functions/") + f)).jsonBody().value(QLatin1String("defaultState")).toString(),
                 QStringLiteral("closed")); // restored from the file into an empty calendar

        // The state at an instant, in the organisation's time zone, with what comes next.
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/functions/%1/state?at=2027-01-04T09:00:00&transitions=2").arg(f)));
        QCOMPARE(r.status, 200);
        QJsonObject state = r.jsonBody();
        QCOMPARE(state.value(QLatin1String("state")).toString(), QStringLiteral("open"));
        QCOMPARE(state.value(QLatin1String("eventId")).toString(), office);
        const QJsonArray next = state.value(QLatin1String("transitions")).toArray();
        QCOMPARE(next.size(), 2);
        QCOMPARE(next.at(0).toObject().value(QLatin1String("at")).toString(), QStringLiteral("2027-01-04T12:30:00"));
        QCOMPARE(next.at(0).toObject().value(QLatin1String("state")).toString(), QStringLiteral("closed"));
        QCOMPARE(next.at(0).toObject().value(QLatin1String("eventId")).toString(), QString());
        QCOMPARE(next.at(1).toObject().value(QLatin1String("at")).toString(), QStringLiteral("2027-01-05T08:30:00"));
        // Now: Friday 15 January 2027, 09:00 in Brussels.
        state = m_admin.call("GET", m_admin.org(QStringLiteral("/functions/%1/state").arg(f))).jsonBody();
        QCOMPARE(state.value(QLatin1String("at")).toString(), QStringLiteral("2027-01-15T09:00:00"));
        QCOMPARE(state.value(QLatin1String("state")).toString(), QStringLiteral("open"));
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/functions/%1/state?at=tomorrow").arg(f))).status, 400);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/functions/%1/state?transitions=51").arg(f))).status, 400);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/functions/%1/state").arg(uuid()))).status, 404);

        // Export, and import again: append adds after, replace starts over.
        r = m_admin.call("GET", calendar);
        QCOMPARE(r.status, 200);
        QVERIFY(r.contentType.startsWith("text/calendar"));
        QVERIFY(r.body.contains("SUMMARY:Office hours"));
        QVERIFY(r.body.contains("X-CENTRALE-DEFAULT-STATE:closed"));
        const QByteArray exported = r.body;
        r = put(calendar, exported, "text/calendar", "2");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().size(), 2);
        r = put(calendar + QStringLiteral("?mode=replace"), exported, "text/calendar", "3");
        QCOMPARE(r.status, 200);
        events = r.jsonBody().value(QLatin1String("items")).toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events.first().toObject().value(QLatin1String("position")).toInt(), 0);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM record WHERE entity = 'event' AND parent_id = ? AND deleted = 0"), {f}), 1);
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM record WHERE entity = 'event' AND parent_id = ? AND deleted = 1"), {f}), 2);
    }

    void phonesProvisioningAndReload()
    {
        const QString owner = uuid();
        const QString colleague = uuid();
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + owner), userBody(owner, QStringLiteral("an@domaincustomer.be")), "*").status, 201);
        QJsonObject other = userBody(colleague, QStringLiteral("bo@domaincustomer.be"));
        other.insert(QStringLiteral("firstName"), QStringLiteral("Bo"));
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + colleague), other, "*").status, 201);
        // Nothing answers SIP on this port: every request ends as "no answer", quickly.
        QUdpSocket closed;
        QVERIFY(closed.bind(QHostAddress::LocalHost, 0));
        const quint16 port = closed.localPort();
        closed.close();
        auto phone = [&](const QString &mac, const QString &model, const QString &address) {
            const QString id = uuid();
            const QJsonObject body{{QStringLiteral("id"), id}, {QStringLiteral("mac"), mac}, {QStringLiteral("model"), model},
                                   {QStringLiteral("ownerId"), owner}, {QStringLiteral("label"), QStringLiteral("Desk")},
                                   {QStringLiteral("sipAddress"), address}, {QStringLiteral("sipUser"), QString()},
                                   {QStringLiteral("keys"), QJsonArray{QJsonObject{{QStringLiteral("index"), 1}, {QStringLiteral("type"), QStringLiteral("extension")},
                                                                                   {QStringLiteral("userId"), colleague}}}}};
            const ApiResponse w = m_admin.write("PUT", m_admin.org(QStringLiteral("/phones/") + id), body, "*");
            if (w.status != 201)
                qWarning("%s", w.body.constData());
            return id;
        };
        const QString yealink = phone(QStringLiteral("00156512AB01"), QStringLiteral("Yealink T54W"), QStringLiteral("127.0.0.1:%1").arg(port));
        const QString snom = phone(QStringLiteral("000413AB0002"), QStringLiteral("Snom D735"), QString());

        ApiResponse r = m_admin.call("GET", m_admin.org(QStringLiteral("/phones/%1/provisioning").arg(yealink)));
        QCOMPARE(r.status, 200);
        QVERIFY(r.contentType.startsWith("text/plain"));
        QVERIFY(r.body.contains("bo@domaincustomer.be"));
        QCOMPARE(r.header("ETag"), QByteArray("\"1\""));
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/phones/%1/provisioning").arg(snom)));
        QCOMPARE(r.status, 200);
        QVERIFY(r.contentType.startsWith("application/xml"));
        QVERIFY(r.body.startsWith("<?xml"));
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/phones/%1/provisioning").arg(uuid()))).status, 404);

        qputenv("CENTRALE_SIP_T1_MS", "10");
        r = m_admin.write("POST", m_admin.org(QStringLiteral("/phones/%1/reload").arg(yealink)), {}, {});
        QVERIFY2(r.status == 200, r.body.constData());
        QCOMPARE(r.jsonBody().value(QLatin1String("phoneId")).toString(), yealink);
        QCOMPARE(r.jsonBody().value(QLatin1String("mac")).toString(), QStringLiteral("00156512AB01"));
        QCOMPARE(r.jsonBody().value(QLatin1String("outcome")).toString(), QStringLiteral("no-answer"));
        QCOMPARE(m_admin.write("POST", m_admin.org(QStringLiteral("/phones/%1/reload").arg(uuid())), {}, {}).status, 404);
        QCOMPARE(m_admin.call("POST", m_admin.org(QStringLiteral("/phones/%1/reload").arg(yealink))).status, 400); // no Idempotency-Key

        const QHash<QByteArray, QByteArray> once{{"idempotency-key", "reload-both-phones"}};
        const QJsonObject both{{QStringLiteral("phones"), QJsonArray{snom, QStringLiteral("00:15:65:12:AB:01")}}};
        r = m_admin.call("POST", m_admin.org(QStringLiteral("/phones/reload")), both, once);
        QVERIFY2(r.status == 200, r.body.constData());
        const QJsonArray results = r.jsonBody().value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QLatin1String("phoneId")).toString(), snom); // request order
        QCOMPARE(results.at(0).toObject().value(QLatin1String("outcome")).toString(), QStringLiteral("no-answer"));
        QVERIFY(!results.at(0).toObject().value(QLatin1String("reason")).toString().isEmpty()); // no SIP address
        QCOMPARE(results.at(1).toObject().value(QLatin1String("phoneId")).toString(), yealink);
        r = m_admin.call("POST", m_admin.org(QStringLiteral("/phones/reload")), both, once);
        QCOMPARE(r.header("Idempotent-Replayed"), QByteArray("true"));
        r = m_admin.write("POST", m_admin.org(QStringLiteral("/phones/reload")), {{QStringLiteral("phones"), QJsonArray{snom, uuid()}}}, {});
        QCOMPARE(r.status, 422);
        QCOMPARE(m_admin.write("POST", m_admin.org(QStringLiteral("/phones/reload")), {{QStringLiteral("phones"), QJsonArray()}}, {}).status, 422);
        qunsetenv("CENTRALE_SIP_T1_MS");

        // A real SIP peer: sipp plays a Snom phone on loopback and checks the NOTIFY it receives.
        SippPhone sipp(m_dir.path(), QStringLiteral("check-sync-reboot-false.xml"));
        QVERIFY(sipp.start());
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/phones/") + snom));
        QJsonObject reachable = r.jsonBody();
        reachable.remove(QStringLiteral("version"));
        reachable.insert(QStringLiteral("sipAddress"), QStringLiteral("127.0.0.1:%1").arg(sipp.port()));
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/phones/") + snom), reachable, "1").status, 200);
        r = m_admin.write("POST", m_admin.org(QStringLiteral("/phones/000413AB0002/reload")), {}, {});
        QVERIFY2(r.status == 200, r.body.constData());
        QVERIFY2(r.jsonBody().value(QLatin1String("outcome")).toString() == QLatin1String("reloaded"), qPrintable(QString::fromUtf8(r.body) + sipp.diagnostics()));
        QCOMPARE(r.jsonBody().value(QLatin1String("sipStatus")).toInt(), 200);
        QVERIFY2(sipp.passed(), qPrintable(sipp.diagnostics()));
    }

    void welcomeMessagesAreQueued()
    {
        const QString a = uuid();
        const QString b = uuid();
        QJsonObject withBoth = userBody(a, QStringLiteral("an@domaincustomer.be"), {}, QStringLiteral("+32475123456"));
        withBoth.insert(QStringLiteral("email"), QStringLiteral("elise@example.be"));
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + a), withBoth, "*").status, 201);
        QCOMPARE(m_admin.write("PUT", m_admin.org(QStringLiteral("/users/") + b), userBody(b, QStringLiteral("bo@domaincustomer.be")), "*").status, 201);

        ApiResponse r = m_admin.write("POST", m_admin.org(QStringLiteral("/users/%1/welcome").arg(a)),
                                      {{QStringLiteral("channels"), QJsonArray{QStringLiteral("web"), QStringLiteral("mobile")}}}, {});
        QVERIFY2(r.status == 200, r.body.constData());
        QJsonArray results = r.jsonBody().value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QLatin1String("channel")).toString(), QStringLiteral("web"));
        QCOMPARE(results.at(0).toObject().value(QLatin1String("delivery")).toString(), QStringLiteral("email"));
        QCOMPARE(results.at(1).toObject().value(QLatin1String("channel")).toString(), QStringLiteral("mobile"));
        QCOMPARE(results.at(1).toObject().value(QLatin1String("delivery")).toString(), QStringLiteral("sms"));
        QCOMPARE(results.at(1).toObject().value(QLatin1String("to")).toString(), QStringLiteral("+32475****56"));
        QCOMPARE(results.at(1).toObject().value(QLatin1String("status")).toString(), QStringLiteral("queued"));
        QVERIFY(!r.body.contains("code"));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message WHERE user_id = ? AND kind = 'welcome'"), {a}), 2);

        QCOMPARE(m_admin.write("POST", m_admin.org(QStringLiteral("/users/%1/welcome").arg(a)),
                               {{QStringLiteral("channels"), QJsonArray{QStringLiteral("fax")}}}, {}).status, 422);
        QCOMPARE(m_admin.write("POST", m_admin.org(QStringLiteral("/users/%1/welcome").arg(a)),
                               {{QStringLiteral("channels"), QJsonArray{QStringLiteral("web")}}, {QStringLiteral("delivery"), QStringLiteral("pigeon")}}, {}).status, 422);
        QCOMPARE(m_admin.write("POST", m_admin.org(QStringLiteral("/users/%1/welcome").arg(uuid())),
                               {{QStringLiteral("channels"), QJsonArray{QStringLiteral("web")}}}, {}).status, 404);
        // Bulk: an unknown user refuses the whole request.
        r = m_admin.write("POST", m_admin.org(QStringLiteral("/welcome")),
                          {{QStringLiteral("channels"), QJsonArray{QStringLiteral("web")}}, {QStringLiteral("users"), QJsonArray{a, QStringLiteral("nobody@domaincustomer.be")}}}, {});
        QCOMPARE(r.status, 422);
        QVERIFY(r.jsonBody().value(QLatin1String("detail")).toString().contains(QLatin1String("nobody@domaincustomer.be")));
        QCOMPARE(count(QStringLiteral("SELECT count(*) FROM message")), 2);
        r = m_admin.write("POST", m_admin.org(QStringLiteral("/welcome")),
                          {{QStringLiteral("channels"), QJsonArray{QStringLiteral("softphone")}}, {QStringLiteral("users"), QJsonArray{QStringLiteral("an@domaincustomer.be"), b}}}, {});
        QCOMPARE(r.status, 200);
        results = r.jsonBody().value(QLatin1String("results")).toArray();
        QCOMPARE(results.size(), 2);
        QCOMPARE(results.at(0).toObject().value(QLatin1String("userId")).toString(), a);
        QCOMPARE(results.at(1).toObject().value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(results.at(1).toObject().value(QLatin1String("reasonCode")).toString(), QStringLiteral("no-email"));
        const QString failedId = results.at(1).toObject().value(QLatin1String("id")).toString();

        // The messages, newest first, paged and filtered.
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/messages")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().size(), 4);
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/messages?status=failed")));
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(r.jsonBody().value(QLatin1String("items")).toArray().first().toObject().value(QLatin1String("id")).toString(), failedId);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/messages?userId=") + b)).jsonBody().value(QLatin1String("items")).toArray().size(), 1);
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/messages?status=lost"))).status, 400);
        QStringList seen;
        QString cursor;
        for (int page = 0; page < 5; ++page) {
            r = m_admin.call("GET", m_admin.org(QStringLiteral("/messages?limit=3") + (cursor.isEmpty() ? QString() : QStringLiteral("&cursor=") + cursor)));
            for (const QJsonValue &m : r.jsonBody().value(QLatin1String("items")).toArray())
                seen << m.toObject().value(QLatin1String("id")).toString();
            if (!r.jsonBody().value(QLatin1String("hasMore")).toBool())
                break;
            cursor = r.jsonBody().value(QLatin1String("nextCursor")).toString();
        }
        QCOMPARE(seen.size(), 4);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), 4);
        r = m_admin.call("GET", m_admin.org(QStringLiteral("/messages/") + failedId));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.jsonBody().value(QLatin1String("kind")).toString(), QStringLiteral("welcome"));
        QCOMPARE(r.jsonBody().value(QLatin1String("channel")).toString(), QStringLiteral("softphone"));
        QVERIFY(!r.jsonBody().value(QLatin1String("reason")).toString().isEmpty());
        QCOMPARE(m_admin.call("GET", m_admin.org(QStringLiteral("/messages/") + uuid())).status, 404);
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
