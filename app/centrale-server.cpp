#include "ServerCommand.h"
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Centrale"));
    QCoreApplication::setApplicationName(QStringLiteral("centrale-server"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CENTRALE_VERSION));

    centrale::Translations translations;
    translations.install(qEnvironmentVariable("CENTRALE_LANG", centrale::Translations::systemLanguage()));

    QTextStream out(stdout);
    QTextStream err(stderr);
    centrale::server::ServerCommand command(out, err);
    return command.run(QCoreApplication::arguments());
}
