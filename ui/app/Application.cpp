#include "app/Application.h"

#include "demo/DemoGenerator.h"
#include "devices/SipPhoneReloader.h"
#include "i18n/Translations.h"
#include "main/MainWindow.h"
#include "platform/Platform.h"
#include "store/Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QFileInfo>
#include <QIcon>
#include <QMessageBox>
#include <QSettings>

// The icon's resource lives in the centrale_ui static library: without this the linker may drop
// it, and the window has no icon.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace centrale {

class Application final {
    Q_DECLARE_TR_FUNCTIONS(Application)
public:
    static int run(int argc, char *argv[]);
};

int Application::run(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Centrale"));
    QApplication::setApplicationName(QStringLiteral("Centrale"));
    QApplication::setApplicationDisplayName(QStringLiteral("Centrale"));
    QApplication::setApplicationVersion(QStringLiteral(CENTRALE_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("be.centrale.Centrale"));
    initResources();
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/centrale.svg")));

    QCommandLineParser parser;
    QCommandLineOption storeOption(QStringLiteral("store"), tr("The store file to open (default: the per-user store)."), tr("path"));
    QCommandLineOption langOption(QStringLiteral("lang"), tr("The language of the interface: fr, nl or en."), tr("code"));
    parser.addOptions({storeOption, langOption});
    parser.addHelpOption();
    parser.addVersionOption();
    parser.process(app);

    Translations translations;
    QString lang = parser.value(langOption);
    if (lang.isEmpty())
        lang = QSettings().value(QStringLiteral("language"), Translations::systemLanguage()).toString();
    if (!translations.install(lang)) {
        translations.install(Translations::systemLanguage());
        if (parser.isSet(langOption))
            qWarning("%s", qPrintable(tr("%1 is not a language Centrale speaks; use fr, nl or en.").arg(lang)));
    }

    const QString path = parser.isSet(storeOption) ? parser.value(storeOption) : Platform::defaultStorePath();
    const bool isNew = !QFileInfo::exists(path) || QFileInfo(path).size() == 0;
    Store store;
    if (Status s = store.open(path); !s) {
        QMessageBox::critical(nullptr, tr("Centrale"), tr("The store %1 cannot be opened.\n\n%2").arg(path, s.error().message));
        return 3;
    }
    if (isNew) {
        if (auto demo = DemoGenerator::generate(store.database(), {}); !demo) {
            QMessageBox::critical(nullptr, tr("Centrale"), tr("The demo organisation could not be created.\n\n%1").arg(demo.error().message));
            return 3;
        }
        store.refreshOrganisation();
    }

    // "Save and reload" sends check-sync NOTIFYs from here.
    SipPhoneReloader reloader;
    MainWindow window(store, translations, &reloader);
    window.show();
    return QApplication::exec();
}

int runApplication(int argc, char *argv[])
{
    return Application::run(argc, argv);
}

} // namespace centrale
