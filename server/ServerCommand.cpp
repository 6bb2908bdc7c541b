#include "ServerCommand.h"

#include "Api.h"
#include "HttpServer.h"
#include "ServerDatabase.h"
#include "platform/Platform.h"

#include <QCommandLineParser>
#include <QHostAddress>

namespace centrale::server {

namespace {
QCommandLineOption dbOption()
{
    return {QStringLiteral("db"), ServerCommand::tr("The database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE."),
            QStringLiteral("url")};
}
} // namespace

QString ServerCommand::usage() const
{
    return tr("Usage: centrale-server COMMAND [OPTIONS]\n"
              "\n"
              "The Centrale server: the REST API of docs/api/openapi.yaml over PostgreSQL or SQLite.\n"
              "\n"
              "Commands:\n"
              "  serve --db URL --listen HOST:PORT [--cert FILE --key FILE]\n"
              "      Serves the API. --db is sqlite:PATH (one machine) or\n"
              "      postgresql://USER:PASSWORD@HOST:PORT/DATABASE (several instances may share it).\n"
              "      --listen is the address and port, for example 127.0.0.1:8443 or [::]:8443.\n"
              "      With --cert and --key (PEM files), the server speaks HTTPS only.\n"
              "  create-org DOMAIN --name TEXT [--language fr|nl|en] --db URL\n"
              "      Creates an organisation, addressed by its domain.\n"
              "  create-admin USERNAME --org DOMAIN --db URL\n"
              "      Creates an administrator of the organisation (USERNAME is name@DOMAIN), or makes an\n"
              "      existing user one. The password is read from standard input.\n"
              "\n"
              "Each command takes --help. The database schema is created or brought up to date on start.\n");
}

int ServerCommand::fail(const QString &message)
{
    m_err << message << '\n';
    m_err.flush();
    return 1;
}

int ServerCommand::run(const QStringList &arguments)
{
    const QString command = arguments.value(1);
    if (command.isEmpty() || command == QLatin1String("--help") || command == QLatin1String("-h") || command == QLatin1String("help")) {
        m_out << usage();
        m_out.flush();
        return command.isEmpty() ? 2 : 0;
    }
    if (command == QLatin1String("--version")) {
        m_out << "centrale-server " << CENTRALE_VERSION << '\n';
        return 0;
    }
    QStringList rest = arguments;
    rest.removeAt(1);
    if (command == QLatin1String("serve"))
        return serve(rest);
    if (command == QLatin1String("create-org"))
        return createOrg(rest);
    if (command == QLatin1String("create-admin"))
        return createAdmin(rest);
    m_err << tr("Unknown command %1.").arg(command) << "\n\n" << usage();
    m_err.flush();
    return 2;
}

int ServerCommand::serve(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Serves the Centrale API."));
    parser.addHelpOption();
    const QCommandLineOption db = dbOption();
    const QCommandLineOption listen(QStringLiteral("listen"), tr("Address and port to listen on (HOST:PORT)."), QStringLiteral("host:port"));
    const QCommandLineOption cert(QStringLiteral("cert"), tr("PEM certificate (chain) for HTTPS."), QStringLiteral("file"));
    const QCommandLineOption key(QStringLiteral("key"), tr("PEM private key for HTTPS."), QStringLiteral("file"));
    const QCommandLineOption idle(QStringLiteral("idle-timeout"),
                                  tr("Seconds after which a silent connection is closed, keep-alive included (default 60)."), QStringLiteral("seconds"),
                                  QStringLiteral("60"));
    // The portal's 15 minutes; shorter ones let the clients' re-authentication be tested.
    const QCommandLineOption elevation(QStringLiteral("elevation-seconds"),
        tr("How long the administrator view stays open after the password is given again (default 900)."), QStringLiteral("seconds"));
    parser.addOptions({db, listen, cert, key, idle, elevation});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return 0;
    }
    ServerOptions options;
    if (parser.isSet(elevation)) {
        bool ok = false;
        const qint64 seconds = parser.value(elevation).toLongLong(&ok);
        if (!ok || seconds < 1)
            return fail(tr("--elevation-seconds needs a number of seconds."));
        options.elevationMs = seconds * 1000;
    }
    if (!parser.isSet(db) || !parser.isSet(listen))
        return fail(tr("serve needs --db and --listen.") + QLatin1Char('\n') + parser.helpText());
    if (parser.isSet(cert) != parser.isSet(key))
        return fail(tr("HTTPS needs both --cert and --key."));
    QHostAddress address;
    quint16 port = 0;
    if (Status s = HttpServer::parseListen(parser.value(listen), &address, &port); !s)
        return fail(s.error().message);

    ServerDatabase database;
    if (Status s = database.open(parser.value(db)); !s)
        return fail(s.error().message);
    Api api(database, options);
    HttpServer http(api);
    bool idleOk = false;
    const double idleSeconds = parser.value(idle).toDouble(&idleOk);
    if (!idleOk || idleSeconds <= 0 || idleSeconds > 3600)
        return fail(tr("--idle-timeout takes a number of seconds from 0.1 to 3600."));
    http.setIdleTimeoutMs(static_cast<int>(idleSeconds * 1000));
    if (parser.isSet(cert)) {
        if (Status s = http.useTls(parser.value(cert), parser.value(key)); !s)
            return fail(s.error().message);
    }
    Result<quint16> bound = http.start(address, port);
    if (!bound)
        return fail(bound.error().message);
    // One line a supervisor (or a test) can wait for, with the port actually bound.
    m_out << tr("Listening on %1 port %2 (%3), database %4.")
                 .arg(address.toString())
                 .arg(bound.value())
                 .arg(parser.isSet(cert) ? QStringLiteral("https") : QStringLiteral("http"), database.displayUrl())
          << '\n';
    m_out.flush();
    return QCoreApplication::exec();
}

int ServerCommand::createOrg(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Creates an organisation."));
    parser.addHelpOption();
    const QCommandLineOption db = dbOption();
    const QCommandLineOption name(QStringLiteral("name"), tr("The organisation's name."), QStringLiteral("text"));
    const QCommandLineOption language(QStringLiteral("language"), tr("Its language: fr, nl or en (default fr)."), QStringLiteral("code"));
    parser.addOptions({db, name, language});
    parser.addPositionalArgument(QStringLiteral("domain"), tr("The organisation's domain, for example domaincustomer.be."));
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(db) || !parser.isSet(name))
        return fail(tr("create-org needs DOMAIN, --name and --db.") + QLatin1Char('\n') + parser.helpText());
    ServerDatabase database;
    if (Status s = database.open(parser.value(db)); !s)
        return fail(s.error().message);
    Api api(database);
    Result<QString> id = api.createOrganisation(parser.positionalArguments().first(), parser.value(name), parser.value(language));
    if (!id)
        return fail(id.error().message);
    m_out << tr("Organisation %1 created (id %2).").arg(parser.positionalArguments().first().toLower(), id.value()) << '\n';
    return 0;
}

int ServerCommand::createAdmin(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(tr("Creates an administrator; the password is read from standard input."));
    parser.addHelpOption();
    const QCommandLineOption db = dbOption();
    const QCommandLineOption org(QStringLiteral("org"), tr("The organisation's domain."), QStringLiteral("domain"));
    parser.addOptions({db, org});
    parser.addPositionalArgument(QStringLiteral("username"), tr("name@domain"));
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return 0;
    }
    if (parser.positionalArguments().size() != 1 || !parser.isSet(db) || !parser.isSet(org))
        return fail(tr("create-admin needs USERNAME, --org and --db.") + QLatin1Char('\n') + parser.helpText());
    const QString password = Platform::readSecretLine(tr("Password: "));
    if (password.isEmpty())
        return fail(tr("No password was given on standard input."));
    ServerDatabase database;
    if (Status s = database.open(parser.value(db)); !s)
        return fail(s.error().message);
    Api api(database);
    Result<QString> id = api.createAdministrator(parser.positionalArguments().first(), parser.value(org), password);
    if (!id)
        return fail(id.error().message);
    m_out << tr("Administrator %1 of %2 is ready (user id %3).").arg(parser.positionalArguments().first(), parser.value(org), id.value()) << '\n';
    return 0;
}

} // namespace centrale::server
