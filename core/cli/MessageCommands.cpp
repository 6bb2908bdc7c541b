#include "cli/MessageCommands.h"

#include "i18n/Translations.h"
#include "platform/Platform.h"
#include "store/Store.h"
#include "sync/CredentialStore.h"
#include "sync/RestConnector.h"
#include "sync/SyncEngine.h"

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

MessageCommands::MessageCommands(CliIo &io) : m_io(io), m_credentials(std::make_unique<KeychainCredentialStore>())
{
}

MessageCommands::~MessageCommands() = default;

QString MessageCommands::usage()
{
    return tr("\nMessages:\n"
              "  welcome USERNAME... [--web] [--mobile] [--softphone] [--delivery auto|email|sms]\n"
              "                                send each user a welcome message per access, by e-mail or SMS, through the server\n"
              "  password-reset --server URL IDENTIFIER   send a code to choose a new password (username or mobile number)\n"
              "  password-reset --server URL --code CODE  choose the new password with the code (read from standard input)\n");
}

int MessageCommands::run(const QString &command, const QStringList &args)
{
    if (command == QLatin1String("welcome"))
        return runWelcome(args);
    return runPasswordReset(args);
}

int MessageCommands::runWelcome(const QStringList &args)
{
    CliParser p(tr("Asks the server to send each user a welcome message per chosen access: how to sign in or install, the "
                   "username and a one-time code to choose a password (never a password). Needs a store logged in to its server."));
    QCommandLineOption web(QStringLiteral("web"), tr("The web portal."));
    QCommandLineOption mobile(QStringLiteral("mobile"), tr("The mobile app."));
    QCommandLineOption softphone(QStringLiteral("softphone"), tr("The PC softphone."));
    QCommandLineOption delivery(QStringLiteral("delivery"),
        tr("auto (default: SMS for the mobile app when there is a mobile number, else e-mail), email or sms."), tr("how"));
    p.parser.addOptions({web, mobile, softphone, delivery});
    p.parser.addPositionalArgument(QStringLiteral("usernames"), tr("The users, by username (name@domain)."), tr("USERNAME..."));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    QStringList accesses;
    for (const auto &[option, name] : {std::pair {&web, QStringLiteral("web")}, std::pair {&mobile, QStringLiteral("mobile")},
             std::pair {&softphone, QStringLiteral("softphone")}}) {
        if (p.parser.isSet(*option))
            accesses << name;
    }
    const QStringList users = p.parser.positionalArguments();
    if (users.isEmpty() || accesses.isEmpty()) {
        m_io.err << tr("welcome needs one or more usernames and at least one of --web, --mobile and --softphone.") << Qt::endl;
        return CliUsage;
    }
    const QString how = p.parser.isSet(delivery) ? p.parser.value(delivery) : QStringLiteral("auto");
    if (how != QLatin1String("auto") && how != QLatin1String("email") && how != QLatin1String("sms")) {
        m_io.err << tr("--delivery takes auto, email or sms.") << Qt::endl;
        return CliUsage;
    }

    Store store;
    if (int rc = m_io.openStore(store, m_io.storePath(p)); rc != CliGoOn)
        return rc;
    Result<SyncSettings> settings = SyncSettings::load(store);
    if (!settings)
        return m_io.fail(settings.error());
    if (!settings->configured()) {
        m_io.err << tr("This store is not connected to a server. Log in first: centrale-cli login --server URL --user NAME") << Qt::endl;
        return CliFailed;
    }
    Result<QString> token = m_credentials->read(settings->server, settings->username);
    if (!token)
        return m_io.fail(token.error());
    if (token->isEmpty()) {
        m_io.err << tr("There is no session for %1 on %2: log in again.").arg(settings->username, settings->server) << Qt::endl;
        return CliFailed;
    }
    RestConnector connector(settings->server, language());
    connector.setToken(token->toLatin1());
    Result<QList<QJsonObject>> results = connector.welcome(settings->domain, users, accesses, how);
    if (!results) {
        if (results.error().code == ErrorCode::Denied)
            m_io.err << tr("The server refused: %1 Log in again with centrale-cli login.").arg(results.error().message) << Qt::endl;
        else
            m_io.err << results.error().message << Qt::endl;
        return CliFailed;
    }
    bool anyFailed = false;
    for (const QJsonObject &r : *results)
        anyFailed = anyFailed || r.value(QLatin1String("status")).toString() == QLatin1String("failed");
    if (p.parser.isSet(p.json)) {
        QJsonArray a;
        for (const QJsonObject &r : *results)
            a.append(r);
        m_io.printJson(a);
        return anyFailed ? CliFailed : CliSuccess;
    }
    QList<QStringList> rows;
    for (const QJsonObject &r : *results) {
        const QString status = r.value(QLatin1String("status")).toString();
        const QString shown = status == QLatin1String("sent") ? tr("sent")
            : status == QLatin1String("failed")               ? tr("failed")
                                                              : tr("queued");
        const QString via = r.value(QLatin1String("delivery")).toString();
        rows << QStringList {r.value(QLatin1String("username")).toString(), r.value(QLatin1String("channel")).toString(),
            via == QLatin1String("sms")         ? tr("SMS")
                : via == QLatin1String("email") ? tr("e-mail")
                                                : QString(),
            r.value(QLatin1String("to")).toString(), shown, r.value(QLatin1String("reason")).toString()};
    }
    m_io.printTable({tr("User"), tr("Access"), tr("By"), tr("To"), tr("Status"), tr("Reason")}, rows);
    return anyFailed ? CliFailed : CliSuccess;
}

int MessageCommands::runPasswordReset(const QStringList &args)
{
    CliParser p(tr("Forgot password: sends a one-time code to the e-mail address or mobile number registered for a username "
                   "or mobile number (the answer is the same whether or not the account exists); with --code, sets the new "
                   "password, read from the terminal without echo, or from standard input."));
    QCommandLineOption server(QStringLiteral("server"),
        tr("The server's address, for example https://centrale.example.be:8443 (default: the store's server)."), tr("url"));
    QCommandLineOption code(QStringLiteral("code"), tr("The code received, to choose the new password."), tr("code"));
    p.parser.addOptions({server, code});
    p.parser.addPositionalArgument(
        QStringLiteral("identifier"), tr("The username (name@domain) or the registered mobile number (+324...)."), tr("IDENTIFIER"));
    if (int rc = m_io.parse(p, args); rc != CliGoOn)
        return rc;
    QString url = p.parser.value(server).trimmed();
    if (url.isEmpty()) {
        // The store's server, when the store exists and is connected to one.
        const QString path = m_io.storePath(p);
        if (QFileInfo::exists(path)) {
            Store store;
            if (store.open(path).ok()) {
                if (Result<SyncSettings> s = SyncSettings::load(store); s.ok())
                    url = s->server;
            }
        }
    }
    if (url.isEmpty()) {
        m_io.err << tr("password-reset needs --server URL (or a store connected to a server).") << Qt::endl;
        return CliUsage;
    }
    if (Status s = RestConnector::checkUrl(url); !s)
        return m_io.fail(s.error());
    RestConnector connector(url, language());
    if (p.parser.isSet(code)) {
        if (!p.parser.positionalArguments().isEmpty()) {
            m_io.err << tr("With --code, give no username: the code says whose password it is.") << Qt::endl;
            return CliUsage;
        }
        const QString password = Platform::readSecretLine(tr("New password: "));
        if (password.isEmpty()) {
            m_io.err << tr("No password was given.") << Qt::endl;
            return CliFailed;
        }
        if (Status s = connector.confirmPasswordReset(p.parser.value(code), password); !s)
            return m_io.fail(s.error());
        m_io.out << tr("The new password is set. Log in with it; the other sessions of this account were closed.") << Qt::endl;
        return CliSuccess;
    }
    if (p.parser.positionalArguments().size() != 1) {
        m_io.err << tr("password-reset needs a username or a mobile number, or --code CODE.") << Qt::endl;
        return CliUsage;
    }
    if (Status s = connector.requestPasswordReset(p.parser.positionalArguments().constFirst()); !s)
        return m_io.fail(s.error());
    m_io.out << tr("If this account exists, a code to choose a new password has been sent to its e-mail address or mobile number. "
                   "Then run: centrale-cli password-reset --server %1 --code CODE")
                    .arg(url)
             << Qt::endl;
    return CliSuccess;
}

} // namespace centrale
