#include "prompts/PromptFileDialog.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QStringList>

#include <utility>

namespace centrale {

namespace {
QString g_nextFileName;
bool g_nextSet = false;

const QStringList &audioSuffixes()
{
    static const QStringList suffixes = {QStringLiteral("wav"),  QStringLiteral("wave"), QStringLiteral("aif"), QStringLiteral("aiff"),
                                         QStringLiteral("aifc"), QStringLiteral("flac"), QStringLiteral("ogg"), QStringLiteral("oga"),
                                         QStringLiteral("opus"), QStringLiteral("au"),   QStringLiteral("snd"), QStringLiteral("caf"),
                                         QStringLiteral("w64"),  QStringLiteral("mp3")};
    return suffixes;
}
} // namespace

QString PromptFileDialog::takeNext(bool &wasSet)
{
    wasSet = g_nextSet;
    g_nextSet = false;
    return std::exchange(g_nextFileName, QString());
}

void PromptFileDialog::setNextFileName(const QString &fileName)
{
    g_nextFileName = fileName;
    g_nextSet = true;
}

QString PromptFileDialog::getOpenFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    bool wasSet = false;
    QString next = takeNext(wasSet);
    if (wasSet)
        return next;
    return QFileDialog::getOpenFileName(parent, caption, QString(), filter);
}

QString PromptFileDialog::getSaveFileName(QWidget *parent, const QString &caption, const QString &suggested, const QString &filter)
{
    bool wasSet = false;
    QString next = takeNext(wasSet);
    if (wasSet)
        return next;
    return QFileDialog::getSaveFileName(parent, caption, suggested, filter);
}

bool PromptFileDialog::isAudioFile(const QString &fileName)
{
    return audioSuffixes().contains(QFileInfo(fileName).suffix().toLower());
}

QString PromptFileDialog::audioFilter()
{
    QStringList patterns;
    for (const QString &s : audioSuffixes())
        patterns << QStringLiteral("*.") + s;
    return tr("Audio files (%1)").arg(patterns.join(QLatin1Char(' ')));
}

} // namespace centrale
