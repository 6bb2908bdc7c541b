#include "ServerCommand.h"

#include "Api.h"
#include "HttpServer.h"
#include "MessageDelivery.h"
#include "ServerDatabase.h"
#include "platform/Platform.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QHostAddress>
#include <QSettings>
#include <QUdpSocket>

#include <memory>

namespace centrale::server {

namespace {
QCommandLineOption dbOption()
{
    return {QStringLiteral("db"), ServerCommand::tr("The database: sqlite:PATH or postgresql://USER:PASSWORD@HOST:PORT/DATABASE."),
            QStringLiteral("url")};
}
} // namespace

Result<RecordCallOptions> ServerCommand::recordCallOptions(const std::function<QString(const QString &)> &value)
{
    RecordCallOptions options;
    const auto seconds = [&](const QString &name, int low, int high, int *ms) -> Status {
        const QString text = value(name);
        if (text.isEmpty())
            return {};
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < low || n > high)
            return Error::invalid(tr("--%1 must be a number of seconds from %2 to %3.").arg(name).arg(low).arg(high), name);
        *ms = n * 1000;
        return {};
    };
    // Long enough for a phone on another floor, short of a voicemail answering first.
    if (Status s = seconds(QStringLiteral("call-ring-seconds"), 5, 120, &options.ringTimeoutMs); !s)
        return s.error();
    // As long as the longest prompt a file upload takes.
    if (Status s = seconds(QStringLiteral("call-max-seconds"), 10, 1800, &options.maxRecordMs); !s)
        return s.error();
    const QString local = value(QStringLiteral("call-local-address"));
    if (!local.isEmpty()) {
        // SIP and RTP bind to it for each call: an address this machine does not have would only
        // show at the first call, as a call that fails.
        const QHostAddress address(local);
        QUdpSocket probe;
        if (address.isNull() || !probe.bind(address, 0))
            return Error::invalid(
                tr("--call-local-address %1 is not an IP address of this server.").arg(local), QStringLiteral("call-local-address"));
        options.localAddress = address.toString();
    }
    const QString dir = value(QStringLiteral("call-instructions"));
    Result<CallInstructions> instructions = dir.isEmpty() ? CallInstructions::builtIn() : CallInstructions::fromDirectory(dir);
    if (!instructions)
        return Error::invalid(tr("--call-instructions: %1").arg(instructions.error().message), QStringLiteral("call-instructions"));
    options.instructions = *instructions;
    return options;
}

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
              "Each command takes --help. The database schema is created or brought up to date on start.\n")
        + tr("\nMessages (serve): welcome and password-reset messages wait in the database and are sent by e-mail\n"
             "(--smtp URL --mail-from ADDRESS) or SMS (--sms-gateway URL [--sms-key KEY]), retried with back-off\n"
             "while the mail server or the gateway is down. Options may come from --config FILE; secrets are never printed.\n")
        + tr("\nRecording a prompt by call (serve): the server calls the user's desk phone over SIP, plays a spoken\n"
             "instruction in the user's language and a beep, and records until the person hangs up or presses #\n"
             "(--call-ring-seconds N, --call-max-seconds N, --call-local-address ADDRESS, --call-instructions FOLDER).\n");
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
    parser.setApplicationDescription(tr("Serves the Centrale API and delivers its messages (e-mail and SMS)."));
    parser.addHelpOption();
    const QCommandLineOption config(QStringLiteral("config"),
        tr("Reads the options from this file (INI: one \"option = value\" a line, for example smtp = smtps://...); "
           "the command line wins. Keep secrets here, readable by the server's account only."),
        QStringLiteral("file"));
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
    const QCommandLineOption smtp(QStringLiteral("smtp"),
        tr("The mail server: smtp://[USER:PASSWORD@]HOST:587 (STARTTLS when offered) or smtps://HOST:465 (TLS). "
           "Without it, e-mail waits in the queue."),
        QStringLiteral("url"));
    const QCommandLineOption mailFrom(
        QStringLiteral("mail-from"), tr("The sender's e-mail address, for example centrale@example.be."), QStringLiteral("address"));
    const QCommandLineOption smsGateway(QStringLiteral("sms-gateway"),
        tr("The SMS gateway's address (HTTP POST of JSON {to, from, text, encoding, parts}). Without it, SMS wait "
           "in the queue."),
        QStringLiteral("url"));
    const QCommandLineOption smsKey(
        QStringLiteral("sms-key"), tr("The SMS gateway's key, sent as Authorization: Bearer KEY."), QStringLiteral("key"));
    const QCommandLineOption smsFrom(
        QStringLiteral("sms-from"), tr("The SMS sender name or number (default Centrale)."), QStringLiteral("name"));
    const QCommandLineOption portalUrl(QStringLiteral("portal-url"),
        tr("The web portal's address, given in welcome messages (the code link is URL/reset-password?code=...)."), QStringLiteral("url"));
    const QCommandLineOption mobileAppUrl(
        QStringLiteral("mobile-app-url"), tr("Where to download the mobile app, given in welcome messages."), QStringLiteral("url"));
    const QCommandLineOption softphoneUrl(
        QStringLiteral("softphone-url"), tr("Where to download the PC softphone, given in welcome messages."), QStringLiteral("url"));
    const QCommandLineOption retryAfter(QStringLiteral("retry-after"),
        tr("Seconds before the first new attempt after a temporary error (default 30); doubled at each "
           "attempt, at most one hour."),
        QStringLiteral("seconds"));
    const QCommandLineOption maxAttempts(
        QStringLiteral("max-attempts"), tr("Attempts before a message is given up (default 10)."), QStringLiteral("count"));
    const QCommandLineOption callRing(QStringLiteral("call-ring-seconds"),
        tr("Recording a prompt by call: how long the phone rings before the call ends unanswered, 5 to 120 (default 30)."),
        QStringLiteral("seconds"));
    const QCommandLineOption callMax(QStringLiteral("call-max-seconds"),
        tr("Recording a prompt by call: the longest recording, 10 to 1800; a longer one is cut there and kept (default 300)."),
        QStringLiteral("seconds"));
    const QCommandLineOption callLocal(QStringLiteral("call-local-address"),
        tr("Recording a prompt by call: the IP address the SIP and RTP sockets bind to (default: the one that reaches the phone)."),
        QStringLiteral("address"));
    const QCommandLineOption callInstructions(QStringLiteral("call-instructions"),
        tr("Recording a prompt by call: a folder holding fr.wav, nl.wav and en.wav (any format libsndfile reads), spoken "
           "before the beep in the called user's language instead of the built-in instructions."),
        QStringLiteral("folder"));
    parser.addOptions({config, db, listen, cert, key, idle, elevation, smtp, mailFrom, smsGateway, smsKey, smsFrom, portalUrl, mobileAppUrl,
        softphoneUrl, retryAfter, maxAttempts, callRing, callMax, callLocal, callInstructions});
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        m_out << parser.helpText();
        return 0;
    }
    std::unique_ptr<QSettings> file;
    if (parser.isSet(config)) {
        if (!QFileInfo(parser.value(config)).isReadable())
            return fail(tr("Cannot read the configuration file %1.").arg(parser.value(config)));
        file = std::make_unique<QSettings>(parser.value(config), QSettings::IniFormat);
        if (file->status() != QSettings::NoError)
            return fail(tr("The configuration file %1 is not a valid INI file.").arg(parser.value(config)));
    }
    // The command line first, then the file.
    auto value = [&](const QCommandLineOption &option) -> QString {
        const QString name = option.names().constFirst();
        if (parser.isSet(option))
            return parser.value(option);
        return file ? file->value(name).toString().trimmed() : QString();
    };
    auto isSet = [&](const QCommandLineOption &option) { return !value(option).isEmpty(); };
    ServerOptions options;
    if (isSet(elevation)) {
        bool ok = false;
        const qint64 seconds = value(elevation).toLongLong(&ok);
        if (!ok || seconds < 1)
            return fail(tr("--elevation-seconds needs a number of seconds."));
        options.elevationMs = seconds * 1000;
    }
    if (!isSet(db) || !isSet(listen))
        return fail(tr("serve needs --db and --listen.") + QLatin1Char('\n') + parser.helpText());
    if (isSet(cert) != isSet(key))
        return fail(tr("HTTPS needs both --cert and --key."));
    QHostAddress address;
    quint16 port = 0;
    if (Status s = HttpServer::parseListen(value(listen), &address, &port); !s)
        return fail(s.error().message);
    // Checked, and the instructions loaded, before anything starts: a broken one refuses the start.
    const QList<QCommandLineOption> callOptions {callRing, callMax, callLocal, callInstructions};
    Result<RecordCallOptions> recordCall = recordCallOptions([&](const QString &name) {
        for (const QCommandLineOption &o : callOptions) {
            if (o.names().constFirst() == name)
                return value(o);
        }
        return QString();
    });
    if (!recordCall)
        return fail(recordCall.error().message);
    options.recordCall = *recordCall;

    DeliverySettings delivery;
    delivery.databaseUrl = value(db);
    delivery.smtpUrl = value(smtp);
    delivery.mailFrom = value(mailFrom);
    delivery.smsGatewayUrl = value(smsGateway);
    delivery.smsKey = value(smsKey);
    delivery.smsFrom = value(smsFrom);
    delivery.links = {value(portalUrl), value(mobileAppUrl), value(softphoneUrl)};
    if (isSet(retryAfter)) {
        bool ok = false;
        const int seconds = value(retryAfter).toInt(&ok);
        if (!ok || seconds < 1 || seconds > 3600)
            return fail(tr("--retry-after must be a number of seconds from 1 to 3600."));
        delivery.firstRetryMs = seconds * 1000LL;
    }
    if (isSet(maxAttempts)) {
        bool ok = false;
        delivery.maxAttempts = value(maxAttempts).toInt(&ok);
        if (!ok || delivery.maxAttempts < 1 || delivery.maxAttempts > 100)
            return fail(tr("--max-attempts must be a number from 1 to 100."));
    }
    if (!delivery.smtpUrl.isEmpty() && delivery.mailFrom.isEmpty())
        return fail(tr("--smtp needs --mail-from, the sender's address."));
    MessageDelivery messages(delivery);
    if (Status s = messages.configure(); !s)
        return fail(s.error().message);

    ServerDatabase database;
    if (Status s = database.open(value(db)); !s)
        return fail(s.error().message);
    Api api(database, options);
    HttpServer http(api);
    bool idleOk = false;
    const double idleSeconds = (isSet(idle) ? value(idle) : QStringLiteral("60")).toDouble(&idleOk);
    if (!idleOk || idleSeconds <= 0 || idleSeconds > 3600)
        return fail(tr("--idle-timeout takes a number of seconds from 0.1 to 3600."));
    http.setIdleTimeoutMs(static_cast<int>(idleSeconds * 1000));
    if (isSet(cert)) {
        if (Status s = http.useTls(value(cert), value(key)); !s)
            return fail(s.error().message);
    }
    Result<quint16> bound = http.start(address, port);
    if (!bound)
        return fail(bound.error().message);
    messages.start();
    m_out << messages.describe() << '\n';
    // One line a supervisor (or a test) can wait for, with the port actually bound.
    m_out << tr("Listening on %1 port %2 (%3), database %4.")
                 .arg(address.toString())
                 .arg(bound.value())
                 .arg(isSet(cert) ? QStringLiteral("https") : QStringLiteral("http"), database.displayUrl())
          << '\n';
    m_out.flush();
    const int status = QCoreApplication::exec();
    messages.stop();
    return status;
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
