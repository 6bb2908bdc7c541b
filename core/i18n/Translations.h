#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>
#include <QTranslator>

#include <memory>

namespace centrale {

// Loads Centrale's translations (embedded .qm files) and Qt's own, and switches between them at
// run time. Owned by main(); never a singleton.
class Translations final {
    Q_DISABLE_COPY_MOVE(Translations)
public:
    Translations() = default;
    ~Translations();

    static QStringList languages(); // fr, nl, en
    static QString languageName(const QString &code); // in that language: Français, Nederlands, English
    // The system locale's language if Centrale speaks it, else English.
    static QString systemLanguage();

    // Installs the translators for code on the application; returns false for an unknown code.
    bool install(const QString &code);
    QString current() const { return m_current; }

private:
    void remove();
    std::unique_ptr<QTranslator> m_app;
    std::unique_ptr<QTranslator> m_qt;
    QString m_current;
};

} // namespace centrale
