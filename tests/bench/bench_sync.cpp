// The server and the sync engine at scale, on loopback: pushing 10 000 changes in batches against
// one request per change, the first full pull of a large organisation, and the server's requests
// per second under concurrent clients. Prints figures; asserts nothing.
//   bench_sync CENTRALE_SERVER [users=100000] [folder] [db-url]
// Without db-url the server runs on SQLite in folder; give postgresql://... to measure PostgreSQL.
#include "demo/DemoGenerator.h"
#include "platform/Platform.h"
#include "store/Store.h"
#include "sync/RestConnector.h"
#include "sync/SyncEngine.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUuid>

using namespace centrale;

namespace {
QTextStream out(stdout);
const QString kDomain = QStringLiteral("domaincustomer.be");
const QString kAdmin = QStringLiteral("admin@domaincustomer.be");
const QString kPassword = QStringLiteral("Corr3ct-horse-battery");

void line(const QString &what, const QString &figures)
{
    out << QStringLiteral("%1 %2").arg(what, -62).arg(figures) << Qt::endl;
}

int run(const QString &program, const QStringList &args, const QByteArray &input = {})
{
    QProcess p;
    p.start(program, args);
    p.waitForStarted();
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(-1);
    return p.exitCode();
}

struct Server {
    QProcess process;
    quint16 port = 0;
    bool start(const QString &program, const QString &db)
    {
        process.start(program, {QStringLiteral("serve"), QStringLiteral("--db"), db, QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        static const QRegularExpression portLine(QStringLiteral("port (\\d+)"));
        QByteArray text;
        while (process.waitForReadyRead(30000)) {
            text += process.readAllStandardOutput();
            if (auto m = portLine.match(QString::fromUtf8(text)); m.hasMatch()) {
                port = m.captured(1).toUShort();
                return true;
            }
        }
        return false;
    }
    ~Server()
    {
        process.kill();
        process.waitForFinished();
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
};

QString prepare(const QString &program, const QString &db)
{
    run(program, {QStringLiteral("create-org"), kDomain, QStringLiteral("--name"), QStringLiteral("Bench"), QStringLiteral("--db"), db});
    run(program, {QStringLiteral("create-admin"), kAdmin, QStringLiteral("--org"), kDomain, QStringLiteral("--db"), db}, kPassword.toUtf8() + '\n');
    return db;
}

// A store connected to the server, with `contacts` new organisation contacts queued.
bool queueContacts(Store &store, RestConnector &connector, SyncSettings &settings, const QString &path, const QString &server, int contacts)
{
    if (!store.open(path))
        return false;
    auto session = connector.login(kAdmin, kPassword);
    if (!session || !connector.elevate(kPassword))
        return false;
    settings.server = server;
    settings.username = kAdmin;
    settings.domain = kDomain;
    SyncEngine first(store, connector, settings);
    if (!first.pull())
        return false;
    const Status s = store.database().transaction([&]() -> Status {
        for (int i = 0; i < contacts; ++i) {
            Contact c;
            c.scope = Contact::Scope::Organisation;
            c.firstName = QStringLiteral("Bench");
            c.lastName = QStringLiteral("Contact %1").arg(i);
            c.numbers.append({QStringLiteral("Work"), QStringLiteral("+3223%1").arg(100000 + i)});
            if (auto r = store.contacts.create(c); !r)
                return r.error();
        }
        return {};
    });
    return s.ok();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QString program = app.arguments().value(1);
    const int users = app.arguments().value(2, QStringLiteral("100000")).toInt();
    QTemporaryDir temp;
    const QString folder = app.arguments().value(3, temp.path());
    const QString pgUrl = app.arguments().value(4);
    if (program.isEmpty()) {
        out << "usage: bench_sync CENTRALE_SERVER [users=100000] [folder] [db-url]" << Qt::endl;
        return 2;
    }
    auto freshDb = [&](const QString &name) {
        return pgUrl.isEmpty() ? QStringLiteral("sqlite:%1/%2.db").arg(folder, name) : pgUrl;
    };
    out << "Server database: " << (pgUrl.isEmpty() ? QStringLiteral("SQLite in ") + folder : pgUrl) << Qt::endl;

    // 1. 10 000 changes: batches of 500, against one request per change.
    const int changes = 10000;
    double batchedMs = 0;
    double singleMs = 0;
    for (const bool batched : {true, false}) {
        const QString db = prepare(program, freshDb(batched ? QStringLiteral("push-batched") : QStringLiteral("push-single")));
        Server server;
        if (!server.start(program, db)) {
            out << "the server did not start" << Qt::endl;
            return 1;
        }
        Store store;
        RestConnector connector(server.url(), QStringLiteral("en"));
        SyncSettings settings;
        if (!queueContacts(store, connector, settings, QStringLiteral("%1/push-%2.sqlite").arg(folder).arg(batched), server.url(), changes)) {
            out << "could not prepare the store" << Qt::endl;
            return 1;
        }
        QElapsedTimer t;
        t.start();
        SyncEngine engine(store, connector, settings);
        engine.setBatchSize(batched ? SyncEngine::maxBatch() : 1);
        auto report = engine.push();
        const double ms = t.nsecsElapsed() / 1e6;
        (batched ? batchedMs : singleMs) = ms;
        line(batched ? QStringLiteral("push %1 changes, batches of %2").arg(changes).arg(SyncEngine::maxBatch())
                     : QStringLiteral("push %1 changes, one request each").arg(changes),
             QStringLiteral("%1 ms (%2 changes/s), %3 applied").arg(ms, 0, 'f', 0).arg(changes / (ms / 1000), 0, 'f', 0).arg(report ? report->pushed : -1));
    }
    line(QStringLiteral("batched against one request per change"), QStringLiteral("%1× faster").arg(singleMs / batchedMs, 0, 'f', 1));

    // 2. The first full pull of a large organisation.
    {
        const QString db = prepare(program, freshDb(QStringLiteral("pull")));
        Server server;
        if (!server.start(program, db))
            return 1;
        Store source;
        const QString sourcePath = folder + QStringLiteral("/pull-source.sqlite");
        if (!source.open(sourcePath))
            return 1;
        DemoGenerator::Options options;
        options.users = users;
        QElapsedTimer t;
        t.start();
        if (!DemoGenerator::generate(source.database(), options))
            return 1;
        source.refreshOrganisation();
        RestConnector connector(server.url(), QStringLiteral("en"));
        if (!connector.login(kAdmin, kPassword) || !connector.elevate(kPassword))
            return 1;
        SyncSettings settings;
        settings.server = server.url();
        settings.username = kAdmin;
        settings.domain = kDomain;
        SyncEngine up(source, connector, settings);
        auto queued = up.queueEverything();
        t.restart();
        auto pushed = up.push();
        const double pushMs = t.nsecsElapsed() / 1e6;
        line(QStringLiteral("upload a %1-user organisation (%2 records)").arg(users).arg(queued ? queued.value() : -1),
             QStringLiteral("%1 s, %2 records/s").arg(pushMs / 1000, 0, 'f', 1).arg((pushed ? pushed->pushed : 0) / (pushMs / 1000), 0, 'f', 0));
        Store fresh;
        if (!fresh.open(folder + QStringLiteral("/pull-fresh.sqlite")))
            return 1;
        SyncEngine down(fresh, connector, settings);
        t.restart();
        auto pulled = down.pull();
        const double pullMs = t.nsecsElapsed() / 1e6;
        line(QStringLiteral("first full pull of the %1-user organisation").arg(users),
             QStringLiteral("%1 s for %2 records (%3 records/s)").arg(pullMs / 1000, 0, 'f', 1).arg(pulled ? pulled->pulled : -1)
                 .arg((pulled ? pulled->pulled : 0) / (pullMs / 1000), 0, 'f', 0));
        if (!pulled)
            out << "pull failed: " << pulled.error().message << Qt::endl;
    }

    // 3. Requests per second under concurrent clients (reads of one record and of a list page).
    {
        const QString db = prepare(program, freshDb(QStringLiteral("rps")));
        Server server;
        if (!server.start(program, db))
            return 1;
        RestConnector admin(server.url(), QStringLiteral("en"));
        auto session = admin.login(kAdmin, kPassword);
        if (!session || !admin.elevate(kPassword))
            return 1;
        const QByteArray token = session->token;
        for (const int clients : {1, 4, 16}) {
            QList<QNetworkAccessManager *> managers;
            for (int i = 0; i < clients; ++i)
                managers << new QNetworkAccessManager(&app);
            int done = 0;
            int failed = 0;
            QElapsedTimer t;
            t.start();
            const qint64 windowMs = 3000;
            std::function<void(QNetworkAccessManager *, int)> fire = [&](QNetworkAccessManager *m, int n) {
                if (t.elapsed() > windowMs)
                    return;
                QNetworkRequest r(QUrl(server.url() + (n % 2 ? QStringLiteral("/api/v1/orgs/%1/groups?limit=50").arg(kDomain)
                                                             : QStringLiteral("/api/v1/orgs/%1").arg(kDomain))));
                r.setRawHeader("Authorization", "Bearer " + token);
                QNetworkReply *reply = m->get(r);
                QObject::connect(reply, &QNetworkReply::finished, &app, [&, reply, m, n] {
                    ++(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200 ? done : failed);
                    reply->deleteLater();
                    fire(m, n + 1);
                });
            };
            for (QNetworkAccessManager *m : managers)
                fire(m, 0);
            QEventLoop loop;
            QTimer::singleShot(windowMs + 500, &loop, &QEventLoop::quit);
            loop.exec();
            line(QStringLiteral("server, %1 concurrent client(s), GET record / list page").arg(clients),
                 QStringLiteral("%1 requests/s (%2 failed)").arg(done / (t.elapsed() / 1000.0), 0, 'f', 0).arg(failed));
            qDeleteAll(managers);
        }
    }
    line(QStringLiteral("peak memory of the benchmark process"), QStringLiteral("%1 MiB").arg(Platform::peakMemoryBytes() / 1048576.0, 0, 'f', 1));
    return 0;
}
