#include "cli/CommandLine.h"
#include "i18n/Translations.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Centrale"));
    QCoreApplication::setApplicationName(QStringLiteral("Centrale"));
    QCoreApplication::setApplicationVersion(QStringLiteral(CENTRALE_VERSION));

    centrale::Translations translations;
    const QString lang = qEnvironmentVariable("CENTRALE_LANG", centrale::Translations::systemLanguage());
    translations.install(lang);

    QTextStream out(stdout);
    QTextStream err(stderr);
    centrale::CommandLine cli(out, err);
    return cli.run(QCoreApplication::arguments());
}
