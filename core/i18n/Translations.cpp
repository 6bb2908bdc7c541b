#include "i18n/Translations.h"

#include <QLibraryInfo>
#include <QLocale>

namespace centrale {

Translations::~Translations()
{
    remove();
}

QStringList Translations::languages()
{
    return {QStringLiteral("fr"), QStringLiteral("nl"), QStringLiteral("en")};
}

QString Translations::languageName(const QString &code)
{
    if (code == QLatin1String("fr"))
        return QStringLiteral("Français");
    if (code == QLatin1String("nl"))
        return QStringLiteral("Nederlands");
    return QStringLiteral("English");
}

QString Translations::systemLanguage()
{
    for (const QString &lang : QLocale::system().uiLanguages()) {
        const QString code = lang.left(2).toLower();
        if (languages().contains(code))
            return code;
    }
    return QStringLiteral("en");
}

void Translations::remove()
{
    if (m_app && QCoreApplication::instance())
        QCoreApplication::removeTranslator(m_app.get());
    if (m_qt && QCoreApplication::instance())
        QCoreApplication::removeTranslator(m_qt.get());
    m_app.reset();
    m_qt.reset();
}

bool Translations::install(const QString &code)
{
    if (!languages().contains(code))
        return false;
    remove();
    m_app = std::make_unique<QTranslator>();
    if (!m_app->load(QStringLiteral(":/i18n/centrale_%1.qm").arg(code)))
        return false;
    QCoreApplication::installTranslator(m_app.get());
    m_qt = std::make_unique<QTranslator>();
    if (m_qt->load(QStringLiteral("qtbase_%1").arg(code), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt.get());
    else
        m_qt.reset();
    m_current = code;
    QLocale::setDefault(QLocale(code == QLatin1String("en") ? QStringLiteral("en_GB") : code + QStringLiteral("_BE")));
    return true;
}

} // namespace centrale
