#include "cli/SyncCommands.h"

#include "i18n/Translations.h"
#include "platform/Platform.h"
#include "store/Store.h"
#include "sync/CredentialStore.h"
#include "sync/RestConnector.h"
#include "sync/SyncEngine.h"
#include "sync/SyncSetup.h"

#include <atomic>
#include <csignal>

#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace centrale {

namespace {
QString language()
{
    const QString lang = qEnvironmentVariable("CENTRALE_LANG", Translations::systemLanguage());
    return Translations::languages().contains(lang) ? lang : QStringLiteral("en");
}
} // namespace

SyncCommands::SyncCommands(CliIo &io) : m_io(io), m_credentials(std::make_unique<KeychainCredentialStore>()) {}

SyncCommands::~SyncCommands() = default;

QString SyncCommands::usage()
{
    return tr("\nServer:\n"
              "  login --server URL --user NAME   log in (password from the terminal, or standard input), then pull the organisation\n"
              "  sync                          send this store's changes, then receive the server's\n"
              "  status                        the server, the last sync, changes waiting and conflicts\n"
              "  conflicts [--keep-mine ID | --take-theirs ID]   list or resolve changes the server refused\n"
              "  logout                        end the session and forget its token\n");
}

int SyncCommands::run(const QString &command, const QStringList &args)
{
    if (command == QLatin1String("login"))
        return runLogin(args);
    if (command == QLatin1String("logout"))
        return runLogout(args);
    if (command == QLatin1String("sync"))
        return runSync(args);
    if (command == QLatin1String("status"))
        return runStatus(args);
    return runConflicts(args);
}

int SyncCommands::runLogin(const QStringList &args)
{
    CliParser p(tr("Logs in to a Centrale server with this store. The password is read from the terminal without echo, or "
                   "from standard input when it is not a terminal. A new store is created and filled from the server."));
    QCommandLineOption server(QStringLiteral("server"), tr("The server's address, for example https://centrale.example.be:8443."), tr("url"));
    QCommandLineOption user(QStringLiteral("user"), tr("Your username (name@domain) or registered mobile number."), tr("name"));
    p.parser.addOptions({server, user});
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    if (!p.parser.isSet(server) || !p.parser.isSet(user)) {
        m_io.err << tr("login needs --server URL and --user NAME.") << Qt::endl;
        return CliUsage;
    }
    const QString url = p.parser.value(server).trimmed();
    if (Status s = RestConnector::checkUrl(url); !s)
        return m_io.fail(s.error());
    const QString path = m_io.storePath(p);
    Store store;
    if (Status s = store.open(path); !s) {
        m_io.err << s.error().message << Qt::endl;
        return CliStoreError;
    }
    const QString password = Platform::readSecretLine(tr("Password for %1: ").arg(p.parser.value(user)));
    if (password.isEmpty()) {
        m_io.err << tr("No password was given.") << Qt::endl;
        return CliFailed;
    }
    RestConnector connector(url, language());
    SyncSetup setup(store, connector, *m_credentials);
    Result<LoginOutcome> outcome = setup.login(p.parser.value(user), password);
    if (!outcome)
        return m_io.fail(outcome.error());
    m_io.out << tr("Logged in to %1 as %2 (%3).").arg(url, outcome->settings.username, outcome->settings.domain) << Qt::endl;
    if (outcome->queued > 0)
        m_io.out << tr("%n record(s) of this store will be sent at the next sync.", nullptr, outcome->queued) << Qt::endl;
    return CliSuccess;
}

int SyncCommands::connect(CliParser &p, Store &store, SyncSettings &settings, std::unique_ptr<Connector> &connector)
{
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    Result<SyncSettings> loaded = SyncSettings::load(store);
    if (!loaded)
        return m_io.fail(loaded.error());
    settings = loaded.value();
    if (!settings.configured()) {
        m_io.err << tr("This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME") << Qt::endl;
        return CliFailed;
    }
    Result<QString> token = m_credentials->read(settings.server, settings.username);
    if (!token)
        return m_io.fail(token.error());
    if (token->isEmpty()) {
        m_io.err << tr("There is no session for %1 on %2: log in again.").arg(settings.username, settings.server) << Qt::endl;
        return CliFailed;
    }
    auto rest = std::make_unique<RestConnector>(settings.server, language());
    rest->setToken(token->toLatin1());
    connector = std::move(rest);
    return CliGoOn;
}

int SyncCommands::runSync(const QStringList &args)
{
    CliParser p(tr("Sends this store's changes to its server, in order, then receives the server's changes."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    Store store;
    SyncSettings settings;
    std::unique_ptr<Connector> connector;
    if (int rc = connect(p, store, settings, connector); rc != CliGoOn)
        return rc;
    SyncEngine engine(store, *connector, settings);
    // Ctrl+C stops after the batch or page in progress, keeping what was done.
    static std::atomic<bool> interrupted;
    interrupted = false;
    engine.setCancelFlag(&interrupted);
    const auto previous = std::signal(SIGINT, [](int) { interrupted = true; });
    Result<SyncReport> report = engine.run();
    std::signal(SIGINT, previous);
    if (!report) {
        if (report.error().code == ErrorCode::Denied)
            m_io.err << tr("The server refused: %1 Log in again with centrale-cli login.").arg(report.error().message) << Qt::endl;
        else
            m_io.err << report.error().message << Qt::endl;
        return CliFailed;
    }
    if (p.parser.isSet(p.json)) {
        m_io.printJson(QJsonObject{{QStringLiteral("sent"), report->pushed},
                                   {QStringLiteral("alreadyThere"), report->replayed},
                                   {QStringLiteral("received"), report->pulled},
                                   {QStringLiteral("conflicts"), report->conflicts},
                                   {QStringLiteral("waiting"), report->waiting},
                                   {QStringLiteral("held"), report->held},
                                   {QStringLiteral("fullPull"), report->fullPull}});
    } else {
        m_io.out << tr("Sent %n change(s)", nullptr, report->pushed) << ", " << tr("received %n", nullptr, report->pulled) << '.' << Qt::endl;
        if (report->conflicts > 0)
            m_io.out << tr("%n change(s) refused by the server: see centrale-cli conflicts.", nullptr, report->conflicts) << Qt::endl;
        if (report->waiting > 0)
            m_io.out << tr("%n change(s) still waiting.", nullptr, report->waiting) << Qt::endl;
        if (report->held > 0)
            m_io.out << tr("%n change(s) from the server wait until the conflicts here are resolved.", nullptr, report->held) << Qt::endl;
    }
    return report->conflicts > 0 ? CliFailed : CliSuccess;
}

int SyncCommands::runStatus(const QStringList &args)
{
    CliParser p(tr("Shows the server of this store, its last sync, the changes waiting and the conflicts."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    Result<SyncSettings> settings = SyncSettings::load(store);
    if (!settings)
        return m_io.fail(settings.error());
    Result<int> waiting = store.outbox.count();
    auto conflicts = store.database().exec(QStringLiteral("SELECT count(*) FROM sync_conflict"));
    const int conflictCount = conflicts && conflicts->next() ? conflicts->value(0).toInt() : 0;
    if (p.parser.isSet(p.json)) {
        m_io.printJson(QJsonObject{{QStringLiteral("server"), settings->server},
                                   {QStringLiteral("username"), settings->username},
                                   {QStringLiteral("domain"), settings->domain},
                                   {QStringLiteral("lastSync"), settings->lastSync.isValid() ? settings->lastSync.toString(Qt::ISODate) : QString()},
                                   {QStringLiteral("waiting"), waiting ? waiting.value() : 0},
                                   {QStringLiteral("conflicts"), conflictCount}});
        return CliSuccess;
    }
    if (!settings->configured())
        m_io.out << tr("Not connected to a server (local store only).") << Qt::endl;
    else
        m_io.out << tr("Server: %1, as %2 (%3)").arg(settings->server, settings->username, settings->domain) << Qt::endl
                 << tr("Last sync: %1").arg(settings->lastSync.isValid() ? QLocale().toString(settings->lastSync.toLocalTime(), QLocale::ShortFormat)
                                                                          : tr("never"))
                 << Qt::endl;
    m_io.out << tr("Changes waiting: %1").arg(waiting ? waiting.value() : 0) << Qt::endl << tr("Conflicts: %1").arg(conflictCount) << Qt::endl;
    return CliSuccess;
}

int SyncCommands::runConflicts(const QStringList &args)
{
    CliParser p(tr("Lists the changes the server refused, or resolves one: keep this store's version (sent again, over the "
                   "server's) or take the server's (this store's change is dropped)."));
    QCommandLineOption keep(QStringLiteral("keep-mine"), tr("Send this store's version again."), tr("id"));
    QCommandLineOption take(QStringLiteral("take-theirs"), tr("Take the server's version."), tr("id"));
    p.parser.addOptions({keep, take});
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    Store store;
    SyncSettings settings;
    std::unique_ptr<Connector> connector;
    if (p.parser.isSet(keep) || p.parser.isSet(take)) {
        if (int rc = connect(p, store, settings, connector); rc != CliGoOn)
            return rc;
    } else {
        if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
            return rc;
        settings = SyncSettings::load(store).ok() ? SyncSettings::load(store).value() : SyncSettings{};
    }
    RestConnector offline(settings.server, language());
    SyncEngine engine(store, connector ? *connector : static_cast<Connector &>(offline), settings);
    if (p.parser.isSet(keep) || p.parser.isSet(take)) {
        bool ok = false;
        const qint64 id = (p.parser.isSet(keep) ? p.parser.value(keep) : p.parser.value(take)).toLongLong(&ok);
        if (!ok) {
            m_io.err << tr("A conflict is named by its number (see centrale-cli conflicts).") << Qt::endl;
            return CliUsage;
        }
        const Status s = p.parser.isSet(keep) ? engine.keepMine(id) : engine.takeTheirs(id);
        if (!s)
            return m_io.fail(s.error());
        m_io.out << (p.parser.isSet(keep) ? tr("Your version will be sent at the next sync.") : tr("The server's version is now in this store."))
                 << Qt::endl;
        return CliSuccess;
    }
    Result<QList<SyncConflict>> list = engine.conflicts();
    if (!list)
        return m_io.fail(list.error());
    if (p.parser.isSet(p.json)) {
        QJsonArray a;
        for (const SyncConflict &c : *list)
            a.append(QJsonObject{{QStringLiteral("id"), c.id},
                                 {QStringLiteral("entity"), c.entity},
                                 {QStringLiteral("entityId"), c.entityId},
                                 {QStringLiteral("title"), c.title()},
                                 {QStringLiteral("reason"), c.reason()},
                                 {QStringLiteral("rejected"), c.rejected()},
                                 {QStringLiteral("local"), c.local},
                                 {QStringLiteral("server"), c.server},
                                 {QStringLiteral("serverVersion"), c.serverVersion}});
        m_io.printJson(a);
        return CliSuccess;
    }
    if (list->isEmpty()) {
        m_io.out << tr("No conflicts.") << Qt::endl;
        return CliSuccess;
    }
    QList<QStringList> rows;
    for (const SyncConflict &c : *list)
        rows << QStringList{QString::number(c.id), c.title(), c.reason()};
    m_io.printTable({tr("Number"), tr("Record"), tr("Why")}, rows);
    return CliSuccess;
}

int SyncCommands::runLogout(const QStringList &args)
{
    CliParser p(tr("Ends the session on the server and removes its token from the system keychain."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    Store store;
    SyncSettings settings;
    std::unique_ptr<Connector> connector;
    if (int rc = connect(p, store, settings, connector); rc != CliGoOn)
        return rc;
    const Status s = connector->logout();
    // The token goes from the keychain even when the server cannot be told.
    if (Status r = m_credentials->remove(settings.server, settings.username); !r)
        return m_io.fail(r.error());
    if (!s)
        m_io.err << s.error().message << Qt::endl;
    m_io.out << tr("Logged out of %1.").arg(settings.server) << Qt::endl;
    return CliSuccess;
}

} // namespace centrale
