#pragma once

#include "domain/Record.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>

namespace centrale {

// A named voice prompt. The audio is A-law, 8 kHz, mono, in a WAV container.
struct VoicePrompt : Record {
    Q_DECLARE_TR_FUNCTIONS(VoicePrompt)
public:
    enum class Origin { ImportedFile, RecordedLocally, RecordedByCall };

    QString name; // unique; services refer to it
    QString description; // the exact spoken text
    qint64 durationMs = 0;
    Origin origin = Origin::ImportedFile;
    QString sourceFile; // the imported file's name, when imported
    double peakDbfs = 0.0;
    double rmsDbfs = 0.0;
    QByteArray audio; // not loaded by list queries

    static QString originName(Origin origin);
    static QString originLabel(Origin origin);
    static Result<Origin> originFromName(const QString &name);

    Status normaliseAndValidate();
    QJsonObject toJson() const;
    // The inverse of toJson(), strict about types; does not validate (see JsonReader).
    static Result<VoicePrompt> fromJson(const QJsonObject &json);
};

} // namespace centrale
