#pragma once

#include <QCoreApplication>
#include <QString>

class QWidget;

namespace centrale {

// File dialogs for voice prompts, with a seam for tests (as KeePassXC's FileDialog): a name set
// with setNextFileName is returned by the next call instead of showing a dialog.
class PromptFileDialog final {
    Q_DECLARE_TR_FUNCTIONS(PromptFileDialog)
public:
    PromptFileDialog() = delete;

    static QString getOpenFileName(QWidget *parent, const QString &caption, const QString &filter);
    static QString getSaveFileName(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter);
    static void setNextFileName(const QString &fileName);
    // The audio files the import accepts, for the dialog filter and drag and drop.
    static bool isAudioFile(const QString &fileName);
    static QString audioFilter();

private:
    static QString takeNext(bool &wasSet);
};

} // namespace centrale
